import { UNKNOWN, type Arg } from './words.js';

// What a program's flags mean for the guard: dry runs (the last one wins) and help (only where it is a flag, not an option's value).

/**
 * Dry-run options, as the words that turn it on (true) or off (false): `--dry-run`, `--no-dry-run`,
 * `--method=prepare-change-set`, or an option and its value (`-m prepare-change-set`). The last
 * one on the line wins, as every option parser does; `--x=false` turns `--x` off; the same
 * option with another value (`--method=direct`) turns it off.
 */
export type DryRunFlags = Readonly<Record<string, boolean>>;

export function lastDryRun(words: readonly Arg[], flags: DryRunFlags, byDefault = false): boolean {
  let state = byDefault;
  const valued = Object.keys(flags).map((k) => /^(-[^=\s]+)[=\s]/.exec(k)?.[1]).filter((k): k is string => k !== undefined);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === UNKNOWN) continue;
    const next = words[i + 1];
    const pair = typeof next === 'string' ? `${w} ${next}` : undefined;
    if (pair !== undefined && pair in flags) {
      state = flags[pair]!;
      i += 1;
    } else if (w in flags) state = flags[w]!;
    else if (negated(w) in flags) state = !flags[negated(w)]!; // `--execute-changeset` undoes `--no-execute-changeset`, `--no-dry-run` undoes `--dry-run`
    else if (/^-[^=]+=(true|false)$/i.test(w) && w.slice(0, w.indexOf('=')) in flags) state = flags[w.slice(0, w.indexOf('='))]! === /=true$/i.test(w);
    else if (valued.includes(w.split('=')[0]!)) state = false; // the same option with another value
  }
  return state;
}

/** `--no-x` ↔ `--x`: the other half of a boolean option pair. */
function negated(flag: string): string {
  return flag.startsWith('--no-') ? `--${flag.slice(5)}` : flag.startsWith('--') ? `--no-${flag.slice(2)}` : flag;
}

/** Help flags. */
const HELP = new Set(['-h', '--help', '-help']);

/** Flags that take no value, common to the tools the guard knows: a help flag after one of them is still help. */
const BOOLEAN_FLAGS = new Set([
  '--yes', '-y', '--all', '--force', '-f', '--debug', '-auto-approve', '--auto-approve', '--recursive', '--verbose', '-v', '--non-interactive', '--skip-preview', '--ci', '--json', '-json',
  '--no-color', '-no-color', '--quiet', '-q', '--guided', '--watch', '--wait', '--approve', '--diff', '--refresh', '--hotswap', '--exclusively', '-e', '--no-prompts', '--purge',
]);

/**
 * `terraform apply -help`, `pulumi up --yes --help`: help, so nothing runs. Not when the word before
 * it is an option that may take it as its value (`pulumi up --yes --message --help` deploys with
 * the message "--help").
 */
export function asksForHelp(words: readonly Arg[], optionsWithValue: readonly string[] = []): boolean {
  return words.some((w, i) => {
    if (typeof w !== 'string' || !HELP.has(w)) return false;
    const before = words[i - 1];
    if (i === 0 || before === UNKNOWN || before === undefined) return i === 0;
    if (optionsWithValue.includes(before)) return false;
    return !before.startsWith('-') || before.includes('=') || BOOLEAN_FLAGS.has(before);
  });
}
