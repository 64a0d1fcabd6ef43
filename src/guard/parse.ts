import type { ShellSyntax } from '../adapters/shell/syntax.js';
import { launches } from './launchers.js';
import { plainWords } from './plain-words.js';
import { DATA_READERS, INFRA_PROGRAMS, PREFIX_COMMANDS, RUNNER_SUBCOMMANDS, SHELLS } from './rules.js';
import { afterOptions, awkCommands, builtCommands, interpretedTool, interpreterCode, interpreterFlags, shellInput, sourced, stringLiterals, xargsReplace } from './invocation.js';
import { catOfHeredoc, offset, ownStdin, TOKENS, WRITING_REDIRS, writtenHeredoc, type Stdin, type StmtNode } from './stdin.js';
import { powershellWrites, SDK_CALL, sdkWrites } from './sdk-calls.js';
import { assign, COMMAND_VARIABLES, commandWords, printfAssignment, readAssignments, SCRIPT_VARIABLES } from './variables.js';
import { bracesInProgram, programName, shellText, show, subdir, substitutedProgram, UNKNOWN, wordText, type Arg, type Node, type Value } from './words.js';

/**
 * Shell command text → the simple commands it would run, wherever they hide: lists, pipelines,
 * subshells, `$(…)`, backquotes, `bash -c` strings, `eval`, here-docs when a shell runs, behind
 * `env`/`sudo`/`timeout`/`xargs`/`npx`… prefixes, with quoting and absolute paths resolved.
 * A word that can't be known before running (a variable, a substitution) is UNKNOWN.
 * The parser (tree-sitter-bash, its tree in mvdan/sh's shape) is passed in: this module does no loading and no I/O.
 */
export { programName, quoteArgv, shellText, show, UNKNOWN, type Arg } from './words.js';
export { TOKENS } from './stdin.js';

export interface ParsedCommand {
  /** Every simple command that may run, prefixes included (`sudo terraform apply` gives both). */
  readonly commands: readonly (readonly Arg[])[];
  /** Why the text can't be analyzed (unparsable, code built at run time); any problem is a denial. */
  readonly problems: readonly string[];
  /** The directory each command runs in, relative to where the whole text runs (`cd infra && …`); UNKNOWN after `cd $X`. */
  readonly dirs: readonly (string | typeof UNKNOWN)[];
  /** Files it runs as programs or scripts (`bash deploy.sh`, `./deploy.sh`, `source env.sh`): the caller reads and checks them. */
  readonly scripts: readonly ScriptRef[];
  /** Files its redirections and here-docs write (`> f`, `>> f`, `&> f`, `cat > f <<EOF`), with the directory the statement runs in. */
  readonly writes: readonly FileWrite[];
  /** Set when the text itself is not valid shell (a script with a syntax error still runs up to it). */
  readonly unparsable?: string;
}

export interface FileWrite {
  readonly path: Arg;
  readonly dir: string | typeof UNKNOWN;
}

/** ScriptRef.dir after `cd "$(dirname "$0")"`: the directory of the script that runs it. */
export const SCRIPT_DIR = '\u0000script-dir';

export interface ScriptRef {
  /** As written, resolved against `dir`. */
  readonly path: string;
  readonly dir: string;
  /** Run by a shell or as a program: one that isn't there yet (written by this very command) can't be checked → deny. */
  readonly mustExist: boolean;
  /** Who reads it: a shell (always shell code), the kernel (its `#!` line decides), or an interpreter (another language). */
  readonly runAs: 'shell' | 'program' | 'interpreter';
}

const MAX_DEPTH = 8;

interface Walk {
  /** The parser, loaded on first need: a command of plain words never needs it. */
  readonly parser: () => ShellSyntax;
  readonly commands: Arg[][];
  readonly dirs: (string | typeof UNKNOWN)[];
  readonly problems: string[];
  readonly scripts: ScriptRef[];
  /** Where the next command runs, relative to the start ('' = there). */
  dir: string | typeof UNKNOWN;
  unparsable?: string;
  /** Inside string literals of another language: words there are data unless they form a command of their own. */
  inLiteral: boolean;
  /** Files this very text writes from a here-doc (`cat > x.sh <<EOF`): running them runs that text. */
  readonly written: Map<string, Arg>;
  readonly writes: FileWrite[];
  /** Shell variables assigned earlier in the text (`CMD="terraform apply"`). */
  readonly vars: Map<string, Value>;
  /** `alias t=terraform` earlier in the text: `t apply` is `terraform apply`. */
  readonly aliases: Map<string, string>;
}

