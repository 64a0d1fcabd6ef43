import type { ShellSyntax } from '../adapters/shell/mvdan.js';

/** The words of a parsed command: literal text, or UNKNOWN when only running it would tell. */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

/** A node of mvdan/sh's syntax tree. */
export type Node = Parameters<ShellSyntax['NodeType']>[0];

/** `/usr/local/bin/terraform`, `terraform.exe`, `Terraform` → terraform. */
export function programName(word: Arg): Arg {
  if (word === UNKNOWN) return UNKNOWN;
  return word.split('/').pop()!.replace(/\.exe$/i, '').toLowerCase();
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
    case 'Lit':
      // Unquoted: a backslash escapes the next character (`\terraform` is terraform).
      return (part as unknown as { Value: string }).Value.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
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
