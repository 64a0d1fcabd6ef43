import { nameGlob } from '../core/glob.js';
import { programName, shellText, subdir, UNKNOWN, type Arg } from './words.js';

/**
 * Named tasks a command runs whose code lives in a project file: package.json scripts (`npm run
 * deploy`, `yarn deploy`, `pnpm deploy`, `bun run deploy`) and Makefile targets (`make deploy`).
 * Pure: the caller reads the files and checks the shell code these give.
 */
export type Task =
  | {
      readonly kind: 'package-script';
      readonly names: readonly string[];
      readonly args: readonly Arg[];
      readonly dir: Dir;
      /** npm/yarn/pnpm workspaces: one named (`-w infra`: a path or a package name), or all of them (`--workspaces`, `-r`, `--filter`). */
      readonly workspace?: string;
      /** `deno task`: the tasks of deno.json(c), not package.json's scripts. */
      readonly manifest?: 'deno';
    }
  | {
      readonly kind: 'make';
      readonly targets: readonly string[];
      readonly overrides: Readonly<Record<string, string>>;
      readonly envOverrides: boolean;
      readonly makefile?: string;
      readonly eval?: boolean;
      /** `make -n` / `-q` / `-t`: recipes are printed or skipped, not run (but `+` lines and `$(MAKE)` still run). */
      readonly dryRun?: boolean;
      readonly dir: Dir;
    }
  | RecipeTask<'just'>
  | RecipeTask<'taskfile'>;

/** `just deploy` (a justfile), `task deploy` (a Taskfile): recipes by name, none for the default one. */
interface RecipeTask<K extends 'just' | 'taskfile'> {
  readonly kind: K;
  readonly names: readonly string[];
  /** `just -f FILE`, `task -t FILE`; otherwise found in the directory or above it, as both tools do. */
  readonly file?: string;
  /** `--choose`: the recipe is picked when it runs. */
  readonly chosen?: boolean;
  readonly dir: Dir;
}

/** What `npm install` / `npm ci` / bare `yarn` / `pnpm install` run from package.json on their own. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
const INSTALL_VERBS = new Set(['install', 'i', 'ci', 'add', 'isntall']);

/** A directory relative to where the command line runs; UNKNOWN when only running it would tell. */
type Dir = string | typeof UNKNOWN;

const NPM_SCRIPT_COMMANDS = new Set(['test', 't', 'start', 'stop', 'restart']);
/** `npm run` and its aliases (`npm rum`, `npm urn`, `run-script`). */
const RUN_VERBS = new Set(['run', 'run-script', 'rum', 'urn']);
const MAKE_OPTIONS_WITH_VALUE = new Set(['-I', '--include-dir', '-o', '--old-file', '-W', '--what-if', '-l', '--load-average', '-j', '--jobs']);
/** Options whose value is optional (`make -j deploy`: deploy is a target): they take the next word only if it is a number. */
const MAKE_OPTIONAL_NUMBER = new Set(['-j', '--jobs', '-l', '--load-average']);
/** `make -n`, `--dry-run`, `-q`, `-t`: recipes don't run. */
const MAKE_NO_RECIPES = new Set(['-n', '--just-print', '--dry-run', '--recon', '-q', '--question', '-t', '--touch']);
/** Options that name the project directory: npm --prefix, yarn/bun --cwd, pnpm -C/--dir. */
const PROJECT_DIR_OPTIONS = new Set(['--prefix', '--cwd', '-C', '--dir']);

export function tasksOf(commands: readonly (readonly Arg[])[], dirs: readonly Dir[]): Task[] {
  const out: Task[] = [];
  commands.forEach((argv, index) => {
    const name = programName(argv[0]!);
    const here = dirs[index] ?? '';
    if (name === 'npm' || name === 'yarn' || name === 'pnpm' || name === 'bun') {
      const task = packageTask(name, argv.slice(1), here);
      if (task) out.push(task);
    } else if (name === 'make' || name === 'gmake') {
      out.push(makeTask(argv.slice(1), here));
    } else if (name === 'deno' && argv[1] === 'task') {
      // `deno task deploy [args]` (options before the name: `--cwd dir`, `-c deno.json`)
      let i = 2;
      let dir: Dir = here;
      for (; i < argv.length && typeof argv[i] === 'string' && (argv[i] as string).startsWith('-'); i++) if (['--cwd', '-c', '--config'].includes(argv[i] as string)) dir = argv[i] === '--cwd' ? subdir(dir, argv[++i]) : (i++, dir);
      const task = argv[i];
      if (typeof task === 'string') out.push({ kind: 'package-script', names: [task], args: argv.slice(i + 1), dir, manifest: 'deno' });
      else if (task === UNKNOWN) out.push({ kind: 'package-script', names: ['*'], args: [], dir, manifest: 'deno' });
    } else if (name === 'just' || name === 'task' || name === 'go-task') {
      const task = name === 'just' ? recipeTask('just', argv.slice(1), here) : recipeTask('taskfile', argv.slice(1), here);
      if (task) out.push(task);
    } else if (name === 'run-s' || name === 'run-p' || name === 'npm-run-all') {
      // npm-run-all: package scripts by name or glob (`build:*`)
      const names = argv.slice(1).filter((a): a is string => typeof a === 'string' && !a.startsWith('-'));
      if (names.length > 0) out.push({ kind: 'package-script', names, args: [], dir: here });
    }
  });
  return out;
}

