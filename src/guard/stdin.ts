import type { ShellSyntax } from '../adapters/shell/syntax.js';
import { UNKNOWN, wordText, type Arg, type Node } from './words.js';

/** Where a simple command's standard input comes from. */
export type Stdin =
  | { readonly kind: 'heredoc'; readonly body: Arg } // its own `<<EOF`: the body's text (no globbing in here-docs)
  | { readonly kind: 'herestring'; readonly text: Arg } // its own `<<< word`
  | { readonly kind: 'file'; readonly path: Arg } // its own `< file`
  | { readonly kind: 'pipe'; readonly heredoc?: Arg } // `x | it`; heredoc: the body of `cat <<EOF | it`
  | { readonly kind: 'inherited' }; // the caller's: a terminal, or an enclosing pipe (`curl … | (sh)`)

export interface StmtNode {
  Cmd: Node | null;
  Redirs: ({ Op: number; N: { Value: string } | null; Word: Node | null; Hdoc: Node | null } | null)[];
}

/** mvdan/sh's token numbers (syntax.RedirOperator, syntax.BinCmdOperator), which the syntax tree keeps; a test pins them. */
export const TOKENS = { RDR_OUT: 54, APP_OUT: 55, RDR_IN: 56, RDR_IN_OUT: 57, DPL_OUT: 59, CLB_OUT: 60, HEREDOC: 61, DASH_HEREDOC: 62, HERESTRING: 63, RDR_ALL: 64, APP_ALL: 65, PIPE: 12, PIPE_ALL: 13 } as const;
/** Redirections that write their word's file: `>`, `>>`, `<>`, `>|`, `&>`, `&>>` (and `>& file`, when the word is not a descriptor). */
export const WRITING_REDIRS: ReadonlySet<number> = new Set([TOKENS.RDR_OUT, TOKENS.APP_OUT, TOKENS.RDR_IN_OUT, TOKENS.CLB_OUT, TOKENS.RDR_ALL, TOKENS.APP_ALL]);
const { RDR_IN, HEREDOC, DASH_HEREDOC, HERESTRING } = TOKENS;

export function offset(stmt: StmtNode): number {
  return (stmt.Cmd as unknown as { Pos(): { Offset(): number } } | null)?.Pos().Offset() ?? -1;
}

export function ownStdin(sh: ShellSyntax, stmt: StmtNode): Stdin | undefined {
  let found: Stdin | undefined;
  for (const r of stmt.Redirs) {
    if (!r || (r.N && r.N.Value !== '0')) continue;
    if ((r.Op === HEREDOC || r.Op === DASH_HEREDOC) && r.Hdoc) found = { kind: 'heredoc', body: wordText(sh, r.Hdoc, true) };
    else if (r.Op === HERESTRING && r.Word) found = { kind: 'herestring', text: wordText(sh, r.Word) };
    else if (r.Op === RDR_IN) found = { kind: 'file', path: r.Word ? wordText(sh, r.Word) : UNKNOWN };
  }
  return found;
}

/**
 * The here-doc body of `cat <<EOF` (or `cat - <<EOF`) and nothing else: what it writes is the
 * here-doc itself. Any other producer (`rev`, `sed`, `base64 -d`) may rewrite it into other code.
 */
export function catOfHeredoc(sh: ShellSyntax, stmt: StmtNode): Arg | undefined {
  if (!stmt.Cmd || sh.NodeType(stmt.Cmd) !== 'CallExpr') return undefined;
  const args = (stmt.Cmd as unknown as { Args: Node[] }).Args.map((word) => wordText(sh, word));
  if (args.length < 1 || args[0] !== 'cat' || !args.slice(1).every((a) => a === '-')) return undefined;
  const redirect = stmt.Redirs.find((r) => r !== null && r.Hdoc !== null && (!r.N || r.N.Value === '0'));
  return redirect ? wordText(sh, redirect.Hdoc!, true) : undefined;
}

/** `cat > deploy.sh <<EOF … EOF` (or `>>`, or `tee`): the file this very command writes, and what it writes. */
export function writtenHeredoc(sh: ShellSyntax, stmt: StmtNode): { path: string; body: Arg } | undefined {
  if (!stmt.Cmd || sh.NodeType(stmt.Cmd) !== 'CallExpr') return undefined;
  const args = (stmt.Cmd as unknown as { Args: Node[] }).Args.map((word) => wordText(sh, word));
  const heredoc = stmt.Redirs.find((r) => r !== null && r.Hdoc !== null);
  const out = stmt.Redirs.find((r) => r !== null && (r.Op === TOKENS.RDR_OUT || r.Op === TOKENS.APP_OUT) && r.Word);
  // `echo 'terraform apply' > x.sh`, `printf '…' > x.sh`: the words are the content (printf's escapes aside).
  if (!heredoc && out && (args[0] === 'echo' || args[0] === 'printf')) {
    const path = wordText(sh, out.Word!);
    const words = args.slice(1).filter((a) => a === UNKNOWN || !/^-[neE]+$/.test(a));
    return typeof path === 'string' ? { path, body: words.some((a) => a === UNKNOWN) ? UNKNOWN : (words as string[]).join(' ').replace(/\\n/g, '\n') } : undefined;
  }
  if (!heredoc || (args[0] !== 'cat' && args[0] !== 'tee')) return undefined;
  const path = args[0] === 'tee' ? args.slice(1).find((a) => typeof a === 'string' && !a.startsWith('-')) : out ? wordText(sh, out.Word!) : undefined;
  return typeof path === 'string' ? { path, body: wordText(sh, heredoc.Hdoc!, true) } : undefined;
}
