import { node, OP, ShellParseError, type Node } from './syntax.js';

/**
 * tree-sitter-bash's concrete tree → the guard's syntax tree (./syntax.ts). Fails closed: an
 * ERROR or MISSING node, a node kind not described here, or a shape tree-sitter-bash is known
 * to get wrong throws ShellParseError, which the guard treats as an unparsable command (deny).
 * tree-sitter-bash's quirks handled here, each checked against mvdan/sh by
 * test/guard/parser-agreement.test.ts: a line continuation inside a word splits it (the text is
 * parsed again without them); backquoted code is parsed again after unescaping, as the shell
 * does; `$"…"` comes as two arguments; words after a redirect's target are its "destinations";
 * the rest of the line after `<<EOF` (`| sh`, `&& x`, more arguments and redirects) hangs under
 * the here-doc; `time`, `let` and `coproc` are plain commands to it.
 */

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

const STATEMENTS = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'negated_command', 'variable_assignment', 'variable_assignments', 'declaration_command', 'unset_command',
  'test_command', 'compound_statement', 'subshell', 'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition',
]);
/** The tokens of compound commands and separators: any other token where statements are is not read, and fails closed. */
const SYNTAX_TOKENS = new Set([';', '&', ';;', ';&', ';;&', '\n', '(', ')', '{', '}', '$(', '`', '<(', '>(', '((', '))', 'do', 'done', 'then', 'fi', 'else', 'elif', 'if', 'while', 'until', 'for', 'select', 'in', 'case', 'esac', '|']);
const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local', 'nameref']);
/** Reserved words that can't be a command's name: tree-sitter-bash making one a command is a mis-parse. */
const NOT_A_COMMAND = new Set(['{', '}', 'then', 'fi', 'do', 'done', 'esac', 'elif', 'else', 'in', ';;']);
/** Nodes whose children are statements (or, for command, the words before its name). */
const STATEMENT_PLACES = new Set(['program', 'command', 'list', 'pipeline', 'do_group', 'compound_statement', 'subshell', 'command_substitution', 'process_substitution', 'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'case_item']);
const REDIRECT_OPS: Record<string, number> = { '>': OP.RDR_OUT, '>>': OP.APP_OUT, '<': OP.RDR_IN, '<>': OP.RDR_IN_OUT, '<&': OP.DPL_IN, '>&': OP.DPL_OUT, '>|': OP.CLB_OUT, '&>': OP.RDR_ALL, '&>>': OP.APP_ALL, '<&-': OP.DPL_IN, '>&-': OP.DPL_OUT };
const MAX_DEPTH = 200;

/** Parses `text` into the guard's tree: mvdan/sh's `*syntax.File`. */
export function fileOf(parse: ParseTree, text: string, name: string): Node {
  return new Converter(parse, name).file(text, 0);
}

/**
 * `text` as tree-sitter-bash reads it the way the shell does, and its tree: without NUL bytes
 * (the shell drops them; tree-sitter-bash stops at the first), without line continuations (the
 * shell joins the word: `terra\⏎form` is terraform; tree-sitter-bash splits it), and with a
 * backslash before a command name that tree-sitter-bash cuts after a name (`a@b`, `a%b`: an
 * ERROR holding the name `a`; `\a` is `a` to the shell and makes it read one word).
 */
function shellTextOf(parse: ParseTree, text: string): { text: string; root: TsNode } {
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
function droppedText(root: TsNode, text: string): Map<number, number> {
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

function failAt(root: TsNode, name: string): never {
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

function unsupported(n: TsNode, name: string): never {
  throw new ShellParseError(`${name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.type} is not supported here`);
}

const kidsOf = (n: TsNode): TsNode[] => n.children.filter((c): c is TsNode => c !== null);
const fieldsOf = (n: TsNode): { node: TsNode; field: string | null }[] => n.children.flatMap((c, i) => (c ? [{ node: c, field: n.fieldNameForChild(i) }] : []));

/** What a redirect list adds to its statement besides redirects: words after the target, and the rest of a here-doc's line. */
interface Redirects {
  readonly redirs: Node[];
  readonly extraArgs: Node[];
  readonly wraps: ((stmt: Node) => Node)[];
}

class Converter {
  private text = '';
  private base = 0;
  private depth = 0;
  /** Text tree-sitter-bash left out of its tree (start → end): a word it dropped. */
  private dropped = new Map<number, number>();
  constructor(
    private readonly parse: ParseTree,
    private readonly name: string,
  ) {}

  file(text: string, base: number): Node {
    const saved = { text: this.text, base: this.base, dropped: this.dropped };
    if (++this.depth > MAX_DEPTH) throw new ShellParseError(`${this.name}: nested too deeply`);
    try {
      const { text: shell, root } = shellTextOf(this.parse, text);
      this.text = shell;
      this.base = base;
      if (root.hasError || root.isMissing) failAt(root, this.name);
      this.dropped = droppedText(root, shell);
      const stmts = this.stmts(root);
      // tree-sitter-bash skipped text it didn't take as a word where one is repaired (see redirected_statement): anywhere else, fail closed.
      if (this.dropped.size > 0) throw new ShellParseError(`${this.name}: text at offset ${[...this.dropped.keys()][0]} is not in the syntax tree`);
      return node('File', base, { Stmts: stmts }, stmts);
    } finally {
      this.text = saved.text;
      this.base = saved.base;
      this.dropped = saved.dropped;
      this.depth--;
    }
  }

  private src(n: TsNode): string {
    return this.text.slice(n.startIndex, n.endIndex);
  }

  private at(n: TsNode): number {
    return this.base + n.startIndex;
  }

  private check(n: TsNode): void {
    if (n.type === 'ERROR' || n.isMissing) failAt(n, this.name);
  }

  /** The statements directly in a container (program, do_group, subshell, `$(…)`…), `&` marking the one before it. */
  private stmts(container: TsNode): Node[] {
    const out: Node[] = [];
    for (const c of kidsOf(container)) {
      this.check(c);
      if (STATEMENTS.has(c.type)) out.push(this.stmt(c));
      else if (c.type === '&' && out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, Background: true };
      else if (c.type === 'comment' || (!c.isNamed && SYNTAX_TOKENS.has(c.type))) continue;
      else unsupported(c, this.name);
    }
    return out;
  }

  private wrapStmt(cmd: Node, pos: number, redirs: Node[] = [], extra: Record<string, unknown> = {}): Node {
    return node('Stmt', pos, { Cmd: cmd, Redirs: redirs, Negated: false, Background: false, ...extra }, [cmd, ...redirs]);
  }

  private stmt(n: TsNode): Node {
    this.check(n);
    switch (n.type) {
      case 'redirected_statement': {
        const body = fieldsOf(n).find((f) => f.field === 'body')?.node;
        const redirects = this.redirects(fieldsOf(n).filter((f) => f.field === 'redirect' || f.node.type === 'herestring_redirect').map((f) => f.node));
        // `cat - <<EOF`, `echo - 2>&1`: tree-sitter-bash drops a `-` before some redirects; it is an argument.
        for (const [start, end] of [...this.dropped]) {
          if (!body || body.type !== 'command' || start < body.endIndex || end > n.endIndex || !/^[A-Za-z0-9_./:=,@%+-]+$/.test(this.text.slice(start, end))) continue;
          redirects.extraArgs.push(node('Word', this.base + start, { Parts: [lit(this.base + start, this.text.slice(start, end))] }));
          this.dropped.delete(start);
        }
        redirects.extraArgs.sort((a, b) => a.pos - b.pos);
        const inner = body ? this.stmt(body) : this.wrapStmt(node('CallExpr', this.at(n), { Assigns: [], Args: [] }), this.at(n));
        return this.withRedirects(inner, redirects);
      }
      case 'command':
        return this.command(n);
      case 'pipeline':
        return this.chain(n, { '|': OP.PIPE, '|&': OP.PIPE_ALL });
      case 'list':
        return this.chain(n, { '&&': OP.AND_STMT, '||': OP.OR_STMT });
      case 'negated_command': {
        const inner = kidsOf(n).find((c) => STATEMENTS.has(c.type));
        if (!inner) unsupported(n, this.name);
        return { ...this.stmt(inner), Negated: true };
      }
      case 'variable_assignment': {
        if (!this.isAssignment(n)) {
          const word = this.assignmentWord(n);
          return this.wrapStmt(node('CallExpr', this.at(n), { Assigns: [], Args: [word] }, [word]), this.at(n));
        }
        const a = this.assign(n);
        return this.wrapStmt(node('CallExpr', this.at(n), { Assigns: [a], Args: [] }, [a]), this.at(n));
      }
      case 'variable_assignments': {
        const assigns: Node[] = [];
        const args: Node[] = [];
        for (const c of kidsOf(n).filter((k) => k.isNamed && k.type !== 'comment')) {
          if (c.type !== 'variable_assignment') unsupported(c, this.name);
          if (args.length === 0 && this.isAssignment(c)) assigns.push(this.assign(c));
          else args.push(this.assignmentWord(c)); // `A=1 1x=2`: the command 1x=2
        }
        return this.wrapStmt(node('CallExpr', this.at(n), { Assigns: assigns, Args: args }, [...assigns, ...args]), this.at(n));
      }
      case 'declaration_command':
        return this.wrapStmt(this.declaration(n), this.at(n));
      case 'unset_command': {
        const args = kidsOf(n).map((c) => (c.isNamed ? this.word(c) : this.litWord(c)));
        return this.wrapStmt(node('CallExpr', this.at(n), { Assigns: [], Args: args }, args), this.at(n));
      }
      case 'test_command':
        return this.wrapStmt(this.test(n), this.at(n));
      case 'compound_statement': {
        const first = kidsOf(n)[0];
        if (first?.type === '{') {
          const stmts = this.stmts(n);
          return this.wrapStmt(node('Block', this.at(n), { Stmts: stmts }, stmts), this.at(n));
        }
        if (first?.type === '((') return this.wrapStmt(node('ArithmCmd', this.at(n), {}, this.expressionKids(n)), this.at(n));
        return unsupported(n, this.name);
      }
      case 'subshell': {
        const stmts = this.stmts(n);
        return this.wrapStmt(node('Subshell', this.at(n), { Stmts: stmts }, stmts), this.at(n));
      }
      case 'function_definition': {
        const fields = fieldsOf(n);
        const body = fields.find((f) => f.field === 'body')?.node;
        if (!body) unsupported(n, this.name);
        const redirects = this.redirects(fields.filter((f) => f.field === 'redirect').map((f) => f.node));
        const bodyStmt = this.withRedirects(this.stmt(body), redirects);
        const nameNode = fields.find((f) => f.field === 'name')?.node;
        return this.wrapStmt(node('FuncDecl', this.at(n), { Name: nameNode ? { Value: this.src(nameNode) } : null, Body: bodyStmt }, [bodyStmt]), this.at(n));
      }
      case 'if_statement':
        return this.wrapStmt(node('IfClause', this.at(n), {}, this.compoundKids(n)), this.at(n));
      case 'while_statement':
        return this.wrapStmt(node('WhileClause', this.at(n), {}, this.compoundKids(n)), this.at(n));
      case 'for_statement':
      case 'c_style_for_statement':
        return this.wrapStmt(node('ForClause', this.at(n), {}, this.compoundKids(n)), this.at(n));
      case 'case_statement':
        return this.wrapStmt(node('CaseClause', this.at(n), {}, this.compoundKids(n)), this.at(n));
      default:
        return unsupported(n, this.name);
    }
  }

  /** `a | b | c`, `a && b || c`: left-associative binary commands, as mvdan/sh builds them. */
  private chain(n: TsNode, ops: Record<string, number>): Node {
    let x: Node | undefined;
    let op = 0;
    for (const c of kidsOf(n)) {
      this.check(c);
      if (Object.hasOwn(ops, c.type)) op = ops[c.type]!;
      else if (STATEMENTS.has(c.type)) {
        const y = this.stmt(c);
        x = x === undefined ? y : this.binary(op, x, y);
      } else if (c.type !== 'comment') unsupported(c, this.name);
    }
    return x ?? unsupported(n, this.name);
  }

  private binary(op: number, x: Node, y: Node): Node {
    const cmd = node('BinaryCmd', x.pos, { Op: op, X: x, Y: y }, [x, y]);
    return this.wrapStmt(cmd, x.pos);
  }

  /** The children of if/while/for/case and their clauses: statements, the words they loop or match on, arithmetic. */
  private compoundKids(n: TsNode): Node[] {
    const out: Node[] = [];
    for (const { node: c, field } of fieldsOf(n)) {
      this.check(c);
      if (STATEMENTS.has(c.type)) out.push(this.stmt(c));
      else if (c.type === 'do_group' || c.type === 'elif_clause' || c.type === 'else_clause' || c.type === 'case_item') out.push(node(c.type, this.at(c), {}, this.compoundKids(c)));
      else if (field === 'value') out.push(this.word(c));
      else if (field === 'initializer' || field === 'condition' || field === 'update') out.push(...this.expression(c));
      else if (field === 'variable' || field === 'termination' || field === 'fallthrough' || c.type === 'comment' || (!c.isNamed && SYNTAX_TOKENS.has(c.type))) continue;
      else unsupported(c, this.name);
    }
    return out;
  }

  private command(n: TsNode): Node {
    const assigns: Node[] = [];
    const args: { word: Node; start: number; end: number }[] = [];
    const redirectNodes: TsNode[] = [];
    let sawOther = false; // a redirect or assignment before the name: then `time`, `let`, `coproc` are programs
    for (const { node: c, field } of fieldsOf(n)) {
      this.check(c);
      if (c.type === 'variable_assignment' && (args.length > 0 || !this.isAssignment(c))) {
        // `1x=2 cmd`: not a name, so not an assignment: the command's first word (and all after it are words).
        args.push({ word: this.assignmentWord(c), start: c.startIndex, end: c.endIndex });
      } else if (c.type === 'variable_assignment') {
        assigns.push(this.assign(c));
        sawOther = true;
      } else if (field === 'redirect') {
        redirectNodes.push(c);
        if (args.length === 0) sawOther = true;
      } else if (field === 'name') {
        const inner = kidsOf(c).filter((k) => k.type !== 'comment');
        if (inner.length !== 1) unsupported(c, this.name);
        args.push({ word: this.word(inner[0]!), start: c.startIndex, end: c.endIndex });
      } else if (field === 'argument') {
        args.push({ word: c.isNamed ? this.word(c) : this.litWord(c), start: c.startIndex, end: c.endIndex });
      } else if (c.type === 'comment') continue;
      else unsupported(c, this.name);
    }
    const words = mergeAdjacent(args);
    if (words.length > 0 && assigns.some((a) => a.Array !== null)) throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}: an array assigned before a command`);
    const redirects = this.redirects(redirectNodes);
    const first = words[0];
    const keyword = first && !sawOther ? plainLiteral(first) : undefined;
    if (keyword !== undefined && NOT_A_COMMAND.has(keyword)) throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: "${keyword}" is not a command`);
    const allArgs = [...words, ...redirects.extraArgs];
    let stmt: Node;
    if (keyword === 'time' || keyword === 'coproc') {
      // mvdan/sh: TimeClause / CoprocClause around the command that follows.
      let rest = allArgs.slice(1);
      const posix = keyword === 'time' && rest[0] !== undefined && plainLiteral(rest[0]) === '-p';
      if (posix) rest = rest.slice(1);
      const inner = rest.length > 0 ? this.withRedirects(this.wrapStmt(node('CallExpr', rest[0]!.pos, { Assigns: [], Args: rest }, rest), rest[0]!.pos), { ...redirects, extraArgs: [] }) : null;
      const clause = node(keyword === 'time' ? 'TimeClause' : 'CoprocClause', this.at(n), { PosixFormat: posix, Stmt: inner }, [inner]);
      const outer = this.wrapStmt(clause, this.at(n));
      return inner ? outer : this.withRedirects(outer, { ...redirects, extraArgs: [] });
    }
    if (keyword === 'let') {
      // mvdan/sh parses let's words as arithmetic (an error denies); tree-sitter-bash doesn't parse them: only plain ones are read.
      if (!allArgs.slice(1).every((w) => (w.Parts as Node[]).every((p) => p.type === 'ParamExp' || p.type === 'ArithmExp' || (p.type === 'Lit' && /^[\w\s+\-*/%<>=!&|^~?:(),[\]#$]*$/.test(p.Value as string)))))
        throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}: let with words this parser does not read as arithmetic`);
      stmt = this.wrapStmt(node('LetClause', this.at(n), {}, allArgs.slice(1)), this.at(n));
    } else if (keyword !== undefined && DECLARATIONS.has(keyword)) {
      // tree-sitter-bash reads `declare -a x"y"`, `! local x` as a command; mvdan/sh (and the shell) as a declaration.
      const decl = allArgs.slice(1).map((w) => node('Assign', w.pos, { Naked: true, Name: null, Value: w, Array: null, Append: false }, [w]));
      stmt = this.wrapStmt(node('DeclClause', this.at(n), { Variant: { Value: keyword }, Args: decl }, decl), this.at(n));
    } else {
      const pos = assigns[0]?.pos ?? allArgs[0]?.pos ?? this.at(n);
      stmt = this.wrapStmt(node('CallExpr', pos, { Assigns: assigns, Args: allArgs }, [...assigns, ...allArgs]), pos);
    }
    return this.withRedirects(stmt, { ...redirects, extraArgs: [] });
  }

  private withRedirects(stmt: Node, r: Redirects): Node {
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

  private redirects(nodes: readonly TsNode[]): Redirects {
    const out: Redirects = { redirs: [], extraArgs: [], wraps: [] };
    for (const r of nodes) this.redirect(r, out);
    return out;
  }

  private redirect(r: TsNode, out: Redirects): void {
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
  private pipelineRest(p: TsNode): [number, Node][] {
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
  private endsHeredoc(end: TsNode, delimiter: TsNode | undefined, dash: boolean): boolean {
    if (!delimiter) return false;
    const lineStart = this.text.lastIndexOf('\n', end.startIndex - 1) + 1;
    const lineEnd = this.text.indexOf('\n', end.endIndex);
    const line = this.text.slice(lineStart, lineEnd === -1 ? this.text.length : lineEnd);
    const word = this.src(delimiter).replace(/\\(.)/g, '$1').replace(/['"]/g, '');
    if ((dash ? line.replace(/^\t+/, '') : line) !== word) throw new ShellParseError(`${this.name}:${end.startPosition.row + 1}: the here-document does not end on a line of its own`);
    return true;
  }

  private heredocBody(body: TsNode, quoted: boolean): Node {
    if (quoted) return node('Word', this.at(body), { Parts: [lit(this.at(body), this.src(body))] }, []);
    const parts = this.gapFilled(body, body.startIndex, body.endIndex, (c) => c.type !== 'heredoc_content', false, true).flatMap((p) => (p.type === 'Lit' ? this.backquotesIn(p) : [p]));
    return node('Word', this.at(body), { Parts: parts }, parts);
  }

  /** `` `cmd` `` in a here-doc's text, which tree-sitter-bash leaves as text: command substitutions, parsed here. */
  private backquotesIn(part: Node): Node[] {
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

  private declaration(n: TsNode): Node {
    const args: Node[] = [];
    let variant = '';
    for (const c of kidsOf(n)) {
      this.check(c);
      if (!c.isNamed) {
        if (variant === '') variant = c.type;
        else args.push(node('Assign', this.at(c), { Naked: true, Name: null, Value: this.litWord(c), Array: null, Append: false }, []));
      } else if (c.type === 'variable_assignment') args.push(this.assign(c));
      else if (c.type === 'variable_name') args.push(node('Assign', this.at(c), { Naked: true, Name: { Value: this.src(c) }, Value: null, Array: null, Append: false }, []));
      else if (c.type === 'comment') continue;
      else {
        const value = this.word(c);
        args.push(node('Assign', this.at(c), { Naked: true, Name: null, Value: value, Array: null, Append: false }, [value]));
      }
    }
    return node('DeclClause', this.at(n), { Variant: { Value: variant }, Args: args }, args);
  }

  /** tree-sitter-bash takes `1x=2` for an assignment; the shell, only a name (or `name[index]`) before `=`. */
  private isAssignment(n: TsNode): boolean {
    const name = fieldsOf(n).find((f) => f.field === 'name')?.node;
    return name !== undefined && (name.type === 'subscript' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(this.src(name)));
  }

  /** `1x=2` as the word it is. */
  private assignmentWord(n: TsNode): Node {
    const value = fieldsOf(n).find((f) => f.field === 'value')?.node;
    if (value?.type === 'array') unsupported(value, this.name);
    const head = lit(this.at(n), this.text.slice(n.startIndex, value ? value.startIndex : n.endIndex));
    const parts = mergeLits([head, ...(value ? this.parts(value) : [])]);
    return node('Word', this.at(n), { Parts: parts }, parts);
  }

  private assign(n: TsNode): Node {
    let name: string | null = null;
    let append = false;
    let value: Node | null = null;
    let array: { Elems: { Value: Node | null }[] } | null = null;
    const kids: Node[] = [];
    for (const { node: c, field } of fieldsOf(n)) {
      this.check(c);
      if (field === 'name') {
        if (c.type === 'variable_name') name = this.src(c);
        else if (c.type === 'subscript') {
          const sub = fieldsOf(c);
          const base = sub.find((f) => f.field === 'name')?.node;
          name = base ? this.src(base) : null;
          for (const f of sub) if (f.field === 'index') kids.push(...this.expression(f.node));
        } else unsupported(c, this.name);
      } else if (c.type === '=' || c.type === '+=') append = c.type === '+=';
      else if (field === 'value') {
        if (c.type === 'array') {
          const elems = kidsOf(c)
            .filter((e) => e.isNamed && e.type !== 'comment')
            .map((e) => ({ Value: /^\[[^\]]*\]\+?=/.test(this.src(e)) ? unknownWord(this.at(e), this.word(e)) : this.word(e) }));
          array = { Elems: elems };
          kids.push(...elems.map((e) => e.Value));
        } else {
          value = this.word(c);
          kids.push(value);
        }
      } else if (c.type === 'comment') continue;
      else unsupported(c, this.name);
    }
    return node('Assign', this.at(n), { Name: name === null ? null : { Value: name }, Value: value, Array: array, Append: append, Naked: false }, kids);
  }

  /** `[ … ]` is a command (its words, as mvdan/sh reads it); `[[ … ]]` a test clause. */
  private test(n: TsNode): Node {
    const kids = kidsOf(n);
    if (kids[0]?.type === '[[') return node('TestClause', this.at(n), {}, this.expressionKids(n));
    if (kids[0]?.type !== '[') return unsupported(n, this.name);
    const words: { word: Node; start: number; end: number }[] = [];
    const leaves = (c: TsNode): void => {
      this.check(c);
      if (c.type === 'binary_expression' || c.type === 'unary_expression' || c.type === 'parenthesized_expression') for (const k of kidsOf(c)) leaves(k);
      else if (c.type === 'comment') return;
      else if (c.type === 'redirected_statement') unsupported(c, this.name);
      else words.push({ word: c.isNamed ? this.word(c) : this.litWord(c), start: c.startIndex, end: c.endIndex });
    };
    for (const c of kids) leaves(c);
    const args = mergeAdjacent(words);
    return node('CallExpr', this.at(n), { Assigns: [], Args: args }, args);
  }

  /** Arithmetic and test expressions: only what may run is kept (substitutions, expansions, quoted words), for Walk. */
  private expressionKids(n: TsNode): Node[] {
    return kidsOf(n).flatMap((c) => this.expression(c));
  }

  private expression(c: TsNode): Node[] {
    this.check(c);
    if (!c.isNamed || c.type === 'comment') return [];
    switch (c.type) {
      case 'command_substitution':
      case 'process_substitution':
      case 'string':
      case 'translated_string':
      case 'expansion':
      case 'simple_expansion':
      case 'concatenation':
      case 'arithmetic_expansion':
        return [this.word(c)];
      case 'binary_expression':
      case 'unary_expression':
      case 'parenthesized_expression':
      case 'postfix_expression':
      case 'ternary_expression':
      case 'subscript':
      case 'number':
      case 'variable_assignment':
      case 'compound_statement':
      case 'subshell':
        return this.expressionKids(c);
      case 'word':
      case 'raw_string':
      case 'ansi_c_string':
      case 'variable_name':
      case 'special_variable_name':
      case 'test_operator':
      case 'regex':
      case 'extglob_pattern':
      case 'brace_expression':
        return [];
      default:
        return unsupported(c, this.name);
    }
  }

  private litWord(t: TsNode): Node {
    this.literalOnly(t, this.src(t));
    return node('Word', this.at(t), { Parts: [lit(this.at(t), this.src(t))] }, []);
  }

  /** A word in argument position → mvdan/sh's Word (adjacent literal text in one Lit, as it has). */
  word(n: TsNode): Node {
    const parts = mergeLits(this.parts(n));
    return node('Word', this.at(n), { Parts: parts }, parts);
  }

  private parts(n: TsNode): Node[] {
    this.check(n);
    const pos = this.at(n);
    switch (n.type) {
      case 'word': {
        const text = this.src(n);
        // extglob (`@(a|b)`, `!(x)`, `+(x)`): mvdan/sh's ExtGlob, a pattern.
        if (/(^|[^\\])[@!+]\(/.test(text)) return [node('ExtGlob', pos, {})];
        this.literalOnly(n, text);
        return [lit(pos, text)];
      }
      case 'number':
      case 'concatenation':
        if (kidsOf(n).length === 0) return [lit(pos, this.src(n))];
        return this.gapFilled(n, n.startIndex, n.endIndex, () => true, true);
      case 'variable_name':
      case 'special_variable_name':
      case 'extglob_pattern':
      case 'regex':
      case 'test_operator':
      case 'brace_expression':
      case 'heredoc_start':
        return [lit(pos, this.src(n))];
      case 'string': {
        const parts = mergeLits(this.gapFilled(n, n.startIndex + 1, n.endIndex - 1, (c) => c.type !== 'string_content'));
        return [node('DblQuoted', pos, { Dollar: false, Parts: parts }, parts)];
      }
      case 'translated_string': {
        const inner = kidsOf(n).find((c) => c.type === 'string');
        if (!inner) unsupported(n, this.name);
        const parts = (this.parts(inner)[0]!.Parts as Node[]) ?? [];
        return [node('DblQuoted', pos, { Dollar: true, Parts: parts }, parts)];
      }
      case 'raw_string':
        return [node('SglQuoted', pos, { Dollar: false, Value: this.src(n).slice(1, -1) })];
      case 'ansi_c_string':
        return [node('SglQuoted', pos, { Dollar: true, Value: this.src(n).slice(2, -1) })];
      case 'simple_expansion': {
        const name = this.src(n).slice(1);
        // `$10` is `${1}0`: one digit names a positional parameter.
        if (/^\d\d/.test(name)) return [paramExp(pos, name[0]!, {}), lit(pos + 2, name.slice(1))];
        return [paramExp(pos, name, {})];
      }
      case 'expansion':
        return [this.expansion(n)];
      case 'command_substitution':
        return [this.substitution(n)];
      case 'process_substitution': {
        const stmts = this.stmts(n);
        return [node('ProcSubst', pos, { Stmts: stmts }, stmts)];
      }
      case 'arithmetic_expansion':
        return [node('ArithmExp', pos, {}, this.expressionKids(n))];
      default:
        if (!n.isNamed) {
          this.literalOnly(n, this.src(n));
          return [lit(pos, this.src(n))];
        }
        return unsupported(n, this.name);
    }
  }

  /** `${…}`: plain (`${X}`, `${a[@]}`) or with an operator (then its value is known only when it runs). */
  private expansion(n: TsNode): Node {
    const text = this.src(n);
    const pos = this.at(n);
    const kids = this.expressionKids(n);
    const name = /^\$\{([A-Za-z_]\w*|\d+|[@*#?$!_-])\}$/.exec(text);
    if (name) return paramExp(pos, name[1]!, {}, kids);
    const list = /^\$\{([A-Za-z_]\w*)\[([@*])\]\}$/.exec(text);
    if (list) return paramExp(pos, list[1]!, { Index: { Parts: [{ type: 'Lit', Value: list[2] }] } }, kids);
    const length = /^\$\{#([A-Za-z_]\w*|\d+|[@*#?$!_-])\}$/.exec(text);
    if (length) return paramExp(pos, length[1]!, { Length: true }, kids);
    const indirect = /^\$\{!([A-Za-z_]\w*)\}$/.exec(text);
    if (indirect) return paramExp(pos, indirect[1]!, { Excl: true }, kids);
    const param = /^\$\{[#!]?([A-Za-z_]\w*|\d+|[@*#?$!_-])/.exec(text);
    return paramExp(pos, param ? param[1]! : '', { Exp: { Op: 0 } }, kids);
  }

  private substitution(n: TsNode): Node {
    const pos = this.at(n);
    if (kidsOf(n)[0]?.type === '`') {
      const text = this.src(n);
      // The shell ends a backquoted substitution at the first backquote not escaped (`` `a``b` `` is two);
      // tree-sitter-bash may read further: then its tree is not the shell's.
      if (!text.endsWith('`') || /(^|[^\\])(\\\\)*`/.test(text.slice(1, -1))) throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: backquotes this parser does not read as the shell does`);
      // Inside backquotes, `\\`, `` \` `` and `\$` are escapes: the code is the text without them.
      const inner = text.slice(1, -1).replace(/\\([\\`$])/g, '$1');
      const file = this.file(inner, pos + 1);
      return node('CmdSubst', pos, { Stmts: file.Stmts, Backquotes: true }, file.kids);
    }
    const stmts = this.stmts(n);
    return node('CmdSubst', pos, { Stmts: stmts, Backquotes: false }, stmts);
  }

  /**
   * Text tree-sitter-bash left as literal must be literal to the shell too: an unescaped backquote
   * or `$` that starts an expansion there (`terra``form`, where the shell runs terraform) means its
   * tree is not the shell's. In a here-doc, backquotes are parsed afterwards (backquotesIn).
   */
  private literalOnly(n: TsNode, text: string, heredoc = false): void {
    const unescaped = (re: string) => new RegExp(`(^|[^\\\\])(\\\\\\\\)*${re}`).test(text);
    if ((!heredoc && unescaped('`')) || unescaped('\\$[({\\[A-Za-z0-9_@*#?$!-]')) throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: an expansion this parser did not read`);
  }

  /** The parts of `n` between `from` and `to`: children that `isPart` accepts, and the text between them as literals. */
  private gapFilled(n: TsNode, from: number, to: number, isPart: (c: TsNode) => boolean, noBlanks = false, heredoc = false): Node[] {
    const out: Node[] = [];
    let at = from;
    const gap = (end: number) => {
      if (end <= at) return;
      const text = this.text.slice(at, end);
      if (noBlanks && /\s/.test(text)) throw new ShellParseError(`${this.name}: a word with a gap`);
      this.literalOnly(n, text, heredoc);
      out.push(lit(this.base + at, text));
    };
    for (const c of kidsOf(n)) {
      this.check(c);
      if (!c.isNamed || !isPart(c)) continue;
      if (c.startIndex < at || c.endIndex > to) unsupported(c, this.name);
      gap(c.startIndex);
      out.push(...this.parts(c));
      at = c.endIndex;
    }
    gap(to);
    return out;
  }
}

function lit(pos: number, value: string): Node {
  return node('Lit', pos, { Value: value });
}

function paramExp(pos: number, name: string, fields: Record<string, unknown>, kids: Node[] = []): Node {
  return node('ParamExp', pos, { Param: { Value: name }, Exp: null, Index: null, Slice: null, Repl: null, Length: false, Excl: false, Names: 0, ...fields }, kids);
}

/** `[k]=v` in an array: its element's value is not tracked (mvdan/sh's ArrayElem.Index), so it is unknown. */
function unknownWord(pos: number, word: Node): Node {
  return node('Word', pos, { Parts: [node('ParamExp', pos, { Param: null, Exp: { Op: 0 } })] }, [word]);
}

/** The text of a word that is one unquoted literal, else undefined. */
function plainLiteral(word: Node): string | undefined {
  const parts = word.Parts as Node[];
  return parts.length === 1 && parts[0]!.type === 'Lit' ? (parts[0]!.Value as string) : undefined;
}

function mergeLits(parts: Node[]): Node[] {
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
function mergeAdjacent(args: readonly { word: Node; start: number; end: number }[]): Node[] {
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
