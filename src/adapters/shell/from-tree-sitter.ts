import { droppedText, shellTextOf } from './shell-text.js';
import { node, OP, ShellParseError, type Node } from './syntax.js';
import { failAt, fieldsOf, kidsOf, lit, mergeAdjacent, mergeLits, plainLiteral, unknownWord, unsupported, type ParseTree, type TsNode } from './tree-parts.js';
import { RedirectReader, STATEMENTS } from './tree-redirects.js';

export type { ParseTree, TsNode } from './tree-parts.js';

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

/** The tokens of compound commands and separators: any other token where statements are is not read, and fails closed. */
const SYNTAX_TOKENS = new Set([';', '&', ';;', ';&', ';;&', '\n', '(', ')', '{', '}', '$(', '`', '<(', '>(', '((', '))', 'do', 'done', 'then', 'fi', 'else', 'elif', 'if', 'while', 'until', 'for', 'select', 'in', 'case', 'esac', '|']);
const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local', 'nameref']);
/** Reserved words that can't be a command's name: tree-sitter-bash making one a command is a mis-parse. */
const NOT_A_COMMAND = new Set(['{', '}', 'then', 'fi', 'do', 'done', 'esac', 'elif', 'else', 'in', ';;']);
const MAX_DEPTH = 200;

/** Parses `text` into the guard's tree: mvdan/sh's `*syntax.File`. */
export function fileOf(parse: ParseTree, text: string, name: string): Node {
  return new Converter(parse, name).file(text, 0);
}

/** Statements of tree-sitter-bash's tree → mvdan/sh's Stmt, CallExpr, BinaryCmd, DeclClause and the compound commands. */
class Converter extends RedirectReader {
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

  /** The statements directly in a container (program, do_group, subshell, `$(…)`…), `&` marking the one before it. */
  protected stmts(container: TsNode): Node[] {
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

  protected stmt(n: TsNode): Node {
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
  protected chain(n: TsNode, ops: Record<string, number>): Node {
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

  /** The children of if/while/for/case and their clauses: statements, the words they loop or match on, arithmetic. */
  protected compoundKids(n: TsNode): Node[] {
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

  protected command(n: TsNode): Node {
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

  protected declaration(n: TsNode): Node {
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
  protected isAssignment(n: TsNode): boolean {
    const name = fieldsOf(n).find((f) => f.field === 'name')?.node;
    return name !== undefined && (name.type === 'subscript' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(this.src(name)));
  }

  /** `1x=2` as the word it is. */
  protected assignmentWord(n: TsNode): Node {
    const value = fieldsOf(n).find((f) => f.field === 'value')?.node;
    if (value?.type === 'array') unsupported(value, this.name);
    const head = lit(this.at(n), this.text.slice(n.startIndex, value ? value.startIndex : n.endIndex));
    const parts = mergeLits([head, ...(value ? this.parts(value) : [])]);
    return node('Word', this.at(n), { Parts: parts }, parts);
  }

  protected assign(n: TsNode): Node {
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
  protected test(n: TsNode): Node {
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
}
