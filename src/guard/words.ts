import type { ShellSyntax } from '../adapters/shell/syntax.js';

/** The words of a parsed command: literal text, or UNKNOWN when only running it would tell. */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

/** A node of the shell syntax tree (mvdan/sh's shape: src/adapters/shell/syntax.ts). */
export type Node = Parameters<ShellSyntax['NodeType']>[0];

/** `/usr/local/bin/terraform`, `terraform.exe`, `Terraform` → terraform. */
export function programName(word: Arg): Arg {
  if (word === UNKNOWN) return UNKNOWN;
  // `cdk@latest`, `aws-cdk@2` (npx): the version is not part of the program.
  return word.split('/').pop()!.replace(/\.exe$/i, '').replace(/(?<=.)@[^@]*$/, '').toLowerCase();
}

/** A command as text, for reasons and logs (`$?` marks a word unknown before running). */
export function show(argv: readonly Arg[]): string {
  return argv.map((a) => (a === UNKNOWN ? '$?' : /\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** A shell variable's value known from the same text: a string, a list (an array, `"$@"`), or UNKNOWN. */
export type Value = string | readonly string[] | typeof UNKNOWN;
export type Vars = ReadonlyMap<string, Value>;
const NO_VARS: Vars = new Map();

/**
 * A word's literal value, or UNKNOWN when it depends on expansion at run time. `heredoc`: no
 * globbing, backslashes kept. `vars`: variables set earlier in the same text, substituted where
 * the shell would not split them (inside double quotes, or a value without blanks).
 */
export function wordText(sh: ShellSyntax, word: Node, heredoc = false, vars: Vars = NO_VARS): Arg {
  let text = '';
  const parts = (word as unknown as { Parts: Node[] }).Parts ?? [];
  for (const part of parts) {
    const t = heredoc && sh.NodeType(part) === 'Lit' ? (part as unknown as { Value: string }).Value : partText(sh, part, vars, false);
    if (t === UNKNOWN) return optionWithUnknownValue(sh, parts) ?? UNKNOWN;
    text += t;
  }
  return text;
}

/**
 * `-chdir="$d"`, `--stack-name="envs/$ENV"`: an option whose value only running would tell is
 * still that option (it can't become a subcommand); the value stands as UNKNOWN_WORD. Only when
 * the unknown part is quoted: unquoted, it may split into more words.
 */
function optionWithUnknownValue(sh: ShellSyntax, parts: readonly Node[]): string | undefined {
  const first = parts[0];
  if (!first || sh.NodeType(first) !== 'Lit') return undefined;
  const prefix = (first as unknown as { Value: string }).Value;
  if (!/^--?[A-Za-z][\w-]*=/.test(prefix) || expands(prefix)) return undefined;
  return parts.slice(1).every((p) => sh.NodeType(p) !== 'ParamExp' && sh.NodeType(p) !== 'CmdSubst' && (sh.NodeType(p) !== 'Lit' || !expands((p as unknown as { Value: string }).Value))) ? `${prefix}${UNKNOWN_WORD}` : undefined;
}

/** The name of a parameter expansion with no operator (`$X`, `${X}`, `$1`, `$@`), else undefined. */
export function plainParam(part: Node): string | undefined {
  const p = part as unknown as { Param: { Value: string } | null; Exp: unknown; Index: unknown; Slice: unknown; Repl: unknown; Length: boolean; Excl: boolean; Names?: unknown };
  return p.Param && !p.Exp && !p.Index && !p.Slice && !p.Repl && !p.Length && !p.Excl && !p.Names ? p.Param.Value : undefined;
}

function partText(sh: ShellSyntax, part: Node, vars: Vars, quoted: boolean): Arg {
  switch (sh.NodeType(part)) {
    case 'Lit': {
      // Unquoted: a backslash escapes the next character (`\terraform` is terraform). Unescaped
      // glob characters, brace expansion (`{terraform,apply}`) and zsh's `=cmd` become other words.
      const raw = (part as unknown as { Value: string }).Value.replace(/\\\n/g, '');
      if (expands(raw)) return UNKNOWN;
      return raw.replace(/\\(.)/g, '$1');
    }
    case 'SglQuoted': {
      // `$'\x61pply'` (ANSI-C quoting) decodes its escapes; plain '…' is literal.
      const q = part as unknown as { Value: string; Dollar: boolean };
      return q.Dollar ? ansiC(q.Value) : q.Value;
    }
    case 'DblQuoted': {
      let text = '';
      for (const inner of (part as unknown as { Parts: Node[] }).Parts) {
        const t = sh.NodeType(inner) === 'Lit' ? (inner as unknown as { Value: string }).Value.replace(/\\([$`"\\\n])/g, '$1') : partText(sh, inner, vars, true);
        if (t === UNKNOWN) return UNKNOWN;
        text += t;
      }
      return text;
    }
    case 'ParamExp': {
      // A variable set earlier in the text: its value, where the shell doesn't split it.
      const name = plainParam(part);
      const value = name === undefined ? undefined : vars.get(name);
      if (typeof value !== 'string') return UNKNOWN;
      return quoted || !/[\s*?[]/.test(value) ? value : UNKNOWN;
    }
    default:
      return UNKNOWN; // command substitution, arithmetic, parameter operators, brace expansion…
  }
}

/** Stands for a word only known at run time when words are turned back into shell text: it parses as UNKNOWN. */
export const UNKNOWN_WORD = '${STEER_UNKNOWN_WORD}';

/** An argv array (Codex's `["bash","-lc","…"]`, `steer guard -- terraform apply`) as one shell command line. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) || a === UNKNOWN_WORD ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Words back into shell text that parses to the same words, unknown ones included. */
export function shellText(args: readonly Arg[]): string {
  return quoteArgv(args.map((a) => (a === UNKNOWN ? UNKNOWN_WORD : a)));
}

/** An unquoted literal the shell rewrites before running: a glob, a brace expansion, zsh's `=cmd`. */
function expands(raw: string): boolean {
  const plain = raw.replace(/\\./g, '__'); // escaped characters are literal
  return /[*?[]/.test(plain) || /\{[^}]*(,|\.\.)[^}]*\}/.test(plain) || plain.startsWith('=');
}

/**
 * A word into which a program substitutes text at run time (`xargs -I{}`, `find -exec … {}`):
 * UNKNOWN, except an option's value (`-chdir=envs/{}`), which leaves the option an option.
 */
export function substituted(word: string, token: string): Arg {
  if (!word.includes(token)) return word;
  const eq = word.indexOf('=');
  return /^--?[A-Za-z][\w-]*=/.test(word) && eq < word.indexOf(token) ? `${word.slice(0, eq + 1)}${UNKNOWN_WORD}` : UNKNOWN;
}

/** Words joined as a program joins them before handing them to `sh -c` (watch, parallel): no quoting added. */
export function joinedShell(words: readonly Arg[]): string {
  return words.map((w) => (w === UNKNOWN ? UNKNOWN_WORD : w)).join(' ');
}

/** `{terraform,apply}` in command position: brace expansion makes several words, the program among them. */
export function bracesInProgram(sh: ShellSyntax, word: Node | undefined): boolean {
  if (!word) return false;
  return ((word as unknown as { Parts: Node[] }).Parts ?? []).some((part) => sh.NodeType(part) === 'Lit' && /\{[^}]*(,|\.\.)[^}]*\}/.test((part as unknown as { Value: string }).Value.replace(/\\./g, '__')));
}

/** Bash's `$'…'` escapes. */
function ansiC(text: string): string {
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/g, (m, e: string) => {
    if (/^x/.test(e) && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[uU]/.test(e) && e.length > 1) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 16), 0x10ffff));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    if (/^c./.test(e)) return String.fromCharCode(e.charCodeAt(1) & 0x1f);
    return simple[e] ?? m;
  });
}

/** `$(which terraform)`, `` `echo cdk` `` as (part of) the command name. */
export function substitutedProgram(sh: ShellSyntax, word: Node | undefined): boolean {
  if (!word) return false;
  let found = false;
  sh.Walk(word, (node: Node | null) => {
    if (node && sh.NodeType(node) === 'CmdSubst') found = true;
    return !found;
  });
  return found;
}

/** `$CMD`, `${CMD}`, `"$CMD"` alone: the variable's name. */
export function simpleVariable(sh: ShellSyntax, word: Node | undefined): string | undefined {
  if (!word) return undefined;
  let parts = (word as unknown as { Parts: Node[] }).Parts ?? [];
  if (parts.length === 1 && sh.NodeType(parts[0]!) === 'DblQuoted') parts = (parts[0] as unknown as { Parts: Node[] }).Parts;
  if (parts.length !== 1 || sh.NodeType(parts[0]!) !== 'ParamExp') return undefined;
  const p = parts[0] as unknown as { Param: { Value: string } | null; Exp: unknown; Index: unknown; Slice: unknown; Repl: unknown; Length: boolean; Excl: boolean };
  return p.Param && !p.Exp && !p.Index && !p.Slice && !p.Repl && !p.Length && !p.Excl ? p.Param.Value : undefined;
}

/**
 * `sub` entered from `dir` (both relative to where the command line runs): UNKNOWN when either is
 * only known at run time, missing (`cd` alone goes home), or starts at `~`.
 */
export function subdir(dir: string | typeof UNKNOWN, sub: Arg | undefined): string | typeof UNKNOWN {
  if (dir === UNKNOWN || sub === undefined || sub === UNKNOWN || sub.startsWith('~')) return UNKNOWN;
  if (sub.startsWith('/')) return sub;
  return dir === '' ? sub : `${dir}/${sub}`;
}
