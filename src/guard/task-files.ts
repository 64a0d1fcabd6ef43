import { quoteArgv, UNKNOWN_WORD } from './words.js';

/**
 * The recipes of two more task runners, as the shell text they run: justfiles (`just deploy`,
 * https://just.systems/man/en/) and Taskfiles (`task deploy`, https://taskfile.dev/reference/schema).
 * Pure: the caller finds and reads the files. What can't be read with certainty is a problem, and
 * a problem denies — a recipe that isn't there may come from an imported file.
 *
 * The Taskfile reader takes the schema's common shapes (`cmds:` lists of strings, `cmd:` and
 * `task:` entries, `deps:`, block scalars, the one-line `name: cmd` form) line by line, not with a
 * YAML library: this runs inside the agent's pre-execution hook, which loads nothing it doesn't
 * need (see docs/performance.md), and anything outside those shapes is a problem, not a guess.
 */
export type TaskCode = { readonly code: readonly string[] } | { readonly problem: string };

/** `{{ var }}` is known only when just or task runs: an expansion to the shell parser. */
const interpolated = (line: string) => line.replace(/\{\{[^}]*\}\}/g, UNKNOWN_WORD);

interface JustRecipe {
  readonly deps: string[];
  readonly body: string[];
}

/** The justfile's recipes, and its aliases; `imports` when it pulls in other files (`import`, `mod`). */
function justRecipes(text: string): { recipes: Map<string, JustRecipe>; first?: string; imports: boolean } {
  const recipes = new Map<string, JustRecipe>();
  const aliases = new Map<string, string>();
  let first: string | undefined;
  let current: JustRecipe | undefined;
  let imports = false;
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (/^[ \t]+\S/.test(line)) {
      current?.body.push(line.replace(/^[ \t]+/, ''));
      continue;
    }
    current = undefined;
    if (/^\s*(#|$|\[)/.test(line)) continue; // comments, blank lines, [attributes]
    if (/^(import|mod)\b/.test(line)) imports = true;
    const alias = /^alias\s+([\w-]+)\s*:=\s*([\w-]+)/.exec(line);
    if (alias) aliases.set(alias[1]!, alias[2]!);
    // `name param="default" +rest: deps` (a parameter's default may hold `=`; `name := value` is an assignment)
    const recipe = /^@?([A-Za-z_][\w-]*)((?:\s+[^:]*)?):(?!=)(.*)$/.exec(line);
    if (!recipe || /^(set|export|alias|import|mod)\b/.test(line)) continue;
    const deps = [...recipe[3]!.replace(/#.*$/, '').matchAll(/\(\s*([\w-]+)[^)]*\)|([\w-]+)/g)].map((m) => m[1] ?? m[2]!).filter((d) => d !== '&&');
    current = { deps, body: [] };
    recipes.set(recipe[1]!, current);
    first ??= recipe[1];
  }
  for (const [name, target] of aliases) if (recipes.has(target)) recipes.set(name, recipes.get(target)!);
  return { recipes, ...(first ? { first } : {}), imports };
}

/** What `just [recipes]` runs: each recipe's dependencies, then its lines (`@`/`-` prefixes off; a `#!` recipe as a script). */
export function justCode(text: string, names: readonly string[]): TaskCode {
  const { recipes, first, imports } = justRecipes(text);
  const wanted = names.filter((n) => recipes.has(n));
  if (names.length > 0 && wanted.length === 0) return imports ? { problem: `the recipe "${names[0]}" may come from a justfile this one imports` } : { code: [] };
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, depth: number) => {
    const recipe = recipes.get(name);
    if (!recipe || seen.has(name) || depth > 20) return;
    seen.add(name);
    for (const dep of recipe.deps) visit(dep, depth + 1);
    const shebang = /^#!\s*(\S+)(.*)$/.exec(recipe.body[0] ?? '');
    if (shebang) {
      const interpreter = shebang[1]!.endsWith('/env') ? shebang[2]!.trim().split(/\s+/).find((w) => !w.startsWith('-')) ?? 'sh' : shebang[1]!;
      const body = interpolated(recipe.body.slice(1).join('\n'));
      out.push(/(^|\/)(ba|z|da|k)?sh$/.test(interpreter) ? body : quoteArgv([interpreter.split('/').pop()!, /node|deno|bun/.test(interpreter) ? '-e' : interpreter.includes('ruby') || interpreter.includes('perl') ? '-e' : '-c', body]));
    } else for (const line of recipe.body) if (!line.startsWith('#')) out.push(interpolated(line.replace(/^[@-]+/, '')));
  };
  for (const name of names.length > 0 ? wanted : first ? [first] : []) visit(name, 0);
  return { code: out };
}

/** A Taskfile's tasks: their commands (as shell text, `task:` calls by name) and dependencies. */
function taskfileTasks(text: string): Map<string, { cmds: string[]; calls: string[] }> | { problem: string } {
  const lines = text.split('\n');
  const tasks = new Map<string, { cmds: string[]; calls: string[] }>();
  const top = lines.findIndex((l) => /^tasks:\s*(#.*)?$/.test(l));
  if (top < 0) return tasks;
  const indentOf = (l: string) => /^ */.exec(l)![0].length;
  let taskIndent = -1;
  let task: { cmds: string[]; calls: string[] } | undefined;
  let section: 'cmds' | 'deps' | undefined;
  let sectionIndent = -1;
  for (let i = top + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = indentOf(line);
    if (indent === 0) break; // the next top-level key
    if (taskIndent < 0) taskIndent = indent;
    const body = line.trim();
    if (indent === taskIndent) {
      const key = /^["']?([\w:.-]+)["']?:\s*(.*)$/.exec(body);
      if (!key) return { problem: `the Taskfile has a task line Steer can't read (${body.slice(0, 40)})` };
      task = { cmds: [], calls: [] };
      tasks.set(key[1]!, task);
      section = undefined;
      // The short forms: `name: cmd` and `name: [a, b]`.
      const value = key[2]!.replace(/\s+#.*$/, '');
      if (value.startsWith('[')) task.cmds.push(...value.slice(1, -1).split(',').map((c) => unquote(c.trim())));
      else if (value !== '') task.cmds.push(unquote(value));
      continue;
    }
    if (!task) continue;
    const key = /^(\w+):\s*(.*)$/.exec(body);
    if (key && (section === undefined || indent <= sectionIndent)) {
      section = key[1] === 'cmds' || key[1] === 'cmd' ? 'cmds' : key[1] === 'deps' ? 'deps' : undefined;
      sectionIndent = indent;
      const value = key[2]!.replace(/\s+#.*$/, '');
      if (key[1] === 'cmd' && value !== '') task.cmds.push(unquote(value));
      if (key[1] === 'deps' && value.startsWith('[')) task.calls.push(...value.slice(1, -1).split(',').map((d) => unquote(d.trim())).filter(Boolean));
      if ((key[1] === 'cmds' || key[1] === 'deps') && value !== '' && !value.startsWith('[')) return { problem: `the Taskfile's ${key[1]} of a task has a shape Steer can't read` };
      if (key[1] === 'cmds' && value.startsWith('[')) task.cmds.push(...value.slice(1, -1).split(',').map((c) => unquote(c.trim())));
      continue;
    }
    if (section === undefined) continue;
    // A list entry: `- cmd`, `- cmd: x`, `- task: y`, `- |` with the lines under it.
    const item = /^-\s*(?:(cmd|task|defer):\s*)?(.*)$/.exec(body);
    const field = /^(cmd|task):\s*(.*)$/.exec(body);
    const [, kind, raw] = item ?? field ?? [];
    if (raw === undefined) continue; // other fields of an entry (`silent: true`, `vars:`)
    let value = raw.replace(/\s+#.*$/, '');
    if (value === '|' || value === '>' || value === '|-' || value === '>-') {
      const block: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || indentOf(lines[i + 1]!) > indent)) block.push(lines[++i]!.trim());
      value = block.join('\n');
    }
    if (kind === 'task' || section === 'deps') task.calls.push(unquote(value));
    else if (value !== '') task.cmds.push(unquote(value));
  }
  return tasks;
}

function unquote(value: string): string {
  return /^'.*'$|^".*"$/s.test(value) ? value.slice(1, -1) : value;
}

/** What `task [names]` runs: each task's dependencies and the tasks it calls, and its commands (`default` when none is named). */
export function taskfileCode(text: string, names: readonly string[]): TaskCode {
  const tasks = taskfileTasks(text);
  if ('problem' in tasks) return tasks;
  const includes = /^includes:/m.test(text);
  const out: string[] = [];
  const seen = new Set<string>();
  let missing: string | undefined;
  const visit = (name: string, depth: number) => {
    const task = tasks.get(name);
    if (!task) {
      if (includes || name.includes(':') || name.includes('{{')) missing ??= name;
      return;
    }
    if (seen.has(name) || depth > 20) return;
    seen.add(name);
    for (const call of task.calls) visit(call, depth + 1);
    for (const cmd of task.cmds) out.push(interpolated(cmd));
  };
  for (const name of names.length > 0 ? names : ['default']) visit(name, 0);
  return missing !== undefined ? { problem: `the task "${missing}" may come from a Taskfile this one includes` } : { code: out };
}
