import { isAbsolute, join } from 'node:path';
import { homeDirectory, pathExists, readTextSync } from '../adapters/fs/project-files.js';
import { loadShellSyntax, shellSyntax, ShellSyntaxNotLoaded } from '../adapters/shell/tree-sitter-bash.js';
import { ConfigError } from '../core/errors.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { decideMcp } from '../guard/mcp.js';
import { parseCommand, quoteArgv } from '../guard/parse.js';
import { patchFiles } from '../guard/patch-files.js';
import { protectedFile, SELF_EDIT_WAY } from '../guard/protected-paths.js';
import { detectRuntime, RUNTIME_FORMATS, type HookAnswer, type Runtime } from '../guard/runtimes/index.js';
import { toolCallOf } from '../guard/tool-call.js';
import { checkScripts, checkTasks } from './guard-files.js';

export const WAY_THROUGH =
  'Steer: agents do not change infrastructure directly. Produce a plan (terraform plan -out=tfplan && terraform show -json tfplan > plan.json) or a change set (steer changeset create …), run `steer plan-check`, and open a pull request: a human approves the exact plan, then it is applied.';

/** One decision for a command line, or an argv (`steer guard -- terraform apply`), run in `cwd`. */
export function checkCommand(command: string | readonly string[], lists: GuardLists, cwd: string = process.cwd()): Decision {
  const sh = shellSyntax; // needed only if the command needs a real parse (not for plain words): see withShellSyntax
  const parsed = parseCommand(sh, typeof command === 'string' ? command : quoteArgv(command));
  const decision = decide(parsed, lists, cwd);
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
    // Scripts the command runs, and the files a tool writes, are found from the directory the agent
    // works in: most runtimes say `cwd`; Cursor's MCP and file events say only `workspace_roots`.
    const o = input as { cwd?: unknown; workspace_roots?: unknown };
    const given = o.cwd ?? (Array.isArray(o.workspace_roots) ? o.workspace_roots[0] : undefined);
    let cwd = typeof given === 'string' && isAbsolute(given) ? given : process.cwd();
    const call = toolCallOf(chosen, input);
    switch (call.kind) {
      case 'none':
        return format.allow();
      case 'files': {
        // A write tool whose file can't be told could be writing the hook configuration.
        if (call.paths.length === 0) return format.deny(`Denied: Steer could not tell which file ${call.tool} writes. ${SELF_EDIT_WAY}`);
        const why = selfEdit(call.tool, call.paths, cwd);
        return why ? format.deny(why) : format.allow();
      }
      case 'tool': {
        const why = selfEdit(call.call.name, call.writes, cwd);
        if (why) return format.deny(why);
        const decision = decideMcp(call.call, (command) => checkCommand(command, lists, cwd));
        return decision.decision === 'allow' ? format.allow() : format.deny(`Denied: ${decision.reason}. ${WAY_THROUGH}`);
      }
      case 'shell': {
        const command = format.command(input);
        if (command === null) return format.allow(); // not a shell command after all: not ours to judge
        // The shell tool's own directory (Gemini CLI `directory`/`dir_path`, Codex `workdir`, OpenClaw `workdir`): the command runs there.
        const workdir = shellWorkdir(input);
        if (workdir !== undefined) cwd = workdir.startsWith('~/') ? join(homeDirectory(), workdir.slice(2)) : isAbsolute(workdir) ? workdir : join(cwd, workdir);
        // Codex also runs apply_patch as a shell command (`apply_patch <<'EOF'` or with the patch as its argument);
        // any agent may feed a unified diff to `git apply` or `patch` the same way.
        const patched = command.includes('*** Begin Patch') || /^\+\+\+ /m.test(command) ? selfEdit('apply_patch', patchFiles(command), cwd) : undefined;
        if (patched) return format.deny(patched);
        const decision = checkCommand(command, lists, cwd);
        return decision.decision === 'allow' ? format.allow() : format.deny(`Denied: ${decision.reason}. ${decision.selfEdit ? SELF_EDIT_WAY : WAY_THROUGH}`);
      }
      default: {
        const never: never = call;
        throw new Error(`unknown tool call ${JSON.stringify(never)}`);
      }
    }
  } catch (e) {
    if (e instanceof ShellSyntaxNotLoaded) throw e; // withShellSyntax loads it and asks again
    return failClosed(chosen, `Steer guard could not check this command (${e instanceof Error ? e.message.split('\n')[0] : String(e)}), so it is denied. ${WAY_THROUGH}`);
  }
}

/** Where a shell tool call says its command runs, beside the session's cwd: its arguments' directory field. */
function shellWorkdir(input: unknown): string | undefined {
  const o = input as { tool_input?: unknown; params?: unknown; toolArgs?: unknown };
  const args = [o.tool_input, o.params, typeof o.toolArgs === 'string' ? JSON.parse(o.toolArgs) : o.toolArgs].find((a) => typeof a === 'object' && a !== null) as Record<string, unknown> | undefined;
  const dir = args && ['workdir', 'directory', 'dir_path', 'working_directory', 'cwd'].map((k) => args[k]).find((v) => typeof v === 'string' && v !== '');
  return dir as string | undefined;
}

/**
 * Runs a decision, loading the shell parser (WebAssembly, asynchronous) first if it turns out to
 * need it: a command of plain words never does, so it is decided without it. The decision is
 * pure, so the second run decides what the first would have.
 */
export async function withShellSyntax<T>(decide: () => T): Promise<T> {
  try {
    return decide();
  } catch (e) {
    if (!(e instanceof ShellSyntaxNotLoaded)) throw e;
  }
  await loadShellSyntax();
  return decide();
}

/** The denial of a tool that would write one of the files that switch the guard or the gate off, or undefined. */
function selfEdit(tool: string, paths: readonly string[], cwd: string): string | undefined {
  for (const path of paths) {
    const what = protectedFile(path, cwd);
    if (what) return `Denied: ${tool} would change ${path}, ${what}: an agent that edits it switches off the guard or the gate. ${SELF_EDIT_WAY}`;
  }
  return undefined;
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
    // Read synchronously: a hook runs once per agent command, and fs/promises loads more of Node.
    if (!pathExists(file)) continue;
    let text: string;
    try {
      text = readTextSync(file);
    } catch (e) {
      throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const { guardListsFromText } = await import('./guard-lists.js'); // the YAML parser, only when there is a file
    return guardListsFromText(text, file);
  }
  if (explicit !== undefined) throw new ConfigError(explicit, 'config file not found');
  return { deny: [], allow: [] };
}
