import { fileInfo, headSync, homeDirectory, readTextSync, subdirectories } from '../adapters/fs/project-files.js';
import { basename, dirname, join, resolve } from 'node:path';
import type { ShellSyntax } from '../adapters/shell/syntax.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { parseCommand, parseScript, SCRIPT_DIR, UNKNOWN, type ParsedCommand, type ScriptRef } from '../guard/parse.js';
import { justCode, taskfileCode } from '../guard/task-files.js';
import { ALL_WORKSPACES, makeRecipes, packageScriptCode, tasksOf, UNKNOWN_TARGET } from '../guard/tasks.js';

// The project files a command runs — scripts, package.json scripts, Makefile recipes — read from
// the agent's working directory and checked like the command itself.

/** `npm run deploy`, `yarn deploy`, `make deploy`: the package.json script or Makefile recipes, checked like scripts. */
export function checkTasks(sh: () => ShellSyntax, commands: Pick<ParsedCommand, 'commands' | 'dirs'>, lists: GuardLists, cwd: string, depth = 0): Decision | undefined {
  if (depth >= MAX_SCRIPT_DEPTH) return undefined;
  for (const task of tasksOf(commands.commands, commands.dirs)) {
    let code: string[];
    let where: string;
    if (task.dir === UNKNOWN) return denied(`it runs ${task.kind === 'package-script' ? `the package script "${task.names.join(", ")}"` : task.kind === 'taskfile' ? 'task' : task.kind} in a directory that cannot be known before running`);
    const base = resolve(cwd, task.dir);
    if (task.kind === 'just' || task.kind === 'taskfile') {
      const tool = task.kind === 'just' ? 'just' : 'task';
      if (task.chosen || task.names.includes(UNKNOWN_TARGET) || task.file === UNKNOWN_TARGET) return denied(`${tool} runs a recipe that cannot be known before running`);
      const names = task.kind === 'just' ? JUSTFILE_NAMES : TASKFILE_NAMES;
      const found = task.file !== undefined ? upward(resolve(base, dirname(task.file)), [basename(task.file)], 1) : upward(base, names);
      if (!found) {
        if (task.file !== undefined) return denied(`${tool} -f ${task.file}: the file does not exist yet, so what it runs cannot be checked`);
        continue;
      }
      const read = task.kind === 'just' ? justCode(found[1], task.names) : taskfileCode(found[1], task.names);
      if ('problem' in read) return denied(`${tool} ${task.names.join(' ')}: ${read.problem}`);
      code = [...read.code];
      where = `${tool} ${task.names.join(' ') || '(default recipe)'}`;
    } else if (task.kind === 'package-script') {
      // The project's package.json, or its workspaces' (`-w infra`, `--workspaces`, `pnpm -r`, `--filter`).
      const dirs = task.workspace === undefined ? [base] : workspaceDirs(base, task.workspace);
      code = dirs.flatMap((d) => {
        const pkg = task.manifest === 'deno' ? denoTasks(d) : readPackageJson(join(d, 'package.json'));
        return pkg === undefined ? [] : task.names.flatMap((name) => packageScriptCode(pkg, name, task.args)); // `npm run cdk -- deploy` runs `cdk deploy`
      });
      where = `package.json script "${task.names.join('", "')}"${task.workspace === undefined ? '' : ' (workspaces)'}`;
    } else {
      if (task.makefile === '-' || task.makefile === '/dev/stdin' || task.eval) return denied(`make ${task.eval ? '--eval' : '-f -'} runs rules that cannot be known before running`);
      const makefile = task.makefile ? [resolve(base, task.makefile)] : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => join(base, n));
      const found = makefile.map((f) => [f, readProjectFile(f)] as const).find(([, t]) => t !== undefined);
      // `make -f x.mk` of a file that isn't there: this very command line may write it.
      if (!found && task.makefile) return denied(`make -f ${task.makefile}: the makefile does not exist yet, so what it runs cannot be checked`);
      if (!found) continue;
      code = makeRecipes(withIncludes(found[1]!, dirname(found[0]), 0), task.targets, task.overrides, task.envOverrides, task.dryRun);
      where = `make ${task.targets.join(' ') || '(default target)'}`;
    }
    for (const text of code) {
      const parsed = parseCommand(sh, text);
      const decision = decide({ ...parsed, problems: [] }, lists, base);
      if (decision.decision === 'deny') return { ...decision, reason: `${where} runs what is denied: ${decision.reason}` };
      // Scripts and tasks it runs in turn (`npm run build && npm run deploy`, `$(MAKE) -C infra ship`).
      const inner = checkScripts(sh, parsed.scripts, lists, base, 1) ?? checkTasks(sh, parsed, lists, base, depth + 1);
      if (inner) return { ...inner, reason: `${where} → ${inner.reason}` };
    }
  }
  return undefined;
}

