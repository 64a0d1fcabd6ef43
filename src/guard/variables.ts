import type { ShellSyntax } from '../adapters/shell/syntax.js';
import { plainParam, UNKNOWN, wordText, type Arg, type Node, type Value, type Vars } from './words.js';

// Shell variables set earlier in the same text — `T=terraform`, `cmd=(cdk deploy)`, `IFS=,`,
// `printf -v`, `read … <<<`, the positional parameters of `bash -c '…' _ args` — and the words a
// command's words become with them: substituted and split as the shell does. A variable whose
// value can't be known stays UNKNOWN.

interface AssignNode {
  Name: { Value: string } | null;
  Value: Node | null;
  Array: { Elems: { Value: Node | null }[] } | null;
  Append: boolean;
}

/** `X=value`, `a=(x y)`, `a+=(z)` (a CallExpr without words, or declare/export/local). */
export function assign(sh: ShellSyntax, vars: Map<string, Value>, node: AssignNode): void {
  if (!node.Name) return;
  const name = node.Name.Value;
  if (node.Array) {
    const elems = node.Array.Elems.flatMap((e) => (e.Value ? expandWord(sh, e.Value, vars).words : []));
    const list: Value = elems.some((e) => e === UNKNOWN) ? UNKNOWN : (elems as string[]);
    const before = vars.get(name);
    vars.set(name, node.Append && list !== UNKNOWN ? (Array.isArray(before) ? [...before, ...list] : UNKNOWN) : list);
    return;
  }
  const value = node.Value ? wordText(sh, node.Value, false, vars) : '';
  const before = vars.get(name);
  vars.set(name, node.Append ? (typeof before === 'string' && value !== UNKNOWN ? before + value : UNKNOWN) : value);
}

/** The characters the shell splits unquoted expansions on. */
function separators(vars: Vars): RegExp {
  const ifs = vars.get('IFS');
  const chars = typeof ifs === 'string' ? ifs : ' \t\n';
  return chars === '' ? /$^/ : new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]+`);
}

function split(value: string, vars: Vars): string[] {
  return value.split(separators(vars)).filter((w) => w !== '');
}

/**
 * One word → the words it becomes. `open`: an expansion that may become any number of words and
 * that we can't know (`$CMD`, `"$@"`, `"${cmd[@]}"`): as a program, it may be a whole command.
 */
export function expandWord(sh: ShellSyntax, word: Node, vars: Vars): { words: Arg[]; open: boolean } {
  const parts = (word as unknown as { Parts: Node[] }).Parts ?? [];
  if (parts.length === 1) {
    const part = parts[0]!;
    const type = sh.NodeType(part);
    const inner = type === 'DblQuoted' ? (part as unknown as { Parts: Node[] }).Parts : undefined;
    const param = type === 'ParamExp' ? part : inner?.length === 1 && sh.NodeType(inner[0]!) === 'ParamExp' ? inner[0]! : undefined;
    if (param) {
      const quoted = type === 'DblQuoted';
      const list = listParam(param);
      if (list) {
        const value = vars.get(list.name);
        const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined;
        if (!items) return { words: [UNKNOWN], open: true };
        if (quoted) return { words: list.joined ? [items.join(' ')] : [...items], open: false };
        return { words: items.flatMap((i) => split(i, vars)), open: false };
      }
      const name = plainParam(param);
      const value = name === undefined ? undefined : vars.get(name);
      if (!quoted && typeof value === 'string') return { words: split(value, vars), open: false };
      if (!quoted && (value === undefined || value === UNKNOWN)) return { words: [UNKNOWN], open: true };
    }
  }
  return { words: [wordText(sh, word, false, vars)], open: false };
}

/** `$@`, `$*`, `${a[@]}`, `${a[*]}`: a list (`*` joins it when quoted). A plain `${a}` is the array's first element: not handled. */
function listParam(param: Node): { name: string; joined: boolean } | undefined {
  const p = param as unknown as { Param: { Value: string } | null; Index: { Parts?: { Value?: string }[] } | null };
  const name = p.Param?.Value;
  if (name === '@' || name === '*') return plainParam(param) === undefined ? undefined : { name: '@', joined: name === '*' };
  const index = p.Index?.Parts?.[0]?.Value;
  if (name !== undefined && (index === '@' || index === '*') && p.Index?.Parts?.length === 1) return { name, joined: index === '*' };
  return undefined;
}

/** A command's words, expanded; `openProgram` when the program word may hold a whole command we can't know. */
export function commandWords(sh: ShellSyntax, words: readonly Node[], vars: Vars): { argv: Arg[]; openProgram: boolean } {
  const argv: Arg[] = [];
  let openProgram = false;
  words.forEach((word, i) => {
    const { words: out, open } = expandWord(sh, word, vars);
    if (i === 0 && open) openProgram = true;
    argv.push(...out);
  });
  return { argv, openProgram };
}

/** `printf -v VAR FORMAT ARGS…`: VAR's value when the format is plain text and `%s`. */
export function printfAssignment(args: readonly Arg[]): { name: string; value: Arg } | undefined {
  if (args[1] !== '-v' || typeof args[2] !== 'string') return undefined;
  const [format, ...rest] = args.slice(3);
  if (typeof format !== 'string' || rest.some((r) => r === UNKNOWN) || /%(?!s|%)/.test(format)) return { name: args[2], value: UNKNOWN };
  let i = 0;
  return { name: args[2], value: format.replace(/%(s|%)/g, (_m, c: string) => (c === '%' ? '%' : ((rest[i++] as string | undefined) ?? ''))).replace(/\\n$/, '') };
}

/** `read [-r] A B <<< "text"`: each name gets a word, the last the rest; unknown text makes them unknown. */
export function readAssignments(args: readonly Arg[], text: Arg | undefined, vars: Vars): [string, Value][] {
  const names: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return names.map((n) => [n, UNKNOWN]);
    if (['-a', '-d', '-n', '-N', '-p', '-t', '-u', '-i'].includes(a)) {
      if (a === '-a' && typeof args[i + 1] === 'string') names.push(args[i + 1] as string);
      i += 1;
    } else if (!a.startsWith('-')) names.push(a);
  }
  if (typeof text !== 'string') return names.map((n) => [n, UNKNOWN]);
  const words = split(text, vars);
  return names.map((n, i) => [n, i === names.length - 1 ? words.slice(i).join(' ') : (words[i] ?? '')]);
}

/**
 * Environment variables whose value a program runs as a command: git's editors, pagers and ssh,
 * the editor and pager of every other program. Setting one is judged as running its value.
 */
export const COMMAND_VARIABLES: ReadonlySet<string> = new Set([
  'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_PAGER', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS', 'EDITOR', 'VISUAL', 'PAGER', 'MANPAGER',
  'LESSOPEN', 'LESSCLOSE', 'AWS_PAGER', 'KUBE_EDITOR', 'SYSTEMD_PAGER', 'PROMPT_COMMAND', 'BROWSER', 'SUDO_ASKPASS', 'GIT_PROXY_COMMAND',
]);
/** Environment variables naming a script that a shell or runtime loads first. */
export const SCRIPT_VARIABLES: ReadonlySet<string> = new Set(['BASH_ENV', 'ENV', 'ZDOTDIR']);
