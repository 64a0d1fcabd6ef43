import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Settings around `terraform apply <saved plan>` that would make it run something other than the
 * approved plan's own code, or change the rendering Steer judges it by. A saved plan carries its
 * configuration, variables and provider lock; these reach past it:
 * - `TF_CLI_ARGS`, `TF_CLI_ARGS_<command>`: extra arguments to every (or one) terraform command;
 * - `TF_REATTACH_PROVIDERS`: providers already running somewhere, used instead of the locked builds;
 * - `dev_overrides` in the CLI configuration: provider binaries from a directory, the lock ignored.
 * Variables (`TF_VAR_*`) don't apply to a saved plan; `TF_DATA_DIR` and `TF_PLUGIN_CACHE_DIR`
 * still hold only builds whose checksums the plan's lock file names.
 * Returns the first problem, in words that name the setting, or undefined.
 */
export function applyEnvironmentProblem(env: NodeJS.ProcessEnv): string | undefined {
  const args = Object.keys(env).filter((k) => /^TF_CLI_ARGS(_|$)/.test(k) && env[k]);
  if (args.length > 0) return `${args.join(', ')} is set: extra command-line arguments would change how the approved plan is rendered or applied — unset it for steer apply`;
  if (env.TF_REATTACH_PROVIDERS) return 'TF_REATTACH_PROVIDERS is set: terraform would use providers already running elsewhere instead of the builds the plan\'s lock file pins — unset it for steer apply';
  for (const file of cliConfigFiles(env)) {
    const text = readIfPresent(file);
    if (text !== undefined && /\bdev_overrides\b/.test(text)) return `the terraform CLI configuration ${file} has dev_overrides: terraform would run provider binaries from a directory, not the builds the plan's lock file pins — remove them for steer apply`;
  }
  return undefined;
}

/** Where terraform (and OpenTofu) read their CLI configuration from. */
function cliConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const explicit = [env.TF_CLI_CONFIG_FILE, env.TOFU_CLI_CONFIG_FILE, env.TERRAFORM_CONFIG].filter((f): f is string => !!f);
  if (explicit.length > 0) return explicit;
  const home = env.HOME ?? homedir();
  return [join(home, '.terraformrc'), join(home, '.tofurc')];
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw e;
  }
}
