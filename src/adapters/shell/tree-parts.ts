import { node, ShellParseError, type Node } from './syntax.js';

// Pieces shared by the readers of tree-sitter-bash's tree (./from-tree-sitter.ts): its node, as read
// here, and the guard's nodes built from it.

/** The subset of web-tree-sitter's `Node` read here. */
export interface TsNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly children: readonly (TsNode | null)[];
  fieldNameForChild(index: number): string | null;
}

export type ParseTree = (text: string) => TsNode;

export function failAt(root: TsNode, name: string): never {
  let bad: TsNode | undefined;
  const find = (n: TsNode): void => {
    if (bad) return;
    if (n.type === 'ERROR' || n.isMissing) bad = n;
    else for (const c of n.children) if (c && (c.hasError || c.isMissing)) find(c);
  };
  find(root);
  const at = bad ?? root;
  const what = at.isMissing ? `missing ${JSON.stringify(at.type)}` : 'syntax error';
  throw new ShellParseError(`${name}:${at.startPosition.row + 1}:${at.startPosition.column + 1}: ${what}`);
}

export function unsupported(n: TsNode, name: string): never {
  throw new ShellParseError(`${name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.type} is not supported here`);
}

export const kidsOf = (n: TsNode): TsNode[] => n.children.filter((c): c is TsNode => c !== null);

export const fieldsOf = (n: TsNode): { node: TsNode; field: string | null }[] => n.children.flatMap((c, i) => (c ? [{ node: c, field: n.fieldNameForChild(i) }] : []));

export function lit(pos: number, value: string): Node {
  return node('Lit', pos, { Value: value });
}

export function paramExp(pos: number, name: string, fields: Record<string, unknown>, kids: Node[] = []): Node {
  return node('ParamExp', pos, { Param: { Value: name }, Exp: null, Index: null, Slice: null, Repl: null, Length: false, Excl: false, Names: 0, ...fields }, kids);
}

/** `[k]=v` in an array: its element's value is not tracked (mvdan/sh's ArrayElem.Index), so it is unknown. */
export function unknownWord(pos: number, word: Node): Node {
  return node('Word', pos, { Parts: [node('ParamExp', pos, { Param: null, Exp: { Op: 0 } })] }, [word]);
}

/** The text of a word that is one unquoted literal, else undefined. */
export function plainLiteral(word: Node): string | undefined {
  const parts = word.Parts as Node[];
  return parts.length === 1 && parts[0]!.type === 'Lit' ? (parts[0]!.Value as string) : undefined;
}

export function mergeLits(parts: Node[]): Node[] {
  const out: Node[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.type === 'Lit' && last?.type === 'Lit') out[out.length - 1] = lit(last.pos, (last.Value as string) + (p.Value as string));
    else out.push(p);
  }
  // `$"…"` (translated): tree-sitter-bash leaves the `$` as literal text before the string.
  for (let i = 0; i + 1 < out.length; i++) {
    const l = out[i]!;
    const next = out[i + 1]!;
    if (l.type === 'Lit' && next.type === 'DblQuoted' && /(^|[^\\])\$$/.test(l.Value as string)) {
      const rest = (l.Value as string).slice(0, -1);
      const quoted = { ...next, Dollar: true };
      out.splice(i, 2, ...(rest === '' ? [quoted] : [lit(l.pos, rest), quoted]));
    }
  }
  return out;
}

/** Words tree-sitter-bash gave as separate arguments with nothing between them are one word. */
export function mergeAdjacent(args: readonly { word: Node; start: number; end: number }[]): Node[] {
  const out: { word: Node; end: number }[] = [];
  for (const a of args) {
    const last = out[out.length - 1];
    if (last && last.end === a.start) {
      const parts = mergeLits([...(last.word.Parts as Node[]), ...(a.word.Parts as Node[])]);
      out[out.length - 1] = { word: node('Word', last.word.pos, { Parts: parts }, parts), end: a.end };
    } else out.push({ word: a.word, end: a.end });
  }
  return out.map((o) => o.word);
}
