import { dirname, resolve } from 'node:path';
import { exitCode, spawnTool } from './tool-process.js';

export interface ApplyResult {
  readonly exitCode: number;
  /** Terraform refused the saved plan because state changed since it was made. */
  readonly stale: boolean;
}

/**
 * `terraform apply <saved plan>` — never a fresh plan. Output streams through; stderr is also
 * watched for Terraform's own stale-plan refusal so Steer can explain it.
 */
export async function applySavedPlan(planPath: string, tfBin: string, cwd?: string): Promise<ApplyResult> {
  const proc = spawnTool(tfBin, ['apply', '-input=false', resolve(planPath)], cwd ?? dirname(resolve(planPath)), ['ignore', 'inherit', 'pipe']);
  let stderr = '';
  proc.child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    process.stderr.write(c);
  });
  const code = await exitCode(proc);
  return { exitCode: code, stale: /Saved plan is stale/i.test(stderr) };
}