/** Task.workspace when every workspace may run the script. */
export const ALL_WORKSPACES = '\u0000all';

function packageTask(tool: string, args: readonly Arg[], here: Dir): Task | undefined {
  let dir: Dir = here;
  let workspace: string | undefined;
  const words: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const attached = typeof a === 'string' ? /^(--prefix|--cwd|--dir)=(.*)$/.exec(a) ?? /^(-C)(.+)$/.exec(a) : null;
    const ws = typeof a === 'string' ? /^(-w|--workspace|--filter|-F)(?:=(.*))?$/.exec(a) : null;
    if (typeof a === 'string' && (PROJECT_DIR_OPTIONS.has(a) || attached)) {
      const value = attached ? attached[2]! : args[++i];
      dir = subdir(dir, value);
    } else if (ws) {
      const value = ws[2] ?? args[++i];
      workspace = ws[1] === '--filter' || ws[1] === '-F' || typeof value !== 'string' ? ALL_WORKSPACES : value;
    } else if (typeof a === 'string' && ['--workspaces', '-ws', '-r', '--recursive', '--include-workspace-root'].includes(a)) {
      workspace = ALL_WORKSPACES;
    } else {
      words.push(a);
    }
  }
  const dash = words.indexOf('--');
  const positional = (dash === -1 ? words : words.slice(0, dash)).filter((w) => w === UNKNOWN || !w.startsWith('-'));
  if (tool === 'yarn' && (positional[0] === 'workspace' || positional[0] === 'workspaces')) {
    // `yarn workspace infra deploy`, `yarn workspaces foreach -A run deploy`: the script in the workspaces
    const rest = positional.slice(positional[0] === 'workspace' ? 2 : positional.indexOf('run') + 1).filter((w): w is string => typeof w === 'string');
    return rest[0] === undefined ? undefined : { kind: 'package-script', names: [rest[0] === 'run' ? (rest[1] ?? '') : rest[0]], args: [], dir, workspace: ALL_WORKSPACES };
  }
  const [verb, script] = positional;
  if (verb === UNKNOWN) return undefined; // `npm $X`: the program is known, the script isn't — nothing to read
  // `npm install`, `npm ci`, bare `yarn`: the project's install scripts run.
  if (verb === undefined ? tool === 'yarn' : INSTALL_VERBS.has(verb)) return { kind: 'package-script', names: INSTALL_SCRIPTS, args: [], dir };
  const rest = (from: Arg | undefined) => {
    const after = dash === -1 ? positional.slice(positional.indexOf(from!) + 1) : words.slice(dash + 1);
    return after;
  };
  if (RUN_VERBS.has(verb as string) && script !== undefined && script !== UNKNOWN) return { kind: 'package-script', names: [script], args: rest(script), dir, ...(workspace ? { workspace } : {}) };
  if (tool === 'npm' && verb && NPM_SCRIPT_COMMANDS.has(verb)) return { kind: 'package-script', names: [verb === 't' ? 'test' : verb], args: rest(verb), dir, ...(workspace ? { workspace } : {}) };
  // `yarn deploy`, `pnpm deploy`, `bun deploy`: a script when package.json has one
  if (tool !== 'npm' && verb) return { kind: 'package-script', names: [verb], args: rest(verb), dir, ...(workspace ? { workspace } : {}) };
  return undefined;
}