/** `parser`: the shell parser, or a function that gives it when first needed. `parserOnly` skips the plain-words path (tests compare the two). */
export function parseCommand(parser: ShellSyntax | (() => ShellSyntax), text: string, parserOnly = false): ParsedCommand {
  const walk = newWalk(parser);
  const plain = parserOnly ? undefined : plainWords(text);
  if (plain) expand(walk, plain, 0, { kind: 'inherited' });
  else collect(walk, text, 0, false);
  return result(walk);
}

function newWalk(parser: ShellSyntax | (() => ShellSyntax)): Walk {
  return { parser: typeof parser === 'function' ? parser : () => parser, commands: [], dirs: [], problems: [], scripts: [], dir: '', inLiteral: false, written: new Map(), writes: [], vars: new Map(), aliases: new Map() };
}

function result(w: Walk): ParsedCommand {
  const seen = new Set<string>();
  const scripts = w.scripts.filter((s) => !seen.has(`${s.dir}\0${s.path}`) && seen.add(`${s.dir}\0${s.path}`));
  return { commands: w.commands, dirs: w.dirs, problems: w.problems, scripts, writes: w.writes, ...(w.unparsable ? { unparsable: w.unparsable } : {}) };
}

function record(w: Walk, argv: Arg[]): void {
  w.commands.push(argv);
  w.dirs.push(w.dir);
}

