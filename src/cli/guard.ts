import { Command, CommanderError, Option } from 'commander';
import { RUNTIMES } from '../guard/runtimes/names.js';
import { EXIT, EXIT_DENIED } from './exit-codes.js';
import type { GuardOptions } from './guard-hook.js';

/**
 * `steer guard` as a commander command: listed by `steer --help`, and reading the command lines
 * ./guard-hook.ts leaves to it (--help, usage errors, words without `--`).
 */
export function guardCommand(): Command {
  return new Command('guard')
    .description("Deny direct infrastructure mutations in an agent runtime's pre-execution hook (stdin), or check `-- <command…>` (exit 0 allow, 2 deny).")
    .argument('[command...]', 'a command to check instead of reading a hook input')
    .addOption(new Option('--runtime <runtime>', 'hook input/output format (default: detected from the input)').choices([...RUNTIMES]))
    .option('-c, --config <file>', 'steer.yml with guard.allow / guard.deny')
    .exitOverride()
    // Loaded when it runs: `steer --help` and the other commands don't load the guard.
    .action(async (words: string[], opts: GuardOptions) => (await import('./guard-hook.js')).guardAction(words, opts));
}

/**
 * `steer guard …` through commander alone, without the rest of the CLI. A usage error (an unknown
 * runtime, a typo in the hook command) denies too: exit 2.
 */
export async function runGuardCommand(argv: readonly string[]): Promise<void> {
  const program = new Command('steer').exitOverride().addCommand(guardCommand());
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = e instanceof CommanderError && e.exitCode === 0 ? EXIT.allow : EXIT_DENIED;
    if (!(e instanceof CommanderError)) process.stderr.write(`steer guard: internal error, so the command is denied: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}
