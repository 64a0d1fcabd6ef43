import type { ShellSyntax } from '../adapters/shell/mvdan.js';

/** The words of a parsed command: literal text, or UNKNOWN when only running it would tell. */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

/** A node of mvdan/sh's syntax tree. */
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

/** A word's literal value, or UNKNOWN when it depends on expansion at run time. */
export function wordText(sh: ShellSyntax, word: Node): Arg {
  let text = '';
  for (const part of (word as unknown as { Parts: Node[] }).Parts ?? []) {
    const t = partText(sh, part);
    if (t === UNKNOWN) return UNKNOWN;
    text += t;
  }
  return text;
}

function partText(sh: ShellSyntax, part: Node): Arg {
  switch (sh.NodeType(part)) {
    case 'Lit': {
      // Unquoted: a backslash escapes the next character (`\terraform` is terraform). Unescaped
      // glob characters, brace expansion (`{terraform,apply}`) and zsh's `=cmd` become other words.
      const raw = (part as unknown as { Value: string }).Value.replace(/\\\n/g, '');
      if (expands(raw)) return UNKNOWN;
      return raw.replace(/\\(.)/g, '$1');
    }
    case 'SglQuoted':
      return (part as unknown as { Value: string }).Value;
    case 'DblQuoted': {
      let text = '';
      for (const inner of (part as unknown as { Parts: Node[] }).Parts) {
        const t = sh.NodeType(inner) === 'Lit' ? (inner as unknown as { Value: string }).Value.replace(/\\([$`"\\\n])/g, '$1') : partText(sh, inner);
        if (t === UNKNOWN) return UNKNOWN;
        text += t;
      }
      return text;
    }
    default:
      return UNKNOWN; // parameter expansion, command substitution, arithmetic, brace expansion…
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

/** Words joined as a program joins them before handing them to `sh -c` (watch, parallel): no quoting added. */
export function joinedShell(words: readonly Arg[]): string {
  return words.map((w) => (w === UNKNOWN ? UNKNOWN_WORD : w)).join(' ');
}

/** `{terraform,apply}` in command position: brace expansion makes several words, the program among them. */
export function bracesInProgram(sh: ShellSyntax, word: Node | undefined): boolean {
  if (!word) return false;
  return ((word as unknown as { Parts: Node[] }).Parts ?? []).some((part) => sh.NodeType(part) === 'Lit' && /\{[^}]*(,|\.\.)[^}]*\}/.test((part as unknown as { Value: string }).Value.replace(/\\./g, '__')));
}
