import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { decide, type Decision, type GuardLists } from '../guard/decide.js';
import { parseCommand, parseScript, type ParsedCommand } from '../guard/parse.js';
import { makeRecipes, packageScriptCode, tasksOf } from '../guard/tasks.js';

// The project files a command runs — scripts, package.json scripts, Makefile recipes — read from
// the agent's working directory and checked like the command itself.

/** `npm run deploy`, `yarn deploy`, `make deploy`: the package.json script or Makefile recipes, checked like scripts. */
export function checkTasks(sh: () => ShellSyntax, commands: ParsedCommand['commands'], lists: GuardLists, cwd: string): Decision | undefined {
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
export function checkScripts(sh: () => ShellSyntax, paths: readonly string[], lists: GuardLists, cwd: string, depth: number): Decision | undefined {
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
