import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { readTextFileIfExists } from '../adapters/fs/read-input.js';
import { shellSyntax, type ShellSyntax } from '../adapters/shell/mvdan.js';
import { ConfigError } from '../core/errors.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { parseCommand, parseScript, quoteArgv, type ParsedCommand } from '../guard/parse.js';
import { makeRecipes, packageScriptCode, tasksOf } from '../guard/tasks.js';
import { detectRuntime, RUNTIME_FORMATS, type HookAnswer, type Runtime } from '../guard/runtimes/index.js';

export const WAY_THROUGH =
  'Steer: agents do not change infrastructure directly. Produce a plan (terraform plan -out=tfplan && terraform show -json tfplan > plan.json) or a change set (steer changeset create …), run `steer plan-check`, and open a pull request: a human approves the exact plan, then it is applied.';

/** One decision for a command line, or an argv (`steer guard -- terraform apply`), run in `cwd`. */
export function checkCommand(command: string | readonly string[], lists: GuardLists, cwd: string = process.cwd()): Decision {
  const sh = shellSyntax; // loaded only if the command needs a real parse (not for plain words)
  const parsed = parseCommand(sh, typeof command === 'string' ? command : quoteArgv(command));
  const decision = decide(parsed, lists);
  if (decision.decision === 'deny') return decision;
  return checkScripts(sh, parsed.scripts, lists, cwd, 0) ?? checkTasks(sh, parsed.commands, lists, cwd) ?? decision;
}

/** `npm run deploy`, `yarn deploy`, `make deploy`: the package.json script or Makefile recipes, checked like scripts. */
function checkTasks(sh: () => ShellSyntax, commands: ParsedCommand['commands'], lists: GuardLists, cwd: string): Decision | undefined {
  for (const task of tasksOf(commands)) {
    let code: string[];
    let where: string;
    if (task.kind === 'package-script') {
      const text = readProjectFile(join(cwd, 'package.json'));
      if (text === undefined) continue;
      let pkg: unknown;
      try {
        pkg = JSON.parse(text);
      } catch {
        continue; // npm refuses a broken package.json too
      }
      code = packageScriptCode(pkg, task.name);
      where = `package.json script "${task.name}"`;
    } else {
      const dir = resolve(cwd, task.dir ?? '.');
      const makefile = task.makefile ? [resolve(dir, task.makefile)] : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => join(dir, n));
      const found = makefile.map((f) => [f, readProjectFile(f)] as const).find(([, t]) => t !== undefined);
      if (!found) continue;
      code = makeRecipes(found[1]!, task.targets);
      where = `make ${task.targets.join(' ') || '(default target)'}`;
    }
    for (const text of code) {
      const parsed = parseCommand(sh, text);
      const decision = decide({ ...parsed, problems: [] }, lists);
      if (decision.decision === 'deny') return { ...decision, reason: `${where} runs what is denied: ${decision.reason}` };
      const inner = checkScripts(sh, parsed.scripts, lists, cwd, 1);
      if (inner) return { ...inner, reason: `${where} → ${inner.reason}` };
    }
  }
  return undefined;
}

/** A project file's text, or undefined when it isn't there or is too large to be one. */
function readProjectFile(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= MAX_SCRIPT_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

const MAX_SCRIPT_BYTES = 1 << 20;
const MAX_SCRIPT_DEPTH = 3;

/**
 * The scripts a command runs (`bash deploy.sh`, `./deploy.sh`), read and checked like the command
 * itself, and the scripts they run in turn. A file that isn't there (or is a binary, or larger
 * than 1 MB) is not a script we can read; one that exists but can't be read is denied.
 */
function checkScripts(sh: () => ShellSyntax, paths: readonly string[], lists: GuardLists, cwd: string, depth: number): Decision | undefined {
  for (const path of paths) {
    const file = resolve(cwd, path.replace(/^~(?=\/)/, homedir()));
    let text: string;
    try {
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_SCRIPT_BYTES) continue;
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      return { decision: 'deny', reason: `${path} cannot be read to check it (${(e as NodeJS.ErrnoException).code ?? 'error'})`, commands: [] };
    }
    if (text.includes('\u0000')) continue; // a binary program
    // Only what the script definitely runs counts: scripts are full of `eval "$(…)"` and "$@" that
    // would deny every wrapper (./gradlew, ./configure). Dynamic code in the agent's own command still denies.
    const parsed = parseScript(sh, text);
    const decision = decide({ ...parsed, problems: [] }, lists);
    if (decision.decision === 'deny') return { ...decision, reason: `${path} runs what is denied: ${decision.reason}` };
    if (depth + 1 < MAX_SCRIPT_DEPTH) {
      const inner = checkScripts(sh, parsed.scripts, lists, cwd, depth + 1);
      if (inner) return { ...inner, reason: `${path} → ${inner.reason}` };
    }
  }
  return undefined;
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

/** The blocking form for failures: the runtime's deny output AND exit code 2, the reason on stderr. */
export function failClosed(runtime: Runtime, reason: string): HookAnswer {
  const answer = RUNTIME_FORMATS[runtime].deny(reason);
  return { stdout: answer.stdout, stderr: answer.stderr || `${reason}\n`, exitCode: 2 };
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