function makeTask(args: readonly Arg[], here: Dir): Task {
  const targets: string[] = [];
  const overrides: Record<string, string> = {};
  let makefile: string | undefined;
  let dir: Dir = here;
  let envOverrides = false;
  let evaluated = false;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === UNKNOWN) {
      targets.push(UNKNOWN_TARGET);
      continue;
    }
    const attached = /^(--directory|--file|--makefile)=(.*)$/.exec(w) ?? /^(-C|-f)(.+)$/.exec(w);
    const option = attached ? attached[1]! : w;
    const value = (): Arg => (attached ? attached[2]! : (args[++i] ?? UNKNOWN));
    if (option === '-C' || option === '--directory') dir = subdir(dir, value());
    else if (option === '-f' || option === '--file' || option === '--makefile') makefile = String(value());
    else if (MAKE_OPTIONS_WITH_VALUE.has(w)) i += !MAKE_OPTIONAL_NUMBER.has(w) || /^\d+(\.\d+)?$/.test(String(args[i + 1])) ? 1 : 0;
    else if (MAKE_NO_RECIPES.has(w) || /^-[a-zA-Z]*[nqt][a-zA-Z]*$/.test(w) && /^-[iksSwBLrRn qtdpe]+$/.test(w)) dryRun = true;
    else if (w === '-e' || w === '--environment-overrides') envOverrides = true;
    else if (w.startsWith('--eval')) evaluated = true;
    else if (/^[A-Za-z_][A-Za-z0-9_.-]*:?=/.test(w)) overrides[w.slice(0, w.indexOf('='))!.replace(/:$/, '')] = w.slice(w.indexOf('=') + 1);
    else if (!w.startsWith('-')) targets.push(w);
  }
  return { kind: 'make', targets, overrides, envOverrides, ...(makefile ? { makefile } : {}), ...(evaluated ? { eval: true } : {}), ...(dryRun ? { dryRun } : {}), dir };
}

/** just's and task's options: those that take a value, and those after which no recipe runs (listings, dry runs, `--command`). */
const RECIPE_RUNNERS = {
  just: {
    withValue: new Set(['-f', '--justfile', '-d', '--working-directory', '--shell', '--shell-arg', '--dotenv-filename', '--dotenv-path', '--color', '--list-heading', '--list-prefix', '--chooser', '--completions', '--dump-format', '--timestamp-format', '--command-color']),
    file: new Set(['-f', '--justfile']),
    dir: new Set(['-d', '--working-directory']),
    none: new Set(['-l', '--list', '--summary', '-s', '--show', '--dump', '--evaluate', '--fmt', '--init', '--variables', '--changelog', '-V', '--version', '-h', '--help', '--groups', '-n', '--dry-run', '-c', '--command', '--edit', '--completions', '--usage']),
  },
  taskfile: {
    withValue: new Set(['-d', '--dir', '-t', '--taskfile', '-o', '--output', '--output-group-begin', '--output-group-end', '-C', '--concurrency', '-I', '--interval', '--sort', '--remote-cache-dir', '--cache-expiry']),
    file: new Set(['-t', '--taskfile']),
    dir: new Set(['-d', '--dir']),
    none: new Set(['-l', '--list', '-a', '--list-all', '--summary', '-i', '--init', '--version', '-h', '--help', '-n', '--dry', '--status', '--completion', '--experiments']),
  },
} as const;

function recipeTask<K extends 'just' | 'taskfile'>(kind: K, args: readonly Arg[], here: Dir): RecipeTask<K> | undefined {
  const spec = RECIPE_RUNNERS[kind];
  const names: string[] = [];
  let dir: Dir = here;
  let file: string | undefined;
  let chosen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return { kind, names: [UNKNOWN_TARGET], dir };
    if (a === '--') break; // task: the rest is CLI_ARGS
    const [option, attached] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if ((spec.none as ReadonlySet<string>).has(option)) return undefined;
    if (option === '--choose') chosen = true;
    else if (option === '--set') i += 2; // just --set NAME VALUE
    else if ((spec.withValue as ReadonlySet<string>).has(option)) {
      const value = attached ?? args[++i];
      if ((spec.file as ReadonlySet<string>).has(option)) file = typeof value === 'string' ? value : UNKNOWN_TARGET;
      if ((spec.dir as ReadonlySet<string>).has(option)) dir = subdir(dir, value);
    } else if (!a.startsWith('-') && !/^[A-Za-z_][\w.-]*=/.test(a)) names.push(a);
  }
  return { kind, names, dir, ...(file !== undefined ? { file } : {}), ...(chosen ? { chosen } : {}) };
}

/** A make target only known at run time (`make $T`): it may be any of them, so every recipe counts. */
export const UNKNOWN_TARGET = '\u0000any target';

