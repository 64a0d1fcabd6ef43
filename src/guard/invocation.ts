import { INFRA_PROGRAMS } from './rules.js';
import { programName, substituted, UNKNOWN, type Arg } from './words.js';

// How a program's own arguments say what it runs: a shell's code or script, xargs' command, options to skip.

/** What a shell runs: code given inline, a script file, or its standard input. */
export type ShellInput = { readonly code: readonly Arg[] } | { readonly script: Arg } | { readonly stdin: true };

/** `bash -c 'code'`, `bash -lc 'code'` → code; `bash script.sh` → script; `bash`, `bash -s`, `bash /dev/stdin` → stdin. */
export function shellInput(args: readonly Arg[]): ShellInput {
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return { code: [UNKNOWN] };
    if (a === '--') return scriptOrStdin(args[i + 1]);
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) {
      // The code is the first operand after the options (`bash -c -e 'code'`, `bash -c -- 'code'`).
      let j = i + 1;
      while (j < args.length && typeof args[j] === 'string' && /^[-+]/.test(args[j] as string)) j += args[j] === '--' ? 1 : /^[-+][a-zA-Z]*[oO]$/.test(args[j] as string) ? 2 : 1;
      return { code: args.slice(j, j + 1) };
    }
    if (a === '-n' || a === '--noexec') return { code: [] }; // reads, runs nothing
    if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) return { stdin: true };
    if (/^[-+][a-zA-Z]*[oO]$/.test(a) || a === '--rcfile' || a === '--init-file') i += 1;
    else if (!a.startsWith('-') && !a.startsWith('+')) return scriptOrStdin(a);
  }
  return { stdin: true };
}

/** `source file` / `. file`: a file, or standard input, or something built at run time (`source <(curl …)`). */
export function sourced(args: readonly Arg[]): ShellInput {
  return scriptOrStdin(args[1]);
}

function scriptOrStdin(file: Arg | undefined): ShellInput {
  if (file === undefined || file === '-' || file === '/dev/stdin' || file === '/proc/self/fd/0' || file === '/dev/fd/0') return { stdin: true };
  return { script: file };
}

/** With -I/-i/--replace, xargs substitutes stdin words for the replace string: those words are unknown. */
export function xargsReplace(xargs: readonly Arg[], command: Arg[]): Arg[] {
  let token: string | undefined;
  for (let i = 1; i < xargs.length - command.length; i++) {
    const a = xargs[i];
    if (a === '-I') token = typeof xargs[i + 1] === 'string' ? (xargs[i + 1] as string) : '{}';
    else if (typeof a === 'string' && a.startsWith('-I')) token = a.slice(2);
    else if (a === '-i' || a === '--replace') token = '{}';
    else if (typeof a === 'string' && a.startsWith('--replace=')) token = a.slice('--replace='.length);
  }
  if (!token) return command;
  // `-chdir=envs/{}`: an option with a value read from stdin is still that option.
  return command.map((word) => (typeof word === 'string' ? substituted(word, token!) : word));
}

/**
 * What comes right before a string literal that is a message to a person, in the languages the
 * guard reads: output, logging, exceptions, exits (data, never run).
 */
