import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { INLINE_CODE_INTERPRETERS, PREFIX_COMMANDS, RUNNER_SUBCOMMANDS, SHELLS } from './rules.js';

/**
 * Shell command text → the simple commands it would run, wherever they hide: lists, pipelines,
 * subshells, `$(…)`, backquotes, `bash -c` strings, `eval`, here-docs when a shell runs, behind
 * `env`/`sudo`/`timeout`/`xargs`/`npx`… prefixes, with quoting and absolute paths resolved.
 * A word that can't be known before running (a variable, a substitution) is UNKNOWN.
 * The parser is mvdan/sh (shfmt's), passed in: this module does no loading and no I/O.
 */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

export interface ParsedCommand {
  /** Every simple command that may run, prefixes included (`sudo terraform apply` gives both). */
  readonly commands: readonly (readonly Arg[])[];
  /** Why the text can't be analyzed (unparsable, code built at run time); any problem is a denial. */
  readonly problems: readonly string[];
}

type Node = Parameters<ShellSyntax['NodeType']>[0];
const MAX_DEPTH = 8;

interface Walk {
  readonly sh: ShellSyntax;
  readonly commands: Arg[][];
  readonly problems: string[];
}

export function parseCommand(sh: ShellSyntax, text: string): ParsedCommand {
  const walk: Walk = { sh, commands: [], problems: [] };
  collect(walk, text, 0, false);
  return walk;
}

function collect(w: Walk, text: string, depth: number, lenient: boolean): void {
  if (depth > MAX_DEPTH) {
    w.problems.push('the command nests shells too deeply to analyze');
    return;
  }
  let file;
  try {
    file = w.sh.NewParser().Parse(text, 'command');
  } catch (e) {
    // A string literal in another language that isn't shell is not a problem; a shell command is.
    if (!lenient) w.problems.push(`the command could not be parsed (${String((e as { message?: string }).message ?? e).split('\n')[0]})`);
    return;
  }
  const heredocs: Node[] = [];
  const before = w.commands.length;
  w.sh.Walk(file, (node: Node | null) => {
    if (!node) return true;
    const type = w.sh.NodeType(node);
    if (type === 'CallExpr') {
      const argv = (node as unknown as { Args: Node[] }).Args.map((word) => wordText(w.sh, word));
      if (argv.length > 0) expand(w, argv, depth);
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
      const body = wordText(w.sh, hdoc);
      if (body === UNKNOWN) w.problems.push('a here-document fed to a shell contains expansions that cannot be known before running');
      else collect(w, body, depth + 1, false);
    }
  }
}

function runsShellCode(argv: readonly Arg[]): boolean {
  const name = programName(argv[0]!);
  return name === UNKNOWN || SHELLS.includes(name) || name === 'eval' || name === 'source' || name === '.' || name in INLINE_CODE_INTERPRETERS;
}

/** Unwraps prefixes and interpreters; records every command that will run. */
function expand(w: Walk, argv: Arg[], depth: number): void {
  let args = argv;
  for (let step = 0; step < 16 && args.length > 0; step++) {
    const name = programName(args[0]!);
    if (name === UNKNOWN) break;
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
      args = afterOptions(args.slice(2), ['-p', '--package', '-c'], false);
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
    if (SHELLS.includes(name) || name === 'eval') {
      w.commands.push(args);
      const code = name === 'eval' ? args.slice(1) : shellCode(args);
      if (code === undefined) return; // a script file or stdin: here-docs are handled by collect
      if (code.some((a) => a === UNKNOWN)) {
        w.problems.push(`"${name}" runs code that cannot be known before running`);
        return;
      }
      collect(w, (code as string[]).join(' '), depth + 1, false);
      return;
    }
    break;
  }
  if (args.length > 0) w.commands.push(args);
}

/** With -I/-i/--replace, xargs substitutes stdin words for the replace string: those words are unknown. */
function xargsReplace(xargs: readonly Arg[], command: Arg[]): Arg[] {
  let token: string | undefined;
  for (let i = 1; i < xargs.length - command.length; i++) {
    const a = xargs[i];
    if (a === '-I') token = typeof xargs[i + 1] === 'string' ? (xargs[i + 1] as string) : '{}';
    else if (typeof a === 'string' && a.startsWith('-I')) token = a.slice(2);
    else if (a === '-i' || a === '--replace') token = '{}';
    else if (typeof a === 'string' && a.startsWith('--replace=')) token = a.slice('--replace='.length);
  }
  if (!token) return command;
  return command.map((word) => (typeof word === 'string' && word.includes(token!) ? UNKNOWN : word));
}

/** The contents of '…', "…" and `…` literals in code of another language. */
function stringLiterals(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** `bash -c 'code'`, `bash -lc 'code'` → the code words; `bash script.sh` → undefined. */
function shellCode(args: readonly Arg[]): Arg[] | undefined {
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return [UNKNOWN];
    if (a === '--') return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return args.slice(i + 1, i + 2);
    if (!a.startsWith('-') && !a.startsWith('+')) return undefined;
  }
  return undefined;
}

function afterOptions(args: Arg[], withValue: readonly string[], skipAssignments: boolean): Arg[] {
  let i = 0;
  let skippedNumber = false;
  while (i < args.length) {
    const a = args[i]!;
    if (a === UNKNOWN) return args.slice(i);
    if (a === '--') return args.slice(i + 1);
    if (skipAssignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) i += 1;
    else if (withValue.includes(a)) i += 2;
    else if (a.startsWith('-')) i += 1;
    else if (/^\d+(\.\d+)?[smhd]?$/.test(a) && !skippedNumber) {
      skippedNumber = true; // timeout's duration
      i += 1;
    } else break;
  }
  return args.slice(i);
}

/** `/usr/local/bin/terraform`, `terraform.exe`, `Terraform` → terraform. */
export function programName(word: Arg): Arg {
  if (word === UNKNOWN) return UNKNOWN;
  return word.split('/').pop()!.replace(/\.exe$/i, '').toLowerCase();
}

/** A word's literal value, or UNKNOWN when it depends on expansion at run time. */
function wordText(sh: ShellSyntax, word: Node): Arg {
  let text = '';
  for (const part of (word as unknown as { Parts: Node[] }).Parts ?? []) {
    const t = partText(sh, part);
    if (t === UNKNOWN) return UNKNOWN;
    text += t;
  }
  return text;
}

function partText(sh: ShellSyntax, part: Node): Arg {
  switch (sh.NodeType(part)) {
    case 'Lit':
      // Unquoted: a backslash escapes the next character (`\terraform` is terraform).
      return (part as unknown as { Value: string }).Value.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
    case 'SglQuoted':
      return (part as unknown as { Value: string }).Value;
    case 'DblQuoted': {
      let text = '';
      for (const inner of (part as unknown as { Parts: Node[] }).Parts) {
        const t = sh.NodeType(inner) === 'Lit' ? (inner as unknown as { Value: string }).Value.replace(/\\([$`"\\\n])/g, '$1') : partText(sh, inner);
        if (t === UNKNOWN) return UNKNOWN;
        text += t;
      }
      return text;
    }
    default:
      return UNKNOWN; // parameter expansion, command substitution, arithmetic, brace expansion…
  }
}

/** A command as text, for reasons and logs (`$?` marks a word unknown before running). */
export function show(argv: readonly Arg[]): string {
  return argv.map((a) => (a === UNKNOWN ? '$?' : /\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** An argv array (Codex's `["bash","-lc","…"]`, `steer guard -- terraform apply`) as one shell command line. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