const JUSTFILE_NAMES = ['justfile', 'Justfile', '.justfile', 'JUSTFILE'];
const TASKFILE_NAMES = ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml'];

/** The first of `names` in `dir` or the directories above it (just and task look upward), with its text. */
function upward(dir: string, names: readonly string[], levels = 12): readonly [string, string] | undefined {
  for (let d = dir, n = 0; n < levels; d = dirname(d), n++) {
    for (const name of names) {
      const text = readProjectFile(join(d, name));
      if (text !== undefined) return [join(d, name), text];
    }
    if (dirname(d) === d) break;
  }
  return undefined;
}

/** A Makefile with its `include` / `-include` files in place (three levels; a missing one is skipped, as `-include` does). */
function withIncludes(text: string, dir: string, depth: number): string {
  if (depth >= 3) return text;
  return text.replace(/^\s*-?s?include\s+(.+)$/gm, (_line, names: string) =>
    names
      .trim()
      .split(/\s+/)
      .map((name) => {
        const included = readProjectFile(resolve(dir, name));
        return included === undefined ? '' : withIncludes(included, dir, depth + 1);
      })
      .join('\n'),
  );
}

/** deno.json(c)'s tasks as package.json scripts: `"deploy": "cdk deploy"` or `{command, dependencies}` (run first). */
function denoTasks(dir: string): unknown {
  const text = readProjectFile(join(dir, 'deno.json')) ?? readProjectFile(join(dir, 'deno.jsonc'));
  if (text === undefined) return undefined;
  let tasks: unknown;
  try {
    // JSONC: comments out, strings kept.
    tasks = (JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '')) as { tasks?: unknown }).tasks;
  } catch {
    return undefined; // deno refuses a broken deno.json too
  }
  if (typeof tasks !== 'object' || tasks === null) return undefined;
  const scripts: Record<string, string> = {};
  for (const [name, t] of Object.entries(tasks as Record<string, unknown>)) {
    const o = typeof t === 'object' && t !== null ? (t as { command?: unknown; dependencies?: unknown }) : undefined;
    const command = typeof t === 'string' ? t : typeof o?.command === 'string' ? o.command : '';
    const deps = Array.isArray(o?.dependencies) ? o.dependencies.filter((d): d is string => typeof d === 'string').map((d) => `deno task ${d}`) : [];
    scripts[name] = [...deps, command].filter(Boolean).join(' && ');
  }
  return { scripts };
}

function readPackageJson(file: string): unknown {
  const text = readProjectFile(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // npm refuses a broken package.json too
  }
}

/**
 * A named workspace (a path, or else any workspace: a package name can't be told from a path
 * without reading them all), or all of them: package.json `workspaces` and pnpm-workspace.yaml
 * `packages` globs.
 */
function workspaceDirs(base: string, workspace: string): string[] {
  if (workspace !== ALL_WORKSPACES && readProjectFile(join(base, workspace, 'package.json')) !== undefined) return [join(base, workspace)];
  const root = readPackageJson(join(base, 'package.json')) as { workspaces?: string[] | { packages?: string[] } } | undefined;
  const patterns = [...(Array.isArray(root?.workspaces) ? root.workspaces : (root?.workspaces?.packages ?? []))];
  const pnpm = readProjectFile(join(base, 'pnpm-workspace.yaml'));
  if (pnpm) for (const m of pnpm.matchAll(/^\s*-\s*['"]?([^'"#\n]+?)['"]?\s*$/gm)) patterns.push(m[1]!);
  return [base, ...patterns.filter((p) => !p.startsWith('!')).flatMap((p) => expandWorkspace(base, p.replace(/\/$/, '')))];
}

