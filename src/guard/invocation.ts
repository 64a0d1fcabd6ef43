import { UNKNOWN, type Arg } from './words.js';

// How a program's own arguments say what it runs: a shell's code or script, xargs' command, options to skip.

/** What a shell runs: code given inline, a script file, or its standard input. */
export type ShellInput = { readonly code: readonly Arg[] } | { readonly script: Arg } | { readonly stdin: true };

/** `bash -c 'code'`, `bash -lc 'code'` → code; `bash script.sh` → script; `bash`, `bash -s`, `bash /dev/stdin` → stdin. */
export function shellInput(args: readonly Arg[]): ShellInput {
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return { code: [UNKNOWN] };
    if (a === '--') return scriptOrStdin(args[i + 1]);
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return { code: args.slice(i + 1, i + 2) };
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
  return command.map((word) => (typeof word === 'string' && word.includes(token!) ? UNKNOWN : word));
}

/** The contents of '…', "…" and `…` literals in code of another language. */
export function stringLiterals(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
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
