import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { parseCommand, parseScript, UNKNOWN, type ParsedCommand, type ScriptRef } from '../guard/parse.js';
import { makeRecipes, packageScriptCode, tasksOf } from '../guard/tasks.js';

// The project files a command runs — scripts, package.json scripts, Makefile recipes — read from
// the agent's working directory and checked like the command itself.

/** `npm run deploy`, `yarn deploy`, `make deploy`: the package.json script or Makefile recipes, checked like scripts. */
export function checkTasks(sh: () => ShellSyntax, commands: Pick<ParsedCommand, 'commands' | 'dirs'>, lists: GuardLists, cwd: string): Decision | undefined {
  for (const task of tasksOf(commands.commands, commands.dirs)) {
    let code: string[];
    let where: string;
    if (task.dir === UNKNOWN) return denied(`it runs ${task.kind === 'make' ? 'make' : `the package script "${task.name}"`} in a directory that cannot be known before running`);
    const base = resolve(cwd, task.dir);
    if (task.kind === 'package-script') {
      const text = readProjectFile(join(base, 'package.json'));
      if (text === undefined) continue;
      let pkg: unknown;
      try {
        pkg = JSON.parse(text);
      } catch {
        continue; // npm refuses a broken package.json too
      }
      // Arguments after the script name are appended to it (`npm run cdk -- deploy`).
      code = packageScriptCode(pkg, task.name, task.args); // `npm run cdk -- deploy` runs `cdk deploy`
      where = `package.json script "${task.name}"`;
    } else {
      const makefile = task.makefile ? [resolve(base, task.makefile)] : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => join(base, n));
      const found = makefile.map((f) => [f, readProjectFile(f)] as const).find(([, t]) => t !== undefined);
      if (!found) continue;
      code = makeRecipes(found[1]!, task.targets, task.overrides, task.envOverrides);
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
 * itself, and the scripts they run in turn. A binary program is not a script. One that can't be
 * checked — not there yet (this very command may write it), unreadable, too large, not valid
 * shell — is denied.
 */
export function checkScripts(sh: () => ShellSyntax, refs: readonly ScriptRef[], lists: GuardLists, cwd: string, depth: number): Decision | undefined {
  for (const ref of refs) {
    const { path } = ref;
    const file = resolve(cwd, ref.dir, path.replace(/^~(?=\/)/, homedir()));
    let text: string;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      if (st.size > MAX_SCRIPT_BYTES) return denied(`${path} is too large to check (over 1 MB)`);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && !ref.mustExist) continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') return denied(`${path} does not exist yet, so what it runs cannot be checked (run it once it is written, in its own command)`);
      return denied(`${path} cannot be read to check it (${code ?? 'error'})`);
    }
    if (isBinary(text)) continue;
    // Only what the script definitely runs counts: scripts are full of `eval "$(…)"` and "$@" that
    // would deny every wrapper (./gradlew, ./configure). Dynamic code in the agent's own command still denies.
    const parsed = parseScript(sh, text);
    if (parsed.unparsable) return denied(`${path}: ${parsed.unparsable} — a shell runs it up to the error`);
    const decision = decide({ ...parsed, problems: [] }, lists);
    if (decision.decision === 'deny') return { ...decision, reason: `${path} runs what is denied: ${decision.reason}` };
    if (depth + 1 < MAX_SCRIPT_DEPTH) {
      const inner = checkScripts(sh, parsed.scripts, lists, cwd, depth + 1);
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
