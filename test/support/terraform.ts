import { spawnSync } from 'node:child_process';

/** The real terraform CLI; a test that needs it fails loudly when it is missing. */
export function requireTerraform(bin = process.env.STEER_TF_BIN ?? 'terraform'): string {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`"${bin}" is not installed: these tests run the real Terraform CLI (1.11+). Install it from your package manager or HashiCorp's releases, or set STEER_TF_BIN.`);
  }
  return bin;
}

/**
 * Runs terraform in `cwd`, offline and non-interactive; throws with its output when it fails.
 * `env` adds to (undefined removes from) the environment, e.g. the fake provider's CLI configuration.
 */
export function terraform(bin: string, cwd: string, args: string[], env: Record<string, string | undefined> = {}): string {
  const merged: Record<string, string | undefined> = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', env: merged });
  if (r.status !== 0) throw new Error(`terraform ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