const MESSAGE_BEFORE = /(?:\bprint|\bputs|\bconsole\.\w+|\becho|\bprintf|\bwarn|\bdie|\bsay|\balert|\braise\s+\w+|\b\w*(?:Error|Exception|Exit)|\bsys\.exit|\bexit|\babort|\blog(?:ger|ging)?\.\w+|\bWrite-(?:Host|Output|Warning|Error|Verbose)|\bthrow(?:\s+new\s+\w+)?)\s*\(?\s*[fFrRbBuU]?$/;

/**
 * The contents of '…', "…" and `…` literals in code of another language, and of Perl's and Ruby's
 * quote-like operators with brackets (`qw(…)`, `qx(…)`, `q{…}`, `%x(…)`, `%w[…]`).
 */
const LITERAL = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`|(?<![\w$@%&])(?:q[qwx]?\s*|%[qQwWxiI]?)(?:\(([^()]*)\)|\[([^[\]]*)\]|\{([^{}]*)\})/g;

export function stringLiterals(code: string): string[] {
  const out: string[] = [];
  // A list of literals (`['terraform', 'apply']`, `("cdk", "deploy")`) is also one command line,
  // and so is each list inside one (`execvp('terraform', ['terraform', 'apply'])`).
  let run: string[] = [];
  let inner = 0; // where the innermost list of the run began
  let end = -1;
  const flush = () => {
    if (run.length > 1) out.push(run.join(' '));
    if (inner > 0 && run.length - inner > 1) out.push(run.slice(inner).join(' '));
    // `execlp('tofu', 'tofu', 'destroy')`: the program, then the argv that starts with its name again.
    const again = run.indexOf(run[0]!, 1);
    if (again > 0 && run.length - again > 1) out.push(run.slice(again).join(' '));
  };
  for (const m of code.matchAll(LITERAL)) {
    // A message is not a command: `print("terraform destroy is disabled")`, `throw new Error("…")`.
    if (MESSAGE_BEFORE.test(code.slice(Math.max(0, m.index! - 40), m.index!))) continue;
    const text = unescape(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '');
    out.push(text);
    // joined across `, ` `+` `[` `]` `(` `)`: ['cdk', ['deploy']], "terraform " + "apply", and an
    // arguments option: `new Deno.Command('terraform', {args: ['apply']})`, `Command::new("tofu").args(["apply"])`
    const between = code.slice(end, m.index);
    const argsOption = /^[\s,)]*(?:\{\s*|\.\s*)(?:args?|argv|arguments)\s*[:=(]\s*[[({]?\s*$/.test(between);
    if (end >= 0 && ((/^[\s,+[\]()]*$/.test(between) && /[,+]/.test(between)) || argsOption)) {
      if (/[[(]/.test(between) || argsOption) inner = run.length;
      run.push(text);
    } else {
      flush();
      run = [text];
      inner = 0;
    }
    end = m.index! + m[0].length;
  }
  flush();
  return out;
}

/** The escapes most languages share (`\x20`, `\u0020`, `\040`, `\t`…): `"terraform\x20apply"` is terraform apply. */
function unescape(text: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', "'": "'", '"': '"', '\\': '\\', '`': '`', ' ': ' ' };
  return text.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (m, e: string) => {
    if (e.length === 3 && e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.startsWith('u{')) return String.fromCodePoint(Math.min(parseInt(e.slice(2, -1), 16), 0x10ffff));
    if (e.length === 5 && e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return simple[e] ?? m;
  });
}

export function afterOptions(args: Arg[], withValue: readonly string[], skipAssignments: boolean): Arg[] {
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

/**
 * Interpreters whose inline code can run shell commands, by the flags that give it
 * (`python3.12 -Ic`, `node -pe`): versioned names count as the interpreter.
 */
export function interpreterFlags(name: string): readonly string[] | undefined {
  const base = interpreterBase(name);
  return base ? INTERPRETERS[base] : undefined;
}

function interpreterBase(name: Arg): string | undefined {
  return typeof name === 'string' ? /^(python|ipython|pypy|ruby|perl|php|node|nodejs|deno|bun|lua|osascript|awk|gawk|mawk|nawk|tsx|ts-node|esno|rscript|julia|elixir|groovy)[0-9.]*(?:-[0-9.]+)?$/.exec(name)?.[1] : undefined;
}

const INTERPRETERS: Readonly<Record<string, readonly string[]>> = {
  python: ['-c'], ipython: ['-c'], pypy: ['-c'], ruby: ['-e'], perl: ['-e', '-E'], php: ['-r'], node: ['-e', '--eval', '-p', '--print'], nodejs: ['-e', '--eval', '-p', '--print'],
  deno: ['eval'], bun: ['-e', '--eval', '-p', '--print'], lua: ['-e'], osascript: ['-e'],
  tsx: ['-e', '--eval', '-p', '--print'], 'ts-node': ['-e', '--eval', '-p', '--print'], esno: ['-e', '--eval'], rscript: ['-e'], julia: ['-e', '--eval', '-E', '--print'], elixir: ['-e', '--eval'], groovy: ['-e'],
  // awk's program is its first operand: no flag
  awk: [], gawk: [], mawk: [], nawk: [],
};

/** Options that only check the code, running none of it (`node --check`, `ruby -c`, `php -l`). */
const CHECK_ONLY: Readonly<Record<string, readonly string[]>> = { node: ['--check', '-c'], nodejs: ['--check', '-c'], ruby: ['-c'], php: ['-l', '--syntax-check'] };
/** deno's subcommands that run a script (`deno run -A x.ts`); `eval` takes code; the others (fmt, lint, check, info…) run none. */
const DENO_RUNS = new Set(['run', 'serve', 'test', 'bench', 'repl']);

/** The inline code an interpreter runs, or else its script file, or neither (it reads standard input). */
export function interpreterCode(args: readonly Arg[], flags: readonly string[]): Arg | { readonly script?: Arg } {
  const awk = flags.length === 0;
  const base = interpreterBase(programName(args[0]!));
  if (base !== undefined && args.slice(1).some((a) => typeof a === 'string' && CHECK_ONLY[base]?.includes(a))) return '';
  let start = 1;
  if (base === 'deno' && typeof args[1] === 'string' && !args[1].startsWith('-') && args[1] !== 'eval') {
    if (!DENO_RUNS.has(args[1])) return /\.[cm]?[jt]sx?$/.test(args[1]) ? { script: args[1] } : ''; // `deno main.ts` runs it too
    start = 2;
  }
  for (let i = start; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return UNKNOWN;
    if (a === '--') return awk || args[i + 1] === undefined ? (args[i + 1] ?? {}) : { script: args[i + 1]! };
    if (flags.includes(a) || (flags.length > 0 && flags.some((f) => /^-[a-z]$/i.test(f) && new RegExp(`^-[A-Za-z]*${f[1]}$`).test(a)))) return args[i + 1] ?? UNKNOWN;
    if (awk && (a === '-f')) return { script: args[i + 1] ?? UNKNOWN };
    if ((awk && ['-v', '-F'].includes(a)) || (base === 'deno' && ['--config', '-c', '--import-map', '--lock', '--location', '--seed', '--cert', '--env-file'].includes(a))) {
      i += 1;
      continue;
    }
    if (!a.startsWith('-')) return awk ? a : { script: a };
  }
  return {};
}

/**
 * The strings awk runs as commands — `system("…")`, `"…" | getline`, `print … | "…"` — with
 * concatenations joined; other strings in an awk program are patterns and data.
 */
export function awkCommands(code: string): string[] {
  const str = String.raw`"((?:[^"\\]|\\.)*)"`;
  const out: string[] = [];
  const expression = new RegExp(String.raw`system\s*\(\s*((?:${str}\s*)+)|((?:${str}\s*)+)\|\s*getline|\|\s*((?:${str}\s*)+)`, 'g');
  for (const m of code.matchAll(expression)) {
    const joined = [...(m[1] ?? m[3] ?? m[5] ?? '').matchAll(new RegExp(str, 'g'))].map((x) => unescape(x[1] ?? '')).join('');
    if (joined) out.push(joined);
  }
  // A command built from variables or fields (`system(cmd)`, `system($1)`) can't be known.
  // Regular expressions (`/ERROR|WARN/`, `$3 ~ /a|b/`) hold `|` as alternation, not a pipe.
  const code2 = code.replace(new RegExp(str, 'g'), '""').replace(/(^|[\s~!(,{;&|])\/(?:[^/\\\n]|\\.)*\//g, '$1//');
  if (/system\s*\(\s*[^"\s)]/.test(code) || /\|\s*[A-Za-z_$]/.test(code2)) out.push('\u0000unknown');
  return out;
}

/** Python modules and npm packages that are infrastructure tools (`python3 -m awscli`, `deno run npm:aws-cdk`). */
const TOOL_PACKAGES: Readonly<Record<string, string>> = { awscli: 'aws', samcli: 'sam', 'aws-cdk': 'cdk', 'cdktf-cli': 'cdktf', serverless: 'serverless', 'aws-nuke': 'aws-nuke' };

/** Options of node-like runtimes that take a value (before the script). */
const RUNTIME_OPTIONS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--input-type', '--tsconfig']);

/**
 * An interpreter that runs an infrastructure tool: `python3 -m awscli …`, `node
 * node_modules/aws-cdk/bin/cdk deploy`, `deno run -A npm:aws-cdk deploy` → the tool's command.
 */
export function interpretedTool(name: string, args: readonly Arg[]): Arg[] | undefined {
  const base = /^(python|pypy|node|nodejs|bun|tsx|ts-node|deno)[0-9.]*$/.exec(name)?.[1];
  if (!base) return undefined;
  let i = 1;
  if (base === 'deno') {
    if (args[1] !== 'run' && args[1] !== 'x') return undefined;
    i = 2;
  }
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return undefined;
    if ((base === 'python' || base === 'pypy') && a === '-m') {
      const tool = typeof args[i + 1] === 'string' ? TOOL_PACKAGES[args[i + 1] as string] : undefined;
      return tool ? [tool, ...args.slice(i + 2)] : undefined;
    }
    if (a === '--') continue;
    if (a.startsWith('-')) {
      if (RUNTIME_OPTIONS_WITH_VALUE.has(a)) i += 1;
      if (base === 'python' && /^-[a-zA-Z]*c$/.test(a)) return undefined;
      continue;
    }
    // The script: a tool's own bin (`node_modules/.bin/cdk`, `node_modules/aws-cdk/bin/cdk`) or package (`npm:aws-cdk@2`).
    const spec = a.replace(/^npm:/, '');
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(spec)?.[1] ?? (a.startsWith('npm:') ? spec.replace(/(?<=.)@[^/]*$/, '').replace(/\/.*$/, '') : undefined);
    const program = programName(spec);
    const tool = (pkg !== undefined ? TOOL_PACKAGES[pkg] : undefined) ?? (typeof program === 'string' && INFRA_PROGRAMS.includes(program) && (a.includes('node_modules/') || a.startsWith('npm:')) ? program : undefined);
    return tool ? [tool, ...args.slice(i + 1)] : undefined;
  }
  return undefined;
}

/**
 * Calls in code of another language that run a command or code given as a string — `os.system`,
 * `subprocess.run`, `execSync`, `spawn`, Ruby's `system`, `exec`/`eval` — whose argument is not
 * a literal: the command is built at run time and can't be checked. (A literal argument is
 * checked as a command, with the other literals.)
 */
export function builtCommands(code: string): string[] {
  const out: string[] = [];
  const call = /\b(os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|execSync|execFileSync|execFile|spawnSync|spawn|child_process\.exec|Kernel\.system|IO\.popen|Open3\.\w+|system|exec|eval|shell_exec|passthru|popen)\s*\(\s*([^\s)])/g;
  for (const m of code.matchAll(call)) {
    const first = m[2]!;
    if (/['"`[]/.test(first)) continue; // a literal (or a list of them)
    out.push(m[1]!);
  }
  return out;
}
