import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { UNKNOWN, wordText, type Arg, type Node } from './words.js';

/** Where a simple command's standard input comes from. */
export type Stdin =
  | { readonly kind: 'heredoc' } // its own `<<EOF` (parsed with the other here-docs)
  | { readonly kind: 'herestring'; readonly text: Arg } // its own `<<< word`
  | { readonly kind: 'file'; readonly path: Arg } // its own `< file`
  | { readonly kind: 'pipe'; readonly fromHeredoc: boolean } // `x | it`; fromHeredoc: `cat <<EOF | it`
  | { readonly kind: 'inherited' }; // the caller's: a terminal, or an enclosing pipe (`curl … | (sh)`)

export interface StmtNode {
  Cmd: Node | null;
  Redirs: ({ Op: number; N: { Value: string } | null; Word: Node | null; Hdoc: Node | null } | null)[];
}

/** mvdan/sh token numbers (mvdan-sh 0.10: syntax.RedirOperator, syntax.BinCmdOperator); a test pins them. */
export const TOKENS = { RDR_IN: 56, HEREDOC: 61, DASH_HEREDOC: 62, HERESTRING: 63, PIPE: 12, PIPE_ALL: 13 } as const;
const { RDR_IN, HEREDOC, DASH_HEREDOC, HERESTRING } = TOKENS;

export function offset(stmt: StmtNode): number {
  return (stmt.Cmd as unknown as { Pos(): { Offset(): number } } | null)?.Pos().Offset() ?? -1;
}

export function ownStdin(sh: ShellSyntax, stmt: StmtNode): Stdin | undefined {
  let found: Stdin | undefined;
  for (const r of stmt.Redirs) {
    if (!r || (r.N && r.N.Value !== '0')) continue;
    if (r.Op === HEREDOC || r.Op === DASH_HEREDOC) found = { kind: 'heredoc' };
    else if (r.Op === HERESTRING && r.Word) found = { kind: 'herestring', text: wordText(sh, r.Word) };
    else if (r.Op === RDR_IN) found = { kind: 'file', path: r.Word ? wordText(sh, r.Word) : UNKNOWN };
  }
  return found;
}

/**
 * `cat <<EOF` (or `cat - <<EOF`) and nothing else: what it writes is the here-doc itself. Any
 * other producer (`rev`, `sed`, `base64 -d`) may rewrite it into other code.
 */
export function catOfHeredoc(sh: ShellSyntax, stmt: StmtNode): boolean {
  if (!stmt.Cmd || sh.NodeType(stmt.Cmd) !== 'CallExpr') return false;
  const args = (stmt.Cmd as unknown as { Args: Node[] }).Args.map((word) => wordText(sh, word));
  const isCat = args.length >= 1 && args[0] === 'cat' && args.slice(1).every((a) => a === '-');
  return isCat && stmt.Redirs.some((r) => r !== null && r.Hdoc !== null && (!r.N || r.N.Value === '0'));
}
