import { spawn } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { ToolError } from '../../core/errors.js';

export interface ShownPlan {
  readonly text: string;
  readonly tool: 'terraform' | 'opentofu';
}

/**
 * Renders a saved (binary) plan with `terraform show -json` / `tofu show -json`. It runs in the
 * plan's directory unless told otherwise: Terraform needs the initialized working directory.
 */
export async function showSavedPlan(planPath: string, tfBin: string, cwd?: string): Promise<ShownPlan> {
  const workDir = cwd ?? dirname(resolve(planPath));
  const tool = /tofu/i.test(basename(tfBin)) ? 'opentofu' : 'terraform';
  const { code, stdout, stderr } = await run(tfBin, ['show', '-json', '-no-color', resolve(planPath)], workDir);
  if (code !== 0) {
    const why = stderr.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim()).filter(Boolean).slice(0, 3).join(' ');
    throw new ToolError(`${planPath}: "${tfBin} show -json" failed (exit ${code}) in ${workDir}: ${why || 'no error output'}`);
  }
  return { text: stdout, tool };
}

function run(bin: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, TF_IN_AUTOMATION: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(new ToolError(e.code === 'ENOENT' ? `"${bin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${bin}": ${e.message}`));
    });
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** `terraform show -json` with its output streamed (for plans too large to hold as one string). */
export function streamSavedPlan(planPath: string, tfBin: string, cwd?: string): { stdout: NodeJS.ReadableStream; done: Promise<void>; tool: 'terraform' | 'opentofu' } {
  const workDir = cwd ?? dirname(resolve(planPath));
  const tool = /tofu/i.test(basename(tfBin)) ? 'opentofu' : 'terraform';
  const child = spawn(tfBin, ['show', '-json', '-no-color', resolve(planPath)], { cwd: workDir, env: { ...process.env, TF_IN_AUTOMATION: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<void>((resolvePromise, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(new ToolError(e.code === 'ENOENT' ? `"${tfBin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${tfBin}": ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new ToolError(`${planPath}: "${tfBin} show -json" failed (exit ${code}) in ${workDir}: ${stderr.split('\n').find((l) => l.trim()) ?? 'no error output'}`))));
  });
  return { stdout: child.stdout, done, tool };
}
