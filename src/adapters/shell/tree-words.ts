import { node, ShellParseError, type Node } from './syntax.js';
import { failAt, kidsOf, lit, mergeLits, paramExp, unsupported, type TsNode } from './tree-parts.js';

/**
 * Words of tree-sitter-bash's tree → mvdan/sh's Word and its parts (Lit, SglQuoted, DblQuoted,
 * ParamExp, CmdSubst…), and the expressions of `[[ ]]`, `(( ))` and `${…}` kept for what may run
 * in them. The statements' reader (./from-tree-sitter.ts) builds on it.
 */
export abstract class WordReader {
  protected text = '';
  protected base = 0;
  protected depth = 0;
  /** Text tree-sitter-bash left out of its tree (start → end): a word it dropped. */
  protected dropped = new Map<number, number>();
  constructor(
    protected readonly parse: (text: string) => TsNode,
    protected readonly name: string,
  ) {}

  /** A text (backquoted code) parsed as a whole file, offsets from `base`. */
  abstract file(text: string, base: number): Node;
  /** The statements directly in a container. */
  protected abstract stmts(container: TsNode): Node[];

  protected src(n: TsNode): string {
    return this.text.slice(n.startIndex, n.endIndex);
  }

  protected at(n: TsNode): number {
    return this.base + n.startIndex;
  }

  protected check(n: TsNode): void {
    if (n.type === 'ERROR' || n.isMissing) failAt(n, this.name);
  }

  /** Arithmetic and test expressions: only what may run is kept (substitutions, expansions, quoted words), for Walk. */
  protected expressionKids(n: TsNode): Node[] {
    return kidsOf(n).flatMap((c) => this.expression(c));
  }

  protected expression(c: TsNode): Node[] {
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

  protected litWord(t: TsNode): Node {
    this.literalOnly(t, this.src(t));
    return node('Word', this.at(t), { Parts: [lit(this.at(t), this.src(t))] }, []);
  }

  /** A word in argument position → mvdan/sh's Word (adjacent literal text in one Lit, as it has). */
  word(n: TsNode): Node {
    const parts = mergeLits(this.parts(n));
    return node('Word', this.at(n), { Parts: parts }, parts);
  }

  protected parts(n: TsNode): Node[] {
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
  protected expansion(n: TsNode): Node {
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

  protected substitution(n: TsNode): Node {
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
  protected literalOnly(n: TsNode, text: string, heredoc = false): void {
    const unescaped = (re: string) => new RegExp(`(^|[^\\\\])(\\\\\\\\)*${re}`).test(text);
    if ((!heredoc && unescaped('`')) || unescaped('\\$[({\\[A-Za-z0-9_@*#?$!-]')) throw new ShellParseError(`${this.name}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: an expansion this parser did not read`);
  }

  /** The parts of `n` between `from` and `to`: children that `isPart` accepts, and the text between them as literals. */
  protected gapFilled(n: TsNode, from: number, to: number, isPart: (c: TsNode) => boolean, noBlanks = false, heredoc = false): Node[] {
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
