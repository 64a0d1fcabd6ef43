import { ToolError } from '../../core/errors.js';
import { exitCode, firstErrorLines, spawnTool } from './tool-process.js';

/** `terraform init` then `terraform plan -out=FILE` in a directory (cdktf stacks). Output is captured. */
export async function initAndPlan(dir: string, tfBin: string, outFile: string): Promise<void> {
  await run(tfBin, ['init', '-input=false', '-no-color'], dir);
  await run(tfBin, ['plan', '-input=false', '-no-color', `-out=${outFile}`], dir);
}

async function run(bin: string, args: string[], cwd: string): Promise<void> {
  const proc = spawnTool(bin, args, cwd, ['ignore', 'pipe', 'pipe']);
  let output = '';
  proc.child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  proc.child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await exitCode(proc);
  if (code !== 0) throw new ToolError(`"${bin} ${args[0]}" failed (exit ${code}) in ${cwd}: ${firstErrorLines(output, 2)}`);
}
