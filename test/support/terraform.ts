import { spawnSync } from 'node:child_process';

/** The real terraform CLI; a test that needs it fails loudly when it is missing. */
export function requireTerraform(bin = process.env.STEER_TF_BIN ?? 'terraform'): string {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`"${bin}" is not installed: these tests run the real Terraform CLI (1.11+). Install it from your package manager or HashiCorp's releases, or set STEER_TF_BIN.`);
  }
  return bin;
}

/** Runs terraform in `cwd`, offline and non-interactive; throws with its output when it fails. */
export function terraform(bin: string, cwd: string, args: string[]): string {
  const r = spawnSync(bin, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
  });
  if (r.status !== 0) throw new Error(`terraform ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
