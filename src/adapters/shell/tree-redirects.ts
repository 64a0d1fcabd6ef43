import { node, OP, ShellParseError, type Node } from './syntax.js';
import { fieldsOf, kidsOf, lit, unsupported, type TsNode } from './tree-parts.js';
import { WordReader } from './tree-words.js';

// Redirects of tree-sitter-bash's tree → mvdan/sh's Redirect (and the statement they wrap):
// files, here-strings and here-docs, with what tree-sitter-bash hangs under a here-doc (the rest of
// its line: `| sh`, `&& x`, more words and redirects).

/** tree-sitter-bash's statement kinds (`_statement` in its node-types.json). */
export const STATEMENTS = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'negated_command', 'variable_assignment', 'variable_assignments', 'declaration_command', 'unset_command',
  'test_command', 'compound_statement', 'subshell', 'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition',
]);
const REDIRECT_OPS: Record<string, number> = { '>': OP.RDR_OUT, '>>': OP.APP_OUT, '<': OP.RDR_IN, '<>': OP.RDR_IN_OUT, '<&': OP.DPL_IN, '>&': OP.DPL_OUT, '>|': OP.CLB_OUT, '&>': OP.RDR_ALL, '&>>': OP.APP_ALL, '<&-': OP.DPL_IN, '>&-': OP.DPL_OUT };

/** What a redirect list adds to its statement besides redirects: words after the target, and the rest of a here-doc's line. */
export interface Redirects {
  readonly redirs: Node[];
  readonly extraArgs: Node[];
  readonly wraps: ((stmt: Node) => Node)[];
}

export abstract class RedirectReader extends WordReader {
  protected abstract stmt(n: TsNode): Node;

  protected wrapStmt(cmd: Node, pos: number, redirs: Node[] = [], extra: Record<string, unknown> = {}): Node {
    return node('Stmt', pos, { Cmd: cmd, Redirs: redirs, Negated: false, Background: false, ...extra }, [cmd, ...redirs]);
  }

  protected binary(op: number, x: Node, y: Node): Node {
    const cmd = node('BinaryCmd', x.pos, { Op: op, X: x, Y: y }, [x, y]);
    return this.wrapStmt(cmd, x.pos);
  }

  protected withRedirects(stmt: Node, r: Redirects): Node {
    let out = stmt;
    if (r.extraArgs.length > 0) {
      const cmd = stmt.Cmd as Node;
      if (cmd.type !== 'CallExpr') throw new ShellParseError(`${this.name}: words after a redirect of a compound command`);
      const args = [...(cmd.Args as Node[]), ...r.extraArgs];
      const assigns = cmd.Assigns as Node[];
      const call = node('CallExpr', cmd.pos, { Assigns: assigns, Args: args }, [...assigns, ...args]);
      out = this.wrapStmt(call, stmt.pos, stmt.Redirs as Node[], { Negated: stmt.Negated, Background: stmt.Background });
    }
    if (r.redirs.length > 0) {
      const redirs = [...(out.Redirs as Node[]), ...r.redirs].sort((a, b) => a.pos - b.pos);
      out = this.wrapStmt(out.Cmd as Node, out.pos, redirs, { Negated: out.Negated, Background: out.Background });
    }
    for (const wrap of r.wraps) out = wrap(out);
    return out;
  }

  protected redirects(nodes: readonly TsNode[]): Redirects {
    const out: Redirects = { redirs: [], extraArgs: [], wraps: [] };
    for (const r of nodes) this.redirect(r, out);
    return out;
  }

