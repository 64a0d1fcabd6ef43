import { programName, type Arg } from './words.js';

/**
 * Named tasks a command runs whose code lives in a project file: package.json scripts (`npm run
 * deploy`, `yarn deploy`, `pnpm deploy`, `bun run deploy`) and Makefile targets (`make deploy`).
 * Pure: the caller reads the files and checks the shell code these give.
 */
export type Task = { readonly kind: 'package-script'; readonly name: string } | { readonly kind: 'make'; readonly targets: readonly string[]; readonly makefile?: string; readonly dir?: string };

const NPM_SCRIPT_COMMANDS = new Set(['test', 't', 'start', 'stop', 'restart']);
const MAKE_OPTIONS_WITH_VALUE = new Set(['-f', '--file', '--makefile', '-C', '--directory', '-I', '--include-dir', '-o', '--old-file', '-W', '--what-if', '-l', '--load-average']);

export function tasksOf(commands: readonly (readonly Arg[])[]): Task[] {
  const out: Task[] = [];
  for (const argv of commands) {
    const name = programName(argv[0]!);
    const words = argv.slice(1).filter((a): a is string => typeof a === 'string');
    if (name === 'npm') {
      const [verb, script] = words.filter((w) => !w.startsWith('-'));
      if ((verb === 'run' || verb === 'run-script') && script) out.push({ kind: 'package-script', name: script });
      else if (verb && NPM_SCRIPT_COMMANDS.has(verb)) out.push({ kind: 'package-script', name: verb === 't' ? 'test' : verb });
    } else if (name === 'yarn' || name === 'pnpm' || name === 'bun') {
      const [verb, script] = words.filter((w) => !w.startsWith('-'));
      if (verb === 'run' && script) out.push({ kind: 'package-script', name: script });
      else if (verb && name !== 'bun') out.push({ kind: 'package-script', name: verb }); // `yarn deploy`: a script when package.json has one
    } else if (name === 'make' || name === 'gmake') {
      out.push(makeTask(words));
    }
  }
  return out;
}

function makeTask(words: readonly string[]): Task {
  const targets: string[] = [];
  let makefile: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-f' || w === '--file' || w === '--makefile') makefile = words[++i];
    else if (w === '-C' || w === '--directory') dir = words[++i];
    else if (MAKE_OPTIONS_WITH_VALUE.has(w)) i++;
    else if (w.startsWith('-') || w.includes('=')) continue; // options, VAR=value
    else targets.push(w);
  }
  return { kind: 'make', targets, ...(makefile ? { makefile } : {}), ...(dir ? { dir } : {}) };
}

/** package.json `scripts`: the script and its pre/post hooks, as shell text. */
export function packageScriptCode(packageJson: unknown, name: string): string[] {
  const scripts = (packageJson as { scripts?: unknown } | null)?.scripts;
  if (typeof scripts !== 'object' || scripts === null) return [];
  return [`pre${name}`, name, `post${name}`].map((n) => (scripts as Record<string, unknown>)[n]).filter((s): s is string => typeof s === 'string');
}

/**
 * The recipe lines a `make` run may execute for `targets` (default: the first target) and
 * everything they depend on, as shell text: `$(VAR)` expanded from simple assignments in the
 * file (unknown ones stay `$(VAR)`, which the shell parser sees as code known only at run time).
 */
export function makeRecipes(text: string, targets: readonly string[]): string[] {
  const rules = new Map<string, { deps: string[]; recipe: string[] }>();
  const vars = new Map<string, string>();
  let first: string | undefined;
  let current: { deps: string[]; recipe: string[] }[] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (line.startsWith('\t')) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const assignment = /^\s*(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*)$/.exec(line);
    if (assignment) {
      vars.set(assignment[1]!, assignment[2]!.trim());
      current = [];
      continue;
    }
    const rule = /^([^\s#:=][^:=]*?)\s*::?(?!=)\s*([^;#]*)(?:;(.*))?$/.exec(line);
    if (!rule) {
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) current = [];
      continue;
    }
    current = [];
    for (const target of rule[1]!.trim().split(/\s+/)) {
      const entry = rules.get(target) ?? { deps: [], recipe: [] };
      entry.deps.push(...rule[2]!.trim().split(/\s+/).filter(Boolean));
      if (rule[3]?.trim()) entry.recipe.push(rule[3].trim());
      rules.set(target, entry);
      current.push(entry);
      if (first === undefined && !target.startsWith('.')) first = target;
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (target: string, depth: number): void => {
    if (seen.has(target) || depth > 20) return;
    seen.add(target);
    const rule = rules.get(target);
    if (!rule) return;
    for (const dep of rule.deps) visit(expand(dep, vars), depth + 1);
    // `$$` is a literal `$` for the shell: kept out of make's expansion.
    for (const line of rule.recipe) out.push(expand(line.replace(/^[\s@+-]+/, '').replace(/\$\$/g, '\u0001'), vars).replace(/\u0001/g, '$'));
  };
  for (const t of targets.length > 0 ? targets : first ? [first] : []) visit(t, 0);
  return out;
}

/** `$(VAR)` / `${VAR}` from the file's assignments, a few levels deep; unknown ones are kept. */
function expand(text: string, vars: ReadonlyMap<string, string>): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(/\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]/g, (m, name: string) => vars.get(name) ?? m);
    if (next === out) break;
    out = next;
  }
  return out;
}
