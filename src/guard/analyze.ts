import type { ShellSyntax } from '../adapters/shell/mvdan.js';
import { nameGlob } from '../core/glob.js';
import { DENY_RULES, INFRA_PROGRAMS, INLINE_CODE_INTERPRETERS, PREFIX_COMMANDS, RUNNER_SUBCOMMANDS, SHELLS, type CommandRule } from './rules.js';

/**
 * Shell command text → the simple commands it would run, wherever they hide: lists, pipelines,
 * subshells, `$(…)`, backquotes, `bash -c` strings, `eval`, here-docs fed to a shell, behind
 * `env`/`sudo`/`timeout`/`xargs`/`npx`… prefixes, with quoting and absolute paths resolved.
 * A word that can't be known before running (a variable, a substitution) is UNKNOWN.
 */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

export interface Decision {
  readonly decision: 'allow' | 'deny';
  readonly reason: string;
  /** The simple commands found, as text (for logs and tests). */
  readonly commands: readonly string[];
}

export interface GuardLists {
  /** Extra denied command prefixes from steer.yml, e.g. "kubectl delete", "helm uninstall *". */
  readonly deny: readonly string[];
  /** Allowed command prefixes that win over the built-in denials, e.g. "terraform apply -target=module.sandbox*". */
  readonly allow: readonly string[];
}

type Node = Parameters<ShellSyntax['NodeType']>[0];
const MAX_DEPTH = 8;

export function analyzeCommand(sh: ShellSyntax, text: string, lists: GuardLists): Decision {
  const found: Arg[][] = [];
  const problems: string[] = [];
  collect(sh, text, 0, found, problems);
  const commands = found.map(show);
  if (problems.length > 0) return { decision: 'deny', reason: problems[0]!, commands };
  for (const argv of found) {
    const verdict = judge(argv, lists);
    if (verdict) return { decision: 'deny', reason: verdict, commands };
  }
  return { decision: 'allow', reason: 'no direct infrastructure mutation found', commands };
}

function collect(sh: ShellSyntax, text: string, depth: number, out: Arg[][], problems: string[], lenient = false): void {
  if (depth > MAX_DEPTH) {
    problems.push('the command nests shells too deeply to analyze');
    return;
  }
  let file;
  try {
    file = sh.NewParser().Parse(text, 'command');
  } catch (e) {
    // A string literal in another language that isn't shell is not a problem; a shell command is.
    if (!lenient) problems.push(`the command could not be parsed (${String((e as { message?: string }).message ?? e).split('\n')[0]})`);
    return;
  }
  const feedsShell = /\b(sh|bash|zsh|dash|ksh|source|eval)\b|(^|[\s;|&])\.\s/.test(text);
  sh.Walk(file, (node: Node | null) => {
    if (!node) return true;
    const type = sh.NodeType(node);
    if (type === 'CallExpr') {
      const call = node as unknown as { Args: Node[] };
      const argv = call.Args.map((w) => wordText(sh, w));
      if (argv.length > 0) expand(sh, argv, depth, out, problems);
    } else if (type === 'Redirect') {
      // A here-doc is more shell code when it feeds a shell: `cat <<EOF | sh`, `bash <<EOF`.
      const hdoc = (node as unknown as { Hdoc: Node | null }).Hdoc;
      if (hdoc && feedsShell) {
        const body = wordText(sh, hdoc);
        if (body === UNKNOWN) problems.push('a here-document fed to a shell contains expansions that cannot be known before running');
        else collect(sh, body, depth + 1, out, problems);
      }
    }
    return true;
  });
}

/** Unwraps prefixes and interpreters; records every command that will run. */
function expand(sh: ShellSyntax, argv: Arg[], depth: number, out: Arg[][], problems: string[]): void {
  let args = argv;
  for (let guard = 0; guard < 16 && args.length > 0; guard++) {
    const name = programName(args[0]!);
    if (name === UNKNOWN) break;
    if (name in PREFIX_COMMANDS) {
      out.push(args);
      args = afterOptions(args.slice(1), PREFIX_COMMANDS[name]!.withValue, name === 'env');
      // xargs appends words read from stdin: the command's arguments can't be known.
      if (name === 'xargs') args = args.length > 0 ? [...xargsReplace(out.at(-1)!, args), UNKNOWN] : [];
      continue;
    }
    const runner = RUNNER_SUBCOMMANDS[name];
    if (runner && typeof args[1] === 'string' && runner.includes(args[1])) {
      out.push(args);
      args = afterOptions(args.slice(2), ['-p', '--package', '-c'], false);
      continue;
    }
    if (name === 'yarn' && typeof args[1] === 'string' && !args[1].startsWith('-')) {
      out.push(args);
      args = args.slice(1); // `yarn cdk deploy` runs the cdk binary
      continue;
    }
    const inline = INLINE_CODE_INTERPRETERS[name];
    if (inline) {
      // Code in another language can spawn a shell. It isn't parsed: any command line inside its
      // string literals that reads as an infrastructure mutation is checked as shell.
      out.push(args);
      const at = args.findIndex((a, i) => i > 0 && typeof a === 'string' && inline.includes(a));
      const code = at > 0 ? args[at + 1] : undefined;
      if (code === UNKNOWN) problems.push(`"${name}" runs code that cannot be known before running`);
      else if (typeof code === 'string') for (const literal of stringLiterals(code)) collect(sh, literal, depth + 1, out, problems, true);
      return;
    }
    if (SHELLS.includes(name) || name === 'eval') {
      out.push(args);
      const code = name === 'eval' ? args.slice(1) : shellCode(args);
      if (code === undefined) return; // reads a script file or stdin: here-docs are handled by collect
      if (code.some((a) => a === UNKNOWN)) {
        problems.push(`"${name}" runs code that cannot be known before running`);
        return;
      }
      collect(sh, (code as string[]).join(' '), depth + 1, out, problems);
      return;
    }
    break;
  }
  if (args.length > 0) out.push(args);
}