/** package.json `scripts`: the script (with the arguments passed to it) and its pre/post hooks, as shell text. */
export function packageScriptCode(packageJson: unknown, name: string, args: readonly Arg[] = []): string[] {
  if (name.includes('*')) {
    const all = Object.keys(((packageJson as { scripts?: unknown } | null)?.scripts as Record<string, unknown> | undefined) ?? {});
    return all.filter((n) => nameGlob(name).test(n)).flatMap((n) => packageScriptCode(packageJson, n, args));
  }
  const scripts = (packageJson as { scripts?: unknown } | null)?.scripts;
  if (typeof scripts !== 'object' || scripts === null) return [];
  const text = (n: string) => (scripts as Record<string, unknown>)[n];
  const main = text(name);
  return [text(`pre${name}`), typeof main === 'string' && args.length > 0 ? `${main} ${shellText(args)}` : main, text(`post${name}`)].filter((s): s is string => typeof s === 'string');
}

/**
 * The recipe lines a `make` run may execute for `targets` (default: the first target) and
 * everything they depend on, as shell text: `$(VAR)` expanded from simple assignments in the
 * file (unknown ones stay `$(VAR)`, which the shell parser sees as code known only at run time).
 */
export function makeRecipes(text: string, targets: readonly string[], overrides: Readonly<Record<string, string>> = {}, envOverrides = false, dryRun = false): string[] {
  const rules = new Map<string, { deps: string[]; recipe: string[] }>();
  const vars = new Map<string, string>();
  // `?=` (and every assignment under `make -e`) can be set from the environment: left unexpanded,
  // so the shell parser sees code known only at run time. Command-line `VAR=value` wins over all.
  const fromEnvironment = new Set<string>();
  let first: string | undefined;
  let current: { deps: string[]; recipe: string[] }[] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (line.startsWith('\t')) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const assignment = /^\s*(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(:{1,3}=|\?=|\+=|!=|=)\s*(.*)$/.exec(line);
    if (assignment) {
      const [, name, op, value] = assignment as unknown as [string, string, string, string];
      // `?=` keeps a value set before (the command line's, or the environment's: see checkTasks) and otherwise is the default.
      if (op === '!=' || envOverrides) fromEnvironment.add(name);
      else if (op === '?=') {
        if (!vars.has(name)) vars.set(name, value.trim());
      } else vars.set(name, op === '+=' ? `${vars.get(name) ?? ''} ${value.trim()}` : value.trim());
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
  if (!vars.has('MAKE') && !fromEnvironment.has('MAKE')) vars.set('MAKE', 'make'); // `$(MAKE) -C infra ship`
  // Under `make -n` the recursive make runs, and is told -n too (MAKEFLAGS): it prints its recipes as well.
  if (dryRun && vars.has('MAKE')) vars.set('MAKE', `${vars.get('MAKE')} -n`);
  for (const name of fromEnvironment) vars.delete(name);
  for (const [name, value] of Object.entries(overrides)) vars.set(name, value);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (target: string, depth: number): void => {
    if (seen.has(target) || depth > 20) return;
    seen.add(target);
    const rule = rules.get(target) ?? patternRule(rules, target);
    if (!rule) return;
    for (const dep of rule.deps) visit(expand(dep, vars), depth + 1);
    // `$$` is a literal `$` for the shell: kept out of make's expansion.
    for (const line of rule.recipe) if (!dryRun || /^[\s@-]*\+/.test(line) || /\$[({]MAKE[)}]/.test(line)) out.push(expand(line.replace(/^[\s@+-]+/, '').replace(/\$\$/g, '\u0001'), vars).replace(/\u0001/g, '$'));
  };
  const wanted = targets.includes(UNKNOWN_TARGET) ? [...rules.keys()] : targets.length > 0 ? targets : first ? [first] : [];
  for (const t of wanted) visit(t, 0);
  return out;
}

/** `tf-%: …` for `tf-apply`: the recipe with `$*` as the stem and `$@` as the target. */
function patternRule(rules: ReadonlyMap<string, { deps: string[]; recipe: string[] }>, target: string): { deps: string[]; recipe: string[] } | undefined {
  for (const [pattern, rule] of rules) {
    const at = pattern.indexOf('%');
    if (at === -1) continue;
    const [prefix, suffix] = [pattern.slice(0, at), pattern.slice(at + 1)];
    if (!target.startsWith(prefix) || !target.endsWith(suffix) || target.length < prefix.length + suffix.length) continue;
    const stem = target.slice(prefix.length, target.length - suffix.length);
    const fill = (t: string) => t.replace(/\$\*|\$\(\*\)/g, stem).replace(/\$@|\$\(@\)/g, target);
    return { deps: rule.deps.map((d) => d.replace('%', stem)), recipe: rule.recipe.map(fill) };
  }
  return undefined;
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
