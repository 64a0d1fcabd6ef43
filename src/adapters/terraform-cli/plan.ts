import { spawn } from 'node:child_process';
import { ToolError } from '../../core/errors.js';

/** `terraform init` then `terraform plan -out=FILE` in a directory (cdktf stacks). Output is captured. */
export async function initAndPlan(dir: string, tfBin: string, outFile: string): Promise<void> {
  await run(tfBin, ['init', '-input=false', '-no-color'], dir);
  await run(tfBin, ['plan', '-input=false', '-no-color', `-out=${outFile}`], dir);
}

function run(bin: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new ToolError(e.code === 'ENOENT' ? `"${bin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${bin}": ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const why = output.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim()).filter((l) => l.startsWith('Error')).slice(0, 2).join(' ');
      reject(new ToolError(`"${bin} ${args[0]}" failed (exit ${code}) in ${cwd}: ${why || output.trim().split('\n').slice(-2).join(' ')}`));
    });
  });
}
