import { kidsOf, type ParseTree, type TsNode } from './tree-parts.js';

// The text tree-sitter-bash parses, made to read as the shell reads it, and the text its tree
// leaves out (./from-tree-sitter.ts fails closed on that).

/** Nodes whose children are statements (or, for command, the words before its name). */
const STATEMENT_PLACES = new Set(['program', 'command', 'list', 'pipeline', 'do_group', 'compound_statement', 'subshell', 'command_substitution', 'process_substitution', 'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'case_item']);

/**
 * `text` as tree-sitter-bash reads it the way the shell does, and its tree: without NUL bytes
 * (the shell drops them; tree-sitter-bash stops at the first), without line continuations (the
 * shell joins the word: `terra\⏎form` is terraform; tree-sitter-bash splits it), and with a
 * backslash before a command name that tree-sitter-bash cuts after a name (`a@b`, `a%b`: an
 * ERROR holding the name `a`; `\a` is `a` to the shell and makes it read one word).
 */
export function shellTextOf(parse: ParseTree, text: string): { text: string; root: TsNode } {
  let t = text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
  for (let round = 0; ; round++) {
    const root = parse(t);
    if (round === 16) return { text: t, root };
    const escaped = root.hasError ? escapeCutNames(root, t) : undefined;
    if (escaped !== undefined) {
      t = escaped;
      continue;
    }
    const joined = t.includes('\\\n') ? withoutLineContinuations(root, t) : t;
    if (joined === t) return { text: t, root };
    t = joined;
  }
}

function escapeCutNames(root: TsNode, text: string): string | undefined {
  const at: number[] = [];
  const find = (n: TsNode, parent: string): void => {
    const kids = kidsOf(n);
    // Only where a statement starts (unquoted): there `\a` is `a`.
    const cut = kids.at(-1);
    const wordStart = cut !== undefined && (cut.startIndex === 0 || /[\s|&;(]/.test(text[cut.startIndex - 1]!));
    if (n.type === 'ERROR' && STATEMENT_PLACES.has(parent) && cut?.type === 'variable_name' && cut.endIndex === n.endIndex && wordStart && '@%#?[:'.includes(text[n.endIndex] ?? '')) at.push(cut.startIndex);
    for (const c of kids) if (c.hasError) find(c, n.type);
  };
  find(root, '');
  if (at.length === 0) return undefined;
  let out = text;
  for (const i of at.sort((a, b) => b - a)) out = `${out.slice(0, i)}\\${out.slice(i)}`;
  return out;
}

/** The text without the line continuations outside single quotes, comments and here-documents. */
function withoutLineContinuations(root: TsNode, text: string): string {
  const literal: [number, number][] = [];
  const collect = (n: TsNode): void => {
    if (n.type === 'raw_string' || n.type === 'ansi_c_string' || n.type === 'comment' || n.type === 'heredoc_body') literal.push([n.startIndex, n.endIndex]);
    else for (const c of kidsOf(n)) collect(c);
  };
  collect(root);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && !literal.some(([s, e]) => i >= s && i < e)) {
      if (text[i + 1] !== '\n') out += text.slice(i, i + 2);
      i += 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Non-blank text that no token of the tree covers (strings and here-doc bodies cover their gaps). */
export function droppedText(root: TsNode, text: string): Map<number, number> {
  const covered = new Uint8Array(text.length);
  const mark = (n: TsNode): void => {
    const kids = kidsOf(n);
    if (kids.length === 0 || n.type === 'string' || n.type === 'heredoc_body' || n.type === 'translated_string') covered.fill(1, n.startIndex, n.endIndex);
    else for (const c of kids) mark(c);
  };
  mark(root);
  const out = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (covered[i] || /\s/.test(text[i]!)) continue;
    let j = i;
    while (j < text.length && !covered[j] && !/\s/.test(text[j]!)) j++;
    out.set(i, j);
    i = j;
  }
  return out;
}
