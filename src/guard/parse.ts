import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { launches } from './launchers.js';
import { plainWords } from './plain-words.js';
import { INLINE_CODE_INTERPRETERS, PREFIX_COMMANDS, RUNNER_SUBCOMMANDS, SHELLS } from './rules.js';
import { afterOptions, shellInput, sourced, stringLiterals, xargsReplace } from './invocation.js';
import { hasHeredoc, offset, ownStdin, TOKENS, type Stdin, type StmtNode } from './stdin.js';
import { programName, UNKNOWN, wordText, type Arg, type Node } from './words.js';

/**
 * Shell command text → the simple commands it would run, wherever they hide: lists, pipelines,
 * subshells, `$(…)`, backquotes, `bash -c` strings, `eval`, here-docs when a shell runs, behind
 * `env`/`sudo`/`timeout`/`xargs`/`npx`… prefixes, with quoting and absolute paths resolved.
 * A word that can't be known before running (a variable, a substitution) is UNKNOWN.
 * The parser is mvdan/sh (shfmt's), passed in: this module does no loading and no I/O.
 */
export { programName, show, UNKNOWN, type Arg } from './words.js';
export { TOKENS } from './stdin.js';

export interface ParsedCommand {
  /** Every simple command that may run, prefixes included (`sudo terraform apply` gives both). */
  readonly commands: readonly (readonly Arg[])[];
  /** Why the text can't be analyzed (unparsable, code built at run time); any problem is a denial. */
  readonly problems: readonly string[];
  /** Files it runs as programs or scripts (`bash deploy.sh`, `./deploy.sh`, `source env.sh`): the caller may read and check them. */
  readonly scripts: readonly string[];
}

const MAX_DEPTH = 8;

interface Walk {
  /** The parser, loaded on first need: a command of plain words never needs it. */
  readonly parser: () => ShellSyntax;
  readonly commands: Arg[][];
  readonly problems: string[];
  readonly scripts: string[];
  /** `alias t=terraform` earlier in the text: `t apply` is `terraform apply`. */
  readonly aliases: Map<string, string>;
}

/** `parser`: mvdan/sh, or a function that loads it when first needed. `parserOnly` skips the plain-words path (tests compare the two). */
export function parseCommand(parser: ShellSyntax | (() => ShellSyntax), text: string, parserOnly = false): ParsedCommand {
  const walk = newWalk(parser);
  const plain = parserOnly ? undefined : plainWords(text);
  if (plain) expand(walk, plain, 0, { kind: 'inherited' });
  else collect(walk, text, 0, false);
  return { commands: walk.commands, problems: walk.problems, scripts: [...new Set(walk.scripts)] };
}

function newWalk(parser: ShellSyntax | (() => ShellSyntax)): Walk {
  return { parser: typeof parser === 'function' ? parser : () => parser, commands: [], problems: [], scripts: [], aliases: new Map() };
}

/**
 * A script file's text: shell unless its `#!` line names another interpreter, whose code is
 * treated like inline code (its string literals that parse as shell are checked).
 */
export function parseScript(parser: ShellSyntax | (() => ShellSyntax), text: string): ParsedCommand {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  const interpreter = shebang ? String(programName(shebang[1]!) === 'env' ? programName(shebang[2] ?? '') : programName(shebang[1]!)) : 'sh';
  if (SHELLS.includes(interpreter)) return parseCommand(parser, text);
  const walk = newWalk(parser);
  for (const literal of stringLiterals(text)) collect(walk, literal, 1, true);
  return { commands: walk.commands, problems: walk.problems, scripts: [...new Set(walk.scripts)] };
}

function collect(w: Walk, text: string, depth: number, lenient: boolean): void {
  if (depth > MAX_DEPTH) {
    w.problems.push('the command nests shells too deeply to analyze');
    return;
  }
  const sh = w.parser();
  let file;
  try {
    file = sh.NewParser().Parse(text, 'command');
  } catch (e) {
    // A string literal in another language that isn't shell is not a problem; a shell command is.
    if (!lenient) w.problems.push(`the command could not be parsed (${String((e as { message?: string }).message ?? e).split('\n')[0]})`);
    return;
  }
  const heredocs: Node[] = [];
  const stdin = new Map<number, Stdin>(); // by the offset of the command it feeds
  const before = w.commands.length;
  sh.Walk(file, (node: Node | null) => {
    if (!node) return true;
    const type = sh.NodeType(node);
    if (type === 'Stmt') {
      const own = ownStdin(sh, node as unknown as StmtNode);
      if (own) stdin.set(offset(node as unknown as StmtNode), own);
    } else if (type === 'BinaryCmd') {
      const bin = node as unknown as { Op: number; X: StmtNode | null; Y: StmtNode | null };
      // `producer | consumer`: the consumer reads what the producer writes (its own redirect wins).
      if ((bin.Op === TOKENS.PIPE || bin.Op === TOKENS.PIPE_ALL) && bin.X && bin.Y) stdin.set(offset(bin.Y), { kind: 'pipe', fromHeredoc: hasHeredoc(sh, bin.X) });
    } else if (type === 'CallExpr') {
      const argv = (node as unknown as { Args: Node[] }).Args.map((word) => wordText(sh, word));
      if (argv.length > 0) expand(w, argv, depth, stdin.get((node as unknown as { Pos(): { Offset(): number } }).Pos().Offset()) ?? { kind: 'inherited' });
    } else if (type === 'Redirect') {
      const hdoc = (node as unknown as { Hdoc: Node | null }).Hdoc;
      if (hdoc) heredocs.push(hdoc);
    }
    return true;
  });
  // A here-doc is more shell code when a shell (or eval/source) runs in the same command:
  // `cat <<EOF | sh`, `bash <<EOF`, `cat > x.sh <<EOF && bash x.sh`. Decided on the parsed
  // commands, not on the text.
  if (heredocs.length > 0 && w.commands.slice(before).some(runsShellCode)) {
    for (const hdoc of heredocs) {
      const body = wordText(sh, hdoc);
      if (body === UNKNOWN) w.problems.push('a here-document fed to a shell contains expansions that cannot be known before running');
      else collect(w, body, depth + 1, false);
    }
  }
}

