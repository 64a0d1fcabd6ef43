import { RefusedError } from '../core/errors.js';
import { exitCodeFor, type Verdict } from '../core/verdict.js';

/**
 * Steer's exit codes, in one place: every command sets its code through this map (stable,
 * documented in the README). 0 allow, 1 error, 2 review required, 3 blocked.
 */
export const EXIT = { allow: 0, error: 1, review: 2, blocked: 3 } as const;

/** `steer guard`: a denied command, and every failure of the guard itself (agent runtimes block on 2). */
export const EXIT_DENIED = EXIT.review;

/** A report's verdict (the verdict scale owns the numbers: the JSON report carries them too). */
export function exitCodeForVerdict(verdict: Verdict): number {
  return exitCodeFor(verdict);
}

/** What apply/execute return: one of the codes above; any other number (an external program's own code) is an error. */
export function exitCodeForRun(code: number): number {
  return (Object.values(EXIT) as number[]).includes(code) ? code : EXIT.error;
}

/** A thrown error: --help/--version end in 0; a refusal carries its verdict's code; anything else is an error, never 0. */
export function exitCodeForError(e: unknown): number {
  if (isCommanderError(e)) return e.exitCode === 0 ? EXIT.allow : EXIT.error;
  if (e instanceof RefusedError) return e.exitCode;
  return EXIT.error; // a SteerError (the user's input or a tool) or a bug alike
}

/**
 * commander's errors (CommanderError and its subclasses) by their `commander.*` code, so that this
 * file doesn't load commander: `steer guard` imports the codes above and answers without it.
 */
function isCommanderError(e: unknown): e is { exitCode: number } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && (e as unknown as { code: string }).code.startsWith('commander.') && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}
