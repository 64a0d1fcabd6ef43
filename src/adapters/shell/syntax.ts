/**
 * The shell syntax tree the guard reads: the part of mvdan/sh's tree (`syntax.File`, `Stmt`,
 * `CallExpr`, `Word`…, the shape the guard's analysis was written for) that it uses, built here
 * from tree-sitter-bash's tree (./from-tree-sitter.ts). The guard sees only this shape, so the
 * parser behind it can change without touching the analysis. Field names and operator numbers
 * are mvdan/sh's (v3, `mvdan-sh` 0.10).
 */
export interface Node {
  readonly type: string;
  /** Offset of the node in the text it was parsed from. */
  readonly pos: number;
  /** Children in source order (mvdan/sh's `syntax.Walk` order), for Walk. */
  readonly kids: readonly Node[];
  Pos(): { Offset(): number };
  readonly [field: string]: unknown;
}

/** mvdan/sh's token numbers for redirect and binary-command operators. */
export const OP = {
  AND_STMT: 10, OR_STMT: 11, PIPE: 12, PIPE_ALL: 13,
  RDR_OUT: 54, APP_OUT: 55, RDR_IN: 56, RDR_IN_OUT: 57, DPL_IN: 58, DPL_OUT: 59, CLB_OUT: 60, HDOC: 61, DASH_HDOC: 62, WORD_HDOC: 63, RDR_ALL: 64, APP_ALL: 65,
} as const;

/** A text that is not valid shell (or uses syntax this tree does not describe): the guard denies it. */
export class ShellParseError extends Error {}

/** What the guard calls on the parser, with mvdan/sh's names (`syntax.NewParser().Parse`, `syntax.Walk`, `syntax.NodeType`). */
export interface ShellSyntax {
  NewParser(): { Parse(text: string, name: string): Node };
  /** Visits `node` and, while `visit` returns true, its children; `visit(null)` after the children. */
  Walk(node: Node, visit: (node: Node | null) => boolean): void;
  NodeType(node: Node): string;
}

export function node(type: string, pos: number, fields: Record<string, unknown>, kids: readonly (Node | null | undefined)[] = []): Node {
  return { type, pos, kids: kids.filter((k): k is Node => k !== null && k !== undefined), Pos: () => ({ Offset: () => pos }), ...fields };
}

export function walk(start: Node, visit: (node: Node | null) => boolean): void {
  if (!visit(start)) return;
  for (const kid of start.kids) walk(kid, visit);
  visit(null);
}

/** The facade the guard calls, over a function that turns text into the tree (or throws ShellParseError). */
export function shellSyntaxOver(parse: (text: string, name: string) => Node): ShellSyntax {
  return { NewParser: () => ({ Parse: parse }), Walk: walk, NodeType: (n) => n.type };
}