/** With -I/-i/--replace, xargs substitutes stdin words for the replace string: those words are unknown. */
function xargsReplace(xargs: Arg[], command: Arg[]): Arg[] {
  let token: string | undefined;
  for (let i = 1; i < xargs.length - command.length; i++) {
    const a = xargs[i];
    if (a === '-I') token = typeof xargs[i + 1] === 'string' ? (xargs[i + 1] as string) : '{}';
    else if (typeof a === 'string' && a.startsWith('-I')) token = a.slice(2);
    else if (a === '-i' || a === '--replace') token = '{}';
    else if (typeof a === 'string' && a.startsWith('--replace=')) token = a.slice('--replace='.length);
  }
  if (!token) return command;
  return command.map((w) => (typeof w === 'string' && w.includes(token!) ? UNKNOWN : w));
}

/** The contents of '…', "…" and `…` literals in code of another language. */
function stringLiterals(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** `bash -c 'code'`, `bash -lc 'code'` → the code words; `bash script.sh` → undefined. */
function shellCode(args: Arg[]): Arg[] | undefined {
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
    }
    else break;
  }
  return args.slice(i);
}

function programName(word: Arg): Arg {
  if (word === UNKNOWN) return UNKNOWN;
  return word.split('/').pop()!.replace(/\.exe$/i, '').toLowerCase();
}

/** Why this command is denied, or undefined. */
function judge(argv: Arg[], lists: GuardLists): string | undefined {
  const words = argv.map((a) => (a === UNKNOWN ? '$?' : a));
  const name = programName(argv[0]!);
  const normalized = [name === UNKNOWN ? '$?' : name, ...words.slice(1)];
  if (lists.allow.some((p) => prefixMatches(p, normalized))) return undefined;
  const configured = lists.deny.find((p) => prefixMatches(p, normalized));
  if (configured) return `"${show(argv)}" is denied by steer.yml (guard.deny: ${configured})`;
  if (name === UNKNOWN) {
    const risky = words.slice(1).find((w) => RISKY_VERBS.has(w));
    return risky ? `the program of "${show(argv)}" cannot be known before running, and "${risky}" may mutate infrastructure` : undefined;
  }
  const rule = DENY_RULES.find((r) => r.programs.includes(name));
  if (!rule) return undefined;
  const path = subcommandPath(argv.slice(1), rule);
  // An unknown word may be any subcommand: it matches every denied one in its place.
  const denied = rule.deny.find((d) => d.every((pattern, i) => path[i] === UNKNOWN || (typeof path[i] === 'string' && nameGlob(pattern).test(path[i] as string))));
  if (!denied) return undefined;
  return path.some((w) => w === UNKNOWN) ? `"${show(argv)}": the ${name} subcommand cannot be known before running, and it may be "${denied.join(' ')}"` : `"${show(argv)}" ${rule.why}`;
}

/** Positional words after global options (`terraform -chdir=x apply` → apply). */
function subcommandPath(args: Arg[], rule: CommandRule): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < args.length && out.length < 3; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) {
      out.push(UNKNOWN);
      continue;
    }
    if (a.startsWith('-')) {
      if (rule.optionsWithValue?.includes(a)) i += 1;
      continue;
    }
    out.push(a);
  }
  return out;
}

const RISKY_VERBS = new Set(['apply', 'destroy', 'deploy', 'delete-stack', 'execute-change-set', 'update-stack', 'create-stack', 'rb', 'up', 'remove', 'delete-table', 'force-unlock', 'taint', 'import']);

function prefixMatches(pattern: string, words: readonly string[]): boolean {
  const parts = pattern.trim().split(/\s+/);
  return parts.length <= words.length && parts.every((p, i) => nameGlob(p).test(words[i]!));
}

/** A word's literal value, or UNKNOWN when it depends on expansion at run time. */
function wordText(sh: ShellSyntax, word: Node): Arg {
  const parts = (word as unknown as { Parts: Node[] }).Parts ?? [];
  let text = '';
  for (const part of parts) {
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
      return (part as unknown as { Value: string }).Value.replace(/\\(.)/g, '$1').replace(/\\\n/g, '');
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
      return UNKNOWN; // parameter expansion, command substitution, arithmetic, globs with brace expansion…
  }
}

export function show(argv: readonly Arg[]): string {
  return argv.map((a) => (a === UNKNOWN ? '$?' : /\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** Programs whose mutations the guard knows (for the reason text). */
export const KNOWN_PROGRAMS = INFRA_PROGRAMS;
