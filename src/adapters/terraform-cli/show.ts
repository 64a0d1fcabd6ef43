import type { Readable } from 'node:stream';
import { basename, dirname, resolve } from 'node:path';
import { ToolError } from '../../core/errors.js';
import { exitCode, firstErrorLines, spawnTool } from './tool-process.js';

export interface ShownPlan {
  /** The JSON as terraform wrote it (UTF-8 bytes). */
  readonly bytes: Buffer;
  readonly tool: 'terraform' | 'opentofu';
}

const toolOf = (tfBin: string): 'terraform' | 'opentofu' => (/tofu/i.test(basename(tfBin)) ? 'opentofu' : 'terraform');

/**
 * Renders a saved (binary) plan with `terraform show -json` / `tofu show -json`. It runs in the
 * plan's directory unless told otherwise: Terraform needs the initialized working directory.
 */
export async function showSavedPlan(planPath: string, tfBin: string, cwd?: string): Promise<ShownPlan> {
  const { stdout, done } = streamSavedPlan(planPath, tfBin, cwd);
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  await done;
  return { bytes: Buffer.concat(chunks), tool: toolOf(tfBin) };
}

/** `terraform show -json` with its output streamed (for plans too large to hold as one string). */
export function streamSavedPlan(planPath: string, tfBin: string, cwd?: string): { stdout: Readable; done: Promise<void>; tool: 'terraform' | 'opentofu' } {
  const workDir = cwd ?? dirname(resolve(planPath));
  const proc = spawnTool(tfBin, ['show', '-json', '-no-color', resolve(planPath)], workDir, ['ignore', 'pipe', 'pipe']);
  let stderr = '';
  proc.child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = exitCode(proc).then((code) => {
    if (code !== 0) throw new ToolError(`${planPath}: "${tfBin} show -json" failed (exit ${code}) in ${workDir}: ${firstErrorLines(stderr) || 'no error output'}`);
  });
  return { stdout: proc.child.stdout!, done, tool: toolOf(tfBin) };
}
