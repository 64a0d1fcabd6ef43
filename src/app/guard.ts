import { isAbsolute, join } from 'node:path';
import { readTextFileIfExists } from '../adapters/fs/read-input.js';
import { shellSyntax } from '../adapters/shell/mvdan.js';
import { ConfigError } from '../core/errors.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { parseCommand, quoteArgv } from '../guard/parse.js';
import { detectRuntime, RUNTIME_FORMATS, type HookAnswer, type Runtime } from '../guard/runtimes/index.js';
import { checkScripts, checkTasks } from './guard-files.js';

export const WAY_THROUGH =
  'Steer: agents do not change infrastructure directly. Produce a plan (terraform plan -out=tfplan && terraform show -json tfplan > plan.json) or a change set (steer changeset create …), run `steer plan-check`, and open a pull request: a human approves the exact plan, then it is applied.';

/** One decision for a command line, or an argv (`steer guard -- terraform apply`), run in `cwd`. */
export function checkCommand(command: string | readonly string[], lists: GuardLists, cwd: string = process.cwd()): Decision {
  const sh = shellSyntax; // loaded only if the command needs a real parse (not for plain words)
  const parsed = parseCommand(sh, typeof command === 'string' ? command : quoteArgv(command));
  const decision = decide(parsed, lists);
  if (decision.decision === 'deny') return decision;
  return checkScripts(sh, parsed.scripts, lists, cwd, 0) ?? checkTasks(sh, parsed, lists, cwd) ?? decision;
}

/**
 * A hook input (stdin) → the runtime's own answer. Never throws: anything unexpected — bad JSON,
 * a missing command, a bug — is a denial in the runtime's blocking form, because most runtimes
 * let the command run when a hook fails.
 */
export function answerHook(stdin: string, runtime: Runtime | undefined, lists: GuardLists): HookAnswer {
  let chosen: Runtime = runtime ?? 'claude';
  try {
    const input: unknown = JSON.parse(stdin);
    chosen = runtime ?? detectRuntime(input);
    const format = RUNTIME_FORMATS[chosen];
    const command = format.command(input);
    if (command === null) return format.allow(); // not a shell command: not ours to judge
    // Scripts the command runs are found from the directory the agent runs it in (most runtimes say).
    const cwd = (input as { cwd?: unknown }).cwd;
    const decision = checkCommand(command, lists, typeof cwd === 'string' && isAbsolute(cwd) ? cwd : process.cwd());
    return decision.decision === 'allow' ? format.allow() : format.deny(`Denied: ${decision.reason}. ${WAY_THROUGH}`);
  } catch (e) {
    return failClosed(chosen, `Steer guard could not check this command (${e instanceof Error ? e.message.split('\n')[0] : String(e)}), so it is denied. ${WAY_THROUGH}`);
  }
}

/** The blocking form for failures: the runtime's deny output AND exit code 2 (or the code its runtime honours), the reason on stderr. */
export function failClosed(runtime: Runtime, reason: string): HookAnswer {
  const format = RUNTIME_FORMATS[runtime];
  const answer = format.deny(reason);
  return { stdout: answer.stdout, stderr: answer.stderr || `${reason}\n`, exitCode: format.failureExitCode ?? 2 };
}

// The same names, in the same order, as app/load-config.ts (not imported: it loads the whole config schema).
const CONFIG_FILE_NAMES = ['steer.yml', '.steer.yml', 'steer.yaml', '.steer.yaml'];

/** guard.deny / guard.allow from `--config FILE` or steer.yml in `cwd`; none when there is no file. */
export async function loadGuardLists(cwd: string, explicit?: string): Promise<GuardLists> {
  const candidates = explicit !== undefined ? [explicit] : CONFIG_FILE_NAMES.map((n) => join(cwd, n));
  for (const file of candidates) {
    const text = await readTextFileIfExists(file);
    if (text === undefined) continue;
    const { guardListsFromText } = await import('./guard-lists.js'); // the YAML parser, only when there is a file
    return guardListsFromText(text, file);
  }
  if (explicit !== undefined) throw new ConfigError(explicit, 'config file not found');
  return { deny: [], allow: [] };
}