function script(w: Walk, path: Arg, mustExist: boolean, runAs: ScriptRef['runAs']): void {
  if (w.inLiteral) return; // a path in another language's string is data (`require('./plan.json')`)
  const written = typeof path === 'string' ? (w.written.get(path) ?? w.written.get(path.replace(/^\.\//, ''))) : undefined;
  if (written !== undefined) {
    // Written by this very text: its content is known — checked in full, here.
    if (written === UNKNOWN) w.problems.push(`it runs ${String(path)}, written here with expansions that cannot be known before running`);
    else if (runAs === 'interpreter') literals(w, written, 0);
    else collect(w, written, 1, false);
    return;
  }
  if (path === UNKNOWN) w.problems.push('it runs a script whose name cannot be known before running');
  else if (w.dir === UNKNOWN && !path.startsWith('/')) {
    w.problems.push(`it runs ${path} in a directory that cannot be known before running`);
    // In a script file, that is almost always its own directory (`cd "$(dirname "$0")"`): checked there too.
    w.scripts.push({ path, dir: SCRIPT_DIR, mustExist: false, runAs });
  } else w.scripts.push({ path, dir: w.dir === UNKNOWN ? '' : w.dir, mustExist, runAs });
}

/** `cd infra`, `cd ..`: where the following commands run. */
function changeDir(w: Walk, args: readonly Arg[]): void {
  w.dir = subdir(w.dir, args.slice(1).find((a) => a === UNKNOWN || !a.startsWith('-')));
}

/**
 * A script file's text: shell unless its `#!` line names another interpreter, whose code is
 * treated like inline code (its string literals that parse as shell are checked).
 */
export function parseScript(parser: ShellSyntax | (() => ShellSyntax), text: string, runAs: ScriptRef['runAs'] = 'program'): ParsedCommand {
  const shebang = /^#!\s*(\S+)((?:[ \t]+\S+)*)/.exec(text);
  // `#!/usr/bin/env -S bash -e`: env's own options come before the interpreter.
  const words = shebang ? [shebang[1]!, ...shebang[2]!.trim().split(/\s+/).filter(Boolean)] : [];
  const program = words[0] !== undefined && programName(words[0]) === 'env' ? words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) : words[0];
  // A shell reads any file as shell; an interpreter reads its own language; the kernel follows `#!` (none: sh).
  const shell = runAs === 'shell' || (runAs === 'program' && (program === undefined || SHELLS.includes(String(programName(program)))));
  // `#!/usr/bin/env -S sh -c "terraform apply" --`: the `#!` line is itself a command line.
  const split = runAs === 'program' && words[0] !== undefined && programName(words[0]) === 'env' ? shebang![2]!.trim().replace(/^(?:-[A-Za-z]*S\s*|--split-string=)/, '') : undefined;
  if (split !== undefined && split !== shebang![2]!.trim()) {
    const line = parseCommand(parser, split);
    const body = shell ? parseCommand(parser, text) : literalsOf(parser, text);
    return { ...body, commands: [...line.commands, ...body.commands], dirs: [...line.dirs, ...body.dirs], problems: [...line.problems, ...body.problems], scripts: [...line.scripts, ...body.scripts] };
  }
  if (shell) return parseCommand(parser, text);
  return literalsOf(parser, text);
}

function literalsOf(parser: ShellSyntax | (() => ShellSyntax), text: string): ParsedCommand {
  const walk = newWalk(parser);
  literals(walk, text, 0);
  return result(walk);
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
    const why = `the command could not be parsed (${String((e as { message?: string }).message ?? e).split('\n')[0]})`;
    if (!lenient) w.problems.push(why);
    if (!lenient && depth === 0) w.unparsable = why;
    return;
  }
  const stdin = new Map<number, Stdin>(); // by the offset of the command it feeds
  sh.Walk(file, (node: Node | null) => {
    if (!node) return true;
    const type = sh.NodeType(node);
    if (type === 'Stmt') {
      const file = writtenHeredoc(sh, node as unknown as StmtNode);
      if (file) w.written.set(file.path, file.body);
      // Any other `> file`, `>> file`, `&> file`, `<> file`…: what it writes is known only when it runs.
      for (const r of (node as unknown as StmtNode).Redirs) {
        if (!r || !r.Word) continue;
        const path = wordText(sh, r.Word);
        const writes = WRITING_REDIRS.has(r.Op) || (r.Op === TOKENS.DPL_OUT && !(typeof path === 'string' && /^(\d+|-)$/.test(path)));
        if (!writes) continue;
        if (!w.inLiteral) w.writes.push({ path, dir: w.dir });
        if (typeof path === 'string' && path !== file?.path && !/^\/dev\//.test(path)) w.written.set(path.replace(/^\.\//, ''), UNKNOWN);
      }
      const own = ownStdin(sh, node as unknown as StmtNode);
      if (own) stdin.set(offset(node as unknown as StmtNode), own);
    } else if (type === 'DeclClause') {
      // `declare -a cmd=(…)`, `export X=…`, `local X=…`
      for (const a of (node as unknown as { Args: Node[] }).Args) {
        if (sh.NodeType(a) !== 'Assign') continue;
        const node = a as unknown as Parameters<typeof assign>[2];
        assign(sh, w.vars, node);
        commandVariable(w, node.Name?.Value, node.Value ? wordText(sh, node.Value, false, w.vars) : '', depth);
      }
    } else if (type === 'BinaryCmd') {
      const bin = node as unknown as { Op: number; X: StmtNode | null; Y: StmtNode | null };
      // `producer | consumer`: the consumer reads what the producer writes (its own redirect wins).
      if ((bin.Op === TOKENS.PIPE || bin.Op === TOKENS.PIPE_ALL) && bin.X && bin.Y) {
        const heredoc = catOfHeredoc(sh, bin.X);
        stdin.set(offset(bin.Y), heredoc === undefined ? { kind: 'pipe' } : { kind: 'pipe', heredoc });
      }
    } else if (type === 'CallExpr') {
      const words = (node as unknown as { Args: Node[] }).Args;
      if (bracesInProgram(sh, words[0])) w.problems.push('brace expansion in the command name makes a command that is only known when it runs');
      if (!w.inLiteral && substitutedProgram(sh, words[0])) w.problems.push('the command name is the output of another command (`$(…)`), known only when it runs');
      // `CMD="terraform apply"; $CMD`, `cmd=(cdk deploy); "${cmd[@]}"`: variables set earlier in the same text are known.
      const call = node as unknown as { Assigns: Parameters<typeof assign>[2][] };
      if (words.length === 0) for (const a of call.Assigns ?? []) assign(sh, w.vars, a);
      for (const a of call.Assigns ?? []) commandVariable(w, a.Name?.Value, a.Value ? wordText(sh, a.Value, false, w.vars) : '', depth);
      const { argv, openProgram } = commandWords(sh, words, w.vars);
      // `DEPLOY='cdk destroy' make deploy`: the environment sets make's `?=` variables, as the command line does.
      if (words.length > 0 && (call.Assigns ?? []).length > 0 && (programName(argv[0]!) === 'make' || programName(argv[0]!) === 'gmake')) {
        argv.splice(1, 0, ...call.Assigns.filter((a) => a.Name).map((a) => { const v = a.Value ? wordText(sh, a.Value, false, w.vars) : ''; return v === UNKNOWN ? UNKNOWN : `${a.Name!.Value}=${v}`; }));
      }
      if (openProgram && argv.length === 1 && !w.inLiteral) w.problems.push('the whole command is an expansion (`$CMD`, `"$@"`, `"${cmd[@]}"`) whose words are known only when it runs');
      if (argv.length > 0) expand(w, argv, depth, stdin.get((node as unknown as { Pos(): { Offset(): number } }).Pos().Offset()) ?? { kind: 'inherited' });
    }
    return true;
  });
}

/** Unwraps prefixes, launchers and interpreters; records every command that will run. */
function expand(w: Walk, argv: Arg[], depth: number, stdin: Stdin): void {
  let args = argv;
  for (let step = 0; args.length > 0; step++) {
    if (step === 16) {
      w.problems.push('the command is wrapped in too many prefixes to analyze');
      return;
    }
    const name = programName(args[0]!);
    if (name === UNKNOWN) break;
    const aliased = w.aliases.get(name);
    // Both readings are checked: bash expands aliases only in interactive shells, so `alias terraform=echo` hides nothing.
    if (aliased !== undefined && step === 0) collect(w, `${aliased} ${shellText(args.slice(1))}`, depth + 1, false);
    // `printf -v c '%s' terraform`, `read -r T A <<< "terraform apply"`, `set -- terraform apply`: they set variables.
    const printed = name === 'printf' ? printfAssignment(args) : undefined;
    if (printed) w.vars.set(printed.name, printed.value);
    if (name === 'read') for (const [n, v] of readAssignments(args, stdin.kind === 'herestring' ? stdin.text : undefined, w.vars)) w.vars.set(n, v);
    if (name === 'set' && args[1] === '--') w.vars.set('@', args.slice(2).some((a) => a === UNKNOWN) ? UNKNOWN : (args.slice(2) as string[]));
    if (name === 'alias') for (const a of args.slice(1)) if (typeof a === 'string' && a.indexOf('=') > 0) w.aliases.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    for (const launch of launches(name, args)) {
      if ('stdinShell' in launch) readsCodeFrom(w, name, stdin, depth);
      else if ('script' in launch) script(w, launch.script, true, 'interpreter');
      else if ('problem' in launch) w.problems.push(launch.problem);
      else if ('argv' in launch) expand(w, [...launch.argv], depth + 1, { kind: 'inherited' });
      else if (launch.shell === UNKNOWN) w.problems.push(`"${name}" runs a command that cannot be known before running`);
      else {
        if (name === 'pwsh' || name === 'powershell' || name === 'iex' || name === 'invoke-expression') sdkCalls(w, launch.shell, true);
        collect(w, launch.shell, depth + 1, false);
      }
    }
    if (name === 'env') for (const a of args.slice(1)) if (typeof a === 'string' && /^[A-Za-z_]\w*=/.test(a)) commandVariable(w, a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1), depth);
    if (name in PREFIX_COMMANDS) {
      record(w, args);
      const prefix = args;
      args = afterOptions(args.slice(1), PREFIX_COMMANDS[name]!.withValue, name === 'env');
      // xargs appends words read from stdin: the command's arguments can't be known.
      if (name === 'xargs') args = args.length > 0 ? [...xargsReplace(prefix, args), UNKNOWN] : [];
      continue;
    }
    const runner = RUNNER_SUBCOMMANDS[name];
    if (runner && typeof args[1] === 'string' && runner.includes(args[1])) {
      record(w, args);
      args = afterOptions(args.slice(2), ['-p', '--package', '-c', '--from', '--with', '--spec'], false);
      continue;
    }
    if (name === 'yarn' && typeof args[1] === 'string' && !args[1].startsWith('-')) {
      record(w, args);
      args = args.slice(1); // `yarn cdk deploy` runs the cdk binary
      continue;
    }
    const tool = interpretedTool(name, args);
    if (tool) {
      record(w, args);
      args = tool;
      continue;
    }
    const inline = interpreterFlags(name);
    if (inline) {
      // Code in another language can spawn a shell. It isn't parsed: any string literal inside it
      // that parses as shell is checked as shell. A script file is read by the caller; code from
      // standard input is judged like a shell's.
      record(w, args);
      const code = interpreterCode(args, inline);
      if (code === UNKNOWN) w.problems.push(`"${name}" runs code that cannot be known before running`);
      else if (typeof code === 'string' && /awk$/.test(String(name))) awk(w, name, code, depth);
      else if (typeof code === 'string') literals(w, code, depth);
      else if (code.script !== undefined) script(w, code.script, false, 'interpreter'); // `python -m x`, `node --flag v`: maybe not a file
      else readsCodeFrom(w, name, stdin, depth, true);
      return;
    }
    if (SHELLS.includes(name) || name === 'eval' || name === 'source' || name === '.') {
      record(w, args);
      const input = name === 'eval' ? { code: args.slice(1) } : name === 'source' || name === '.' ? sourced(args) : shellInput(args);
      if ('code' in input) {
        if (input.code.some((a) => a === UNKNOWN)) w.problems.push(`"${name}" runs code that cannot be known before running`);
        else if (name === 'eval') collect(w, (input.code as string[]).join(' '), depth + 1, false);
        else withPositional(w, args.slice(args.lastIndexOf(input.code[0]!) + 1), () => collect(w, (input.code as string[]).join(' '), depth + 1, false));
      } else if ('stdin' in input) {
        readsCodeFrom(w, name, stdin, depth);
      } else {
        // `source .venv/bin/activate` before it exists just fails; a file written here is known (w.written).
        script(w, input.script, name !== 'source' && name !== '.', 'shell');
      }
      return;
    }
    break;
  }
  if (args.length === 0) return;
  startsAnother(w, args, depth);
  commandStrings(w, args, depth);
  modifies(w, args);
  if (TASK_RUNNERS.has(String(programName(args[0]!))) && [...w.written.keys()].some((f) => /(^|\/)((GNU)?[Mm]akefile|[^/]*\.mk|package\.json)$/.test(f))) w.problems.push(`"${show(args)}" runs tasks from a file this very command line rewrites, which cannot be checked before it runs`);
  record(w, args);
  if (programName(args[0]!) === 'cd' || programName(args[0]!) === 'pushd') changeDir(w, args);
  // `./deploy.sh`, `scripts/apply-all`: a file run as a program.
  if (typeof args[0] === 'string' && args[0].includes('/')) script(w, args[0], true, 'program');
}

/** AWS SDK calls that may write, in code of another language (and AWS Tools cmdlets in PowerShell): each is a command that is denied. */
function sdkCalls(w: Walk, code: string, powershell: boolean): void {
  for (const operation of [...sdkWrites(code), ...(powershell ? powershellWrites(code) : [])]) record(w, [SDK_CALL, operation]);
}

/** `bash -c 'code' name args…`: inside the code, `$0` is name and `"$@"` the args. */
function withPositional(w: Walk, after: readonly Arg[], run: () => void): void {
  const names = ['@', ...Array.from({ length: 10 }, (_v, i) => String(i))];
  const saved = names.map((n) => [n, w.vars.get(n)] as const);
  const rest = after.slice(1);
  w.vars.set('@', rest.some((a) => a === UNKNOWN) ? UNKNOWN : (rest as string[]));
  after.forEach((a, i) => i < 10 && w.vars.set(String(i), a));
  run();
  for (const [n, v] of saved) if (v === undefined) w.vars.delete(n);
  else w.vars.set(n, v);
}

/** Code fed to a shell (parsed) or to another language (its string literals checked). */
function code(w: Walk, name: string, text: Arg, what: string, depth: number, literalsOnly: boolean): void {
  if (text === UNKNOWN) w.problems.push(`"${name}" runs ${what} with expansions that cannot be known before running`);
  else if (literalsOnly) literals(w, text, depth);
  else collect(w, text, depth + 1, false);
}

/** awk: only the strings it runs as commands are code. */
function awk(w: Walk, name: string, program: string, depth: number): void {
  for (const command of awkCommands(program)) {
    if (command === '\u0000unknown') w.problems.push(`"${name}" runs a command built at run time`);
    else collect(w, command, depth + 1, false);
  }
}

/** String literals of code in another language, checked as shell commands: alone, and a list of them joined (`['terraform', 'apply']`). */
function literals(w: Walk, text: string, depth: number): void {
  sdkCalls(w, text, /\bImport-Module\b|AWS\.Tools|AWSPowerShell/.test(text));
  const built = builtCommands(text)[0];
  if (built !== undefined) w.problems.push(`the code runs a command built at run time (${built}(…) with a value that is not a literal), which cannot be checked`);
  const previous = w.inLiteral;
  w.inLiteral = true;
  for (const literal of stringLiterals(text)) collect(w, literal, depth + 1, true);
  w.inLiteral = previous;
}

/**
 * A program we don't know to be a launcher may still start another one (`aws-vault exec prod --
 * terraform apply`, `direnv exec .`, `setsid`, `chroot /`, `strace -f`, `docker exec c`,
 * `kubectl exec pod --`, `busybox sh -c`): an infrastructure tool among its words, or a shell
 * given `-c`, is checked as the command it starts. Programs that take such words as data (echo,
 * grep, git…) are left alone.
 */
/** Programs that run project tasks: after a wrapper (`aws-vault exec prod -- npm run deploy`) they start one. */
const TASK_RUNNERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun', 'make', 'gmake', 'npx', 'pnpx', 'bunx']);

function startsAnother(w: Walk, args: readonly Arg[], depth: number): void {
  if (w.inLiteral) return; // `print("next: terraform apply")` is a message
  const name = programName(args[0]!);
  if (name === UNKNOWN || DATA_READERS.has(name) || name in PREFIX_COMMANDS || INFRA_PROGRAMS.includes(name)) return;
  const at = args.findIndex((a, i) => {
    if (i === 0 || a === UNKNOWN) return false;
    // `-- ./deploy.sh` starts a script; otherwise a relative path is data (`hashicorp/terraform`, `./dir`),
    // unless it is a tool's own bin (`node_modules/.bin/cdk`, `bin/terraform`).
    if (a.startsWith('./') && args[i - 1] === '--') return true;
    if (a.includes('/') && !a.startsWith('/') && !/(^|\/)(\.bin|bin)\/[^/]+$/.test(a)) return false;
    const program = programName(a);
    if (typeof program !== 'string') return false;
    return (
      INFRA_PROGRAMS.includes(program) ||
      TASK_RUNNERS.has(program) ||
      interpreterFlags(program) !== undefined ||
      (SHELLS.includes(program) && (args[i - 1] === '--' || (typeof args[i + 1] === 'string' && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(args[i + 1] as string))))
    );
  });
  if (at > 0) expand(w, args.slice(at), depth + 1, { kind: 'inherited' });
}

/**
 * A word that is itself a command line (`watchexec 'cdk deploy'`, `trap 'terraform destroy' EXIT`,
 * `pm2 start "cdk deploy"`, `rsync -e 'sh -c …'`), or an option's value that is one
 * (`ProxyCommand=terraform apply`): many programs take a command string to run. Checked as a
 * command when it starts an infrastructure tool, a shell or an interpreter — for every program
 * but those that take words as data (echo, grep, git…).
 */
/** Options whose value is a message, a name or a pattern, never a command (`-m "…"`, `--title`, `pytest -k`, `vitest -t`). */
const MESSAGE_OPTIONS = /^(-m|--message|--description|--title|--body|--comment|--reason|--note|--notes|--summary|--subject|-k|-t|--grep|-g|--testNamePattern|--test-name-pattern|--filter|--label|--name)$/;

function commandStrings(w: Walk, args: readonly Arg[], depth: number): void {
  const name = programName(args[0]!);
  // Task runners pass their words to the task (checked through it); tools the rules know take their own arguments.
  if (w.inLiteral || name === UNKNOWN || DATA_READERS.has(name) || TASK_RUNNERS.has(name) || INFRA_PROGRAMS.includes(name)) return;
  for (const [i, a] of args.entries()) {
    if (i === 0 || typeof a !== 'string' || MESSAGE_OPTIONS.test(String(args[i - 1])) || MESSAGE_OPTIONS.test(a.split('=')[0]!)) continue;
    const candidates = [a, ...[...a.matchAll(/=/g)].slice(0, 3).map((m) => a.slice(m.index! + 1))].filter((c) => /\s/.test(c));
    for (const text of candidates) {
      const probe = newWalk(w.parser);
      collect(probe, text, depth + 1, true);
      const starts = probe.commands.some((argv) => {
        const p = programName(argv[0]!);
        return typeof p === 'string' && (INFRA_PROGRAMS.includes(p) || SHELLS.includes(p) || interpreterFlags(p) !== undefined || TASK_RUNNERS.has(p));
      });
      if (starts) {
        collect(w, text, depth + 1, false);
        break;
      }
    }
  }
}

/** `GIT_EDITOR='…' git commit`, `export PAGER=…`: a variable a program runs as a command; `BASH_ENV=x.sh`: a script a shell loads. */
function commandVariable(w: Walk, name: string | undefined, value: Arg, depth: number): void {
  if (name === undefined || w.inLiteral) return;
  if (COMMAND_VARIABLES.has(name)) {
    if (value === UNKNOWN) w.problems.push(`${name} is set to a command that cannot be known before running`);
    else collect(w, value, depth + 1, false);
  } else if (SCRIPT_VARIABLES.has(name) && value !== '') script(w, value, true, 'shell');
}

/** Files a command rewrites (`sed -i`, `cp x deploy.sh`, `tee -a`, `>`): running them afterwards runs what can't be known now. */
function modifies(w: Walk, args: readonly Arg[]): void {
  const name = programName(args[0]!);
  const plain = args.slice(1).filter((a): a is string => typeof a === 'string');
  const positional = plain.filter((a) => !a.startsWith('-'));
  let files: string[] = [];
  if ((name === 'sed' || name === 'perl') && plain.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--in-place'))) files = positional.slice(name === 'sed' && !plain.includes('-e') && !plain.includes('-f') ? 1 : 0);
  else if (['cp', 'mv', 'install', 'ln', 'rsync'].includes(String(name))) files = positional.slice(-1);
  else if (name === 'tee' || name === 'truncate' || name === 'patch') files = positional;
  else if (name === 'dd') files = plain.filter((a) => a.startsWith('of=')).map((a) => a.slice(3));
  for (const f of files) {
    const path = f.replace(/^\.\//, '');
    if (!w.written.has(path)) w.written.set(path, UNKNOWN);
  }
}

/** A shell (or `source /dev/stdin`) runs code from its standard input: only a here-doc or here-string can be checked. */
function readsCodeFrom(w: Walk, name: string, stdin: Stdin, depth: number, literalsOnly = false): void {
  switch (stdin.kind) {
    case 'heredoc':
      code(w, name, stdin.body, 'a here-document', depth, literalsOnly);
      return;
    case 'file':
      script(w, stdin.path, true, literalsOnly ? 'interpreter' : 'shell'); // `sh < script.sh` runs script.sh
      return;
    case 'herestring':
      code(w, name, stdin.text, 'a here-string', depth, literalsOnly);
      return;
    case 'pipe':
      if (stdin.heredoc !== undefined) code(w, name, stdin.heredoc, 'a here-document', depth, literalsOnly);
      else w.problems.push(`"${name}" runs code piped into it, which cannot be known before running`);
      return;
    case 'inherited':
      w.problems.push(`"${name}" runs shell code from its standard input, which cannot be known before running`);
  }
}