  protected redirect(r: TsNode, out: Redirects): void {
    this.check(r);
    const fields = fieldsOf(r);
    const descriptor = fields.find((f) => f.field === 'descriptor')?.node;
    const N = descriptor ? { Value: this.src(descriptor) } : null;
    switch (r.type) {
      case 'file_redirect': {
        const op = fields.find((f) => !f.node.isNamed && f.field === null);
        const code = op ? REDIRECT_OPS[op.node.type] : undefined;
        if (code === undefined) unsupported(r, this.name);
        const targets = fields.filter((f) => f.field === 'destination').map((f) => f.node);
        const word = targets[0] ? this.word(targets[0]) : null;
        if (!word && !op!.node.type.endsWith('-')) unsupported(r, this.name);
        out.redirs.push(node('Redirect', this.at(r), { Op: code, N, Word: word, Hdoc: null }, [word]));
        // `echo > f hello`: the words after the target are the command's arguments.
        for (const t of targets.slice(1)) out.extraArgs.push(this.word(t));
        return;
      }
      case 'herestring_redirect': {
        const target = kidsOf(r).filter((c) => c.isNamed && c !== descriptor);
        if (target.length !== 1) unsupported(r, this.name);
        const word = this.word(target[0]!);
        out.redirs.push(node('Redirect', this.at(r), { Op: OP.WORD_HDOC, N, Word: word, Hdoc: null }, [word]));
        return;
      }
      case 'heredoc_redirect': {
        let op: number | undefined;
        let delimiter: TsNode | undefined;
        let body: TsNode | undefined;
        let ended = false;
        let binaryOp: number | undefined;
        for (const { node: c, field } of fields) {
          this.check(c);
          if (c.type === '<<' || c.type === '<<-') op = c.type === '<<' ? OP.HDOC : OP.DASH_HDOC;
          else if (c.type === 'heredoc_start') delimiter = c;
          else if (c.type === 'heredoc_body') body = c;
          else if (c.type === 'heredoc_end') ended = this.endsHeredoc(c, delimiter, op === OP.DASH_HDOC);
          else if (c === descriptor) continue;
          else if (field === 'argument') out.extraArgs.push(this.word(c));
          else if (field === 'redirect') this.redirect(c, out);
          else if (c.type === 'pipeline') {
            // `cat <<EOF | sh`: the rest of the pipeline hangs under the here-doc.
            const rest = this.pipelineRest(c);
            out.wraps.push((stmt) => rest.reduce((x, [o, y]) => this.binary(o, x, y), stmt));
          } else if (field === 'operator') binaryOp = c.type === '&&' ? OP.AND_STMT : c.type === '||' ? OP.OR_STMT : unsupported(c, this.name);
          else if (field === 'right') {
            if (binaryOp === undefined) unsupported(c, this.name);
            const y = this.stmt(c);
            const o = binaryOp;
            out.wraps.push((stmt) => this.binary(o, stmt, y));
          } else if (c.type === 'comment') continue;
          else unsupported(c, this.name);
        }
        if (op === undefined || !delimiter || !ended) unsupported(r, this.name);
        const quoted = /['"\\]/.test(this.src(delimiter));
        const word = this.word(delimiter);
        const hdoc = body ? this.heredocBody(body, quoted) : node('Word', this.at(r), { Parts: [] });
        out.redirs.push(node('Redirect', this.at(r), { Op: op, N, Word: word, Hdoc: hdoc }, [word, hdoc]));
        return;
      }
      default:
        unsupported(r, this.name);
    }
  }

  /** `| a | b` inside a here-doc redirect: each operator and the statement after it. */
  protected pipelineRest(p: TsNode): [number, Node][] {
    const out: [number, Node][] = [];
    let op: number | undefined;
    for (const c of kidsOf(p)) {
      this.check(c);
      if (c.type === '|' || c.type === '|&') op = c.type === '|' ? OP.PIPE : OP.PIPE_ALL;
      else if (STATEMENTS.has(c.type)) {
        if (op === undefined) unsupported(p, this.name);
        out.push([op, this.stmt(c)]);
        op = undefined;
      } else if (c.type !== 'comment') unsupported(c, this.name);
    }
    return out;
  }

  /** The shell ends a here-doc only at a line that is its delimiter alone (tabs first for `<<-`); tree-sitter-bash is laxer. */
  protected endsHeredoc(end: TsNode, delimiter: TsNode | undefined, dash: boolean): boolean {
    if (!delimiter) return false;
    const lineStart = this.text.lastIndexOf('\n', end.startIndex - 1) + 1;
    const lineEnd = this.text.indexOf('\n', end.endIndex);
    const line = this.text.slice(lineStart, lineEnd === -1 ? this.text.length : lineEnd);
    const word = this.src(delimiter).replace(/\\(.)/g, '$1').replace(/['"]/g, '');
    if ((dash ? line.replace(/^\t+/, '') : line) !== word) throw new ShellParseError(`${this.name}:${end.startPosition.row + 1}: the here-document does not end on a line of its own`);
    return true;
  }

  protected heredocBody(body: TsNode, quoted: boolean): Node {
    if (quoted) return node('Word', this.at(body), { Parts: [lit(this.at(body), this.src(body))] }, []);
    const parts = this.gapFilled(body, body.startIndex, body.endIndex, (c) => c.type !== 'heredoc_content', false, true).flatMap((p) => (p.type === 'Lit' ? this.backquotesIn(p) : [p]));
    return node('Word', this.at(body), { Parts: parts }, parts);
  }

  /** `` `cmd` `` in a here-doc's text, which tree-sitter-bash leaves as text: command substitutions, parsed here. */
  protected backquotesIn(part: Node): Node[] {
    const text = part.Value as string;
    if (!/(^|[^\\])(\\\\)*`/.test(text)) return [part];
    const out: Node[] = [];
    let literal = '';
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\') {
        literal += text.slice(i, i + 2);
        i += 1;
        continue;
      }
      if (text[i] !== '`') {
        literal += text[i];
        continue;
      }
      let j = i + 1;
      while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ShellParseError(`${this.name}: a backquote without its closing one in a here-document`);
      if (literal !== '') out.push(lit(part.pos, literal));
      literal = '';
      const file = this.file(text.slice(i + 1, j).replace(/\\([\\`$])/g, '$1'), part.pos + i + 1);
      out.push(node('CmdSubst', part.pos + i, { Stmts: file.Stmts, Backquotes: true }, file.kids));
      i = j;
    }
    if (literal !== '') out.push(lit(part.pos, literal));
    return out;
  }
}