/** `packages/*`, `apps/**`, `infra`: directories with a package.json (a small glob: workspace patterns are simple). */
function expandWorkspace(base: string, pattern: string, depth = 0): string[] {
  const star = pattern.indexOf('*');
  if (star === -1) return readProjectFile(join(base, pattern, 'package.json')) !== undefined ? [join(base, pattern)] : [];
  const parent = pattern.slice(0, pattern.lastIndexOf('/', star) + 1);
  const recursive = pattern.slice(star).startsWith('**');
  let entries: string[] = [];
  try {
    entries = subdirectories(join(base, parent)).filter((name) => name !== 'node_modules' && !name.startsWith('.'));
  } catch {
    return [];
  }
  const here = entries.flatMap((name) => expandWorkspace(base, `${parent}${name}`, depth));
  const deeper = recursive && depth < 4 ? entries.flatMap((name) => expandWorkspace(base, `${parent}${name}/**`, depth + 1)) : [];
  return [...here, ...deeper];
}

/** A project file's text, or undefined when it isn't there or is too large to be one. */
function readProjectFile(file: string): string | undefined {
  try {
    const st = fileInfo(file);
    return st.isFile && st.size <= MAX_SCRIPT_BYTES ? readTextSync(file) : undefined;
  } catch {
    return undefined;
  }
}

const MAX_SCRIPT_BYTES = 1 << 20;
const MAX_SCRIPT_DEPTH = 3;

/**
 * The scripts a command runs (`bash deploy.sh`, `./deploy.sh`), read and checked like the command
 * itself, and the scripts they run in turn. A binary program is not a script. One that can't be
 * checked — not there yet (this very command may write it), unreadable, too large, not valid
 * shell — is denied.
 */
export function checkScripts(sh: () => ShellSyntax, refs: readonly ScriptRef[], lists: GuardLists, cwd: string, depth: number, scriptDir?: string): Decision | undefined {
  for (const ref of refs) {
    const { path } = ref;
    if (ref.dir === SCRIPT_DIR && scriptDir === undefined) continue; // the command line itself: its problem already denies
    const file = ref.dir === SCRIPT_DIR ? resolve(scriptDir!, path) : resolve(cwd, ref.dir, path.replace(/^~(?=\/)/, homeDirectory()));
    let text: string;
    try {
      const st = fileInfo(file);
      if (!st.isFile) continue;
      // A large program (the terraform binary itself) is not a script: only a script too large to read is a problem.
      if (st.size > MAX_SCRIPT_BYTES && isBinary(headSync(file, 512))) continue;
      if (st.size > MAX_SCRIPT_BYTES) return denied(`${path} is too large to check (over 1 MB)`);
      text = readTextSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && !ref.mustExist) continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') return denied(`${path} does not exist yet, so what it runs cannot be checked (run it once it is written, in its own command)`);
      return denied(`${path} cannot be read to check it (${code ?? 'error'})`);
    }
    if (isBinary(text)) continue;
    // Only what the script definitely runs counts: scripts are full of `eval "$(…)"` and "$@" that
    // would deny every wrapper (./gradlew, ./configure). Dynamic code in the agent's own command still denies.
    const parsed = parseScript(sh, text, ref.runAs);
    if (parsed.unparsable) return denied(`${path}: ${parsed.unparsable} — a shell runs it up to the error`);
    const decision = decide({ ...parsed, problems: [] }, lists, cwd);
    if (decision.decision === 'deny') return { ...decision, reason: `${path} runs what is denied: ${decision.reason}` };
    if (depth + 1 < MAX_SCRIPT_DEPTH) {
      const inner = checkScripts(sh, parsed.scripts, lists, cwd, depth + 1, dirname(file));
      if (inner) return { ...inner, reason: `${path} → ${inner.reason}` };
    }
  }
  return undefined;
}

/** A program, not a script: an executable format, or a NUL in the first line (bash refuses those as scripts). */
function isBinary(text: string): boolean {
  if (text.startsWith('\x7fELF') || text.startsWith('\xcf\xfa\xed\xfe') || text.startsWith('MZ')) return true;
  const firstLine = text.indexOf('\n') === -1 ? text : text.slice(0, text.indexOf('\n'));
  return firstLine.includes('\u0000');
}

function denied(reason: string): Decision {
  return { decision: 'deny', reason, commands: [] };
}