function runsShellCode(argv: readonly Arg[]): boolean {
  const name = programName(argv[0]!);
  return name === UNKNOWN || SHELLS.includes(name) || name === 'eval' || name === 'source' || name === '.' || name in INLINE_CODE_INTERPRETERS;
}

/** Unwraps prefixes, launchers and interpreters; records every command that will run. */
function expand(w: Walk, argv: Arg[], depth: number, stdin: Stdin): void {
  let args = argv;
  for (let step = 0; step < 16 && args.length > 0; step++) {
    const name = programName(args[0]!);
    if (name === UNKNOWN) break;
    const aliased = w.aliases.get(name);
    // Both readings are checked: bash expands aliases only in interactive shells, so `alias terraform=echo` hides nothing.
    if (aliased !== undefined && step === 0) collect(w, `${aliased} ${quoteArgv(args.slice(1).map((a) => (a === UNKNOWN ? UNKNOWN_WORD : a)))}`, depth + 1, false);
    if (name === 'alias') for (const a of args.slice(1)) if (typeof a === 'string' && a.indexOf('=') > 0) w.aliases.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    for (const launch of launches(name, args)) {
      if ('problem' in launch) w.problems.push(launch.problem);
      else if ('argv' in launch) expand(w, [...launch.argv], depth + 1, { kind: 'inherited' });
      else if (launch.shell === UNKNOWN) w.problems.push(`"${name}" runs a command that cannot be known before running`);
      else collect(w, launch.shell, depth + 1, false);
    }
    if (name in PREFIX_COMMANDS) {
      w.commands.push(args);
      const prefix = args;
      args = afterOptions(args.slice(1), PREFIX_COMMANDS[name]!.withValue, name === 'env');
      // xargs appends words read from stdin: the command's arguments can't be known.
      if (name === 'xargs') args = args.length > 0 ? [...xargsReplace(prefix, args), UNKNOWN] : [];
      continue;
    }
    const runner = RUNNER_SUBCOMMANDS[name];
    if (runner && typeof args[1] === 'string' && runner.includes(args[1])) {
      w.commands.push(args);
      args = afterOptions(args.slice(2), ['-p', '--package', '-c', '--from', '--with', '--spec'], false);
      continue;
    }
    if (name === 'yarn' && typeof args[1] === 'string' && !args[1].startsWith('-')) {
      w.commands.push(args);
      args = args.slice(1); // `yarn cdk deploy` runs the cdk binary
      continue;
    }
    const inline = INLINE_CODE_INTERPRETERS[name];
    if (inline) {
      // Code in another language can spawn a shell. It isn't parsed: any string literal inside it
      // that parses as shell is checked as shell.
      w.commands.push(args);
      const at = args.findIndex((a, i) => i > 0 && typeof a === 'string' && inline.includes(a));
      const code = at > 0 ? args[at + 1] : undefined;
      if (code === UNKNOWN) w.problems.push(`"${name}" runs code that cannot be known before running`);
      else if (typeof code === 'string') for (const literal of stringLiterals(code)) collect(w, literal, depth + 1, true);
      return;
    }
    if (SHELLS.includes(name) || name === 'eval' || name === 'source' || name === '.') {
      w.commands.push(args);
      const input = name === 'eval' ? { code: args.slice(1) } : name === 'source' || name === '.' ? sourced(args) : shellInput(args);
      if ('code' in input) {
        if (input.code.some((a) => a === UNKNOWN)) w.problems.push(`"${name}" runs code that cannot be known before running`);
        else collect(w, (input.code as string[]).join(' '), depth + 1, false);
      } else if ('stdin' in input) {
        readsCodeFrom(w, name, stdin, depth);
      } else if (input.script === UNKNOWN) {
        w.problems.push(`"${name}" runs a script whose name cannot be known before running`);
      } else {
        w.scripts.push(input.script);
      }
      return;
    }
    break;
  }
  if (args.length === 0) return;
  w.commands.push(args);
  // `./deploy.sh`, `scripts/apply-all`: a file run as a program.
  if (typeof args[0] === 'string' && args[0].includes('/')) w.scripts.push(args[0]);
}

/** A shell (or `source /dev/stdin`) runs code from its standard input: only a here-doc or here-string can be checked. */
function readsCodeFrom(w: Walk, name: string, stdin: Stdin, depth: number): void {
  switch (stdin.kind) {
    case 'heredoc':
    case 'file':
      return; // here-docs are parsed by collect; `sh < script.sh` is a script file
    case 'herestring':
      if (stdin.text === UNKNOWN) w.problems.push(`"${name}" runs a here-string that cannot be known before running`);
      else collect(w, stdin.text, depth + 1, false);
      return;
    case 'pipe':
      if (!stdin.fromHeredoc) w.problems.push(`"${name}" runs shell code piped into it, which cannot be known before running`);
      return;
    case 'inherited':
      w.problems.push(`"${name}" runs shell code from its standard input, which cannot be known before running`);
  }
}

/** Stands for a word only known at run time when words are turned back into shell text: it parses as UNKNOWN. */
const UNKNOWN_WORD = '${STEER_UNKNOWN_WORD}';

/** An argv array (Codex's `["bash","-lc","…"]`, `steer guard -- terraform apply`) as one shell command line. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) || a === UNKNOWN_WORD ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
