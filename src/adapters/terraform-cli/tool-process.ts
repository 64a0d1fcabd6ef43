import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { ToolError } from '../../core/errors.js';

/** Starts terraform/tofu non-interactively; a missing binary becomes one clear ToolError. */
export function spawnTool(bin: string, args: readonly string[], cwd: string, stdio: StdioOptions): { child: ChildProcess; failed: Promise<never> } {
  // The approval signing key never reaches terraform, its providers or their local-exec/external code.
  const { STEER_SIGNING_KEY: _key, ...env } = process.env;
  const child = spawn(bin, [...args], { cwd, env: { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' }, stdio });
  const failed = new Promise<never>((_resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(new ToolError(e.code === 'ENOENT' ? `"${bin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${bin}": ${e.message}`));
    });
  });
  failed.catch(() => undefined); // observed by the caller through Promise.race
  return { child, failed };
}

/** Waits for the exit code (or the spawn failure). */
export function exitCode(p: { child: ChildProcess; failed: Promise<never> }): Promise<number> {
  return Promise.race([p.failed, new Promise<number>((resolve) => p.child.on('close', (code) => resolve(code ?? 1)))]);
}

/** The first lines of Terraform's error output, without its box-drawing frame. */
export function firstErrorLines(output: string, count = 3): string {
  const lines = output.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim()).filter(Boolean);
  const errors = lines.filter((l) => l.startsWith('Error'));
  return (errors.length > 0 ? errors : lines).slice(0, count).join(' ');
}
