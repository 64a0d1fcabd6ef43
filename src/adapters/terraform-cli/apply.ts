import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { ToolError } from '../../core/errors.js';

export interface ApplyResult {
  readonly exitCode: number;
  /** Terraform refused the saved plan because state changed since it was made. */
  readonly stale: boolean;
}

/**
 * `terraform apply <saved plan>` — never a fresh plan. Output streams through; stderr is also
 * watched for Terraform's own stale-plan refusal so Steer can explain it.
 */
export function applySavedPlan(planPath: string, tfBin: string, cwd?: string): Promise<ApplyResult> {
  const workDir = cwd ?? dirname(resolve(planPath));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tfBin, ['apply', '-input=false', resolve(planPath)], { cwd: workDir, env: { ...process.env, TF_IN_AUTOMATION: '1' }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      process.stderr.write(c);
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(new ToolError(e.code === 'ENOENT' ? `"${tfBin}" not found on PATH` : `could not run "${tfBin}": ${e.message}`)));
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, stale: /Saved plan is stale/i.test(stderr) }));
  });
}
