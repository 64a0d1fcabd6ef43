import { CommanderError } from 'commander';
import { RefusedError, SteerError } from '../core/errors.js';
import { exitCodeForError } from './exit-codes.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI and sets process.exitCode. User errors print one line, no stack trace;
 * anything else (a bug, or a non-Error thrown) prints its stack and exits 1 — never 0.
 */
export async function run(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = errorExitCode(e);
  }
}

/** Says what went wrong (one line for a user's mistake, the stack for a bug) and returns the exit code. */
function errorExitCode(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version end here with exit code 0; usage errors were already printed.
  } else if (e instanceof RefusedError) {
    process.stderr.write(`steer: refused: ${e.message}\n`);
  } else if (e instanceof SteerError) {
    process.stderr.write(`steer: error: ${e.message}\n`);
  } else {
    const detail = e instanceof Error ? (e.stack ?? e.message) : `non-Error thrown: ${String(e)}`;
    process.stderr.write(`steer: internal error (a bug in steer, please report it):\n${detail}\n`);
  }
  return exitCodeForError(e);
}
