import { Command, CommanderError, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';
import { EXIT, EXIT_DENIED } from './exit-codes.js';

interface GuardOptions {
  runtime?: Runtime;
  config?: string;
}

/**
 * A runtime that times a hook out lets the command run (Claude Code without onFailure, Copilot CLI),
 * so the guard answers "denied" itself well before the shortest timeout `steer init` writes (30 s).
 * STEER_GUARD_DEADLINE_MS changes it, for tests.
 */
const DEADLINE_MS = Number(process.env.STEER_GUARD_DEADLINE_MS) > 0 ? Number(process.env.STEER_GUARD_DEADLINE_MS) : 20_000;

/**
 * `steer guard` — for an agent runtime's pre-execution hook (input on stdin, answer in its own
 * format), or `steer guard -- <command…>` (exit 0 allow, 2 deny). It never crashes: every failure
 * is a denial.
 */
export function guardCommand(): Command {
  return new Command('guard')
    .description("Deny direct infrastructure mutations in an agent runtime's pre-execution hook (stdin), or check `-- <command…>` (exit 0 allow, 2 deny).")
    .argument('[command...]', 'a command to check instead of reading a hook input')
    .addOption(new Option('--runtime <runtime>', 'hook input/output format (default: detected from the input)').choices([...RUNTIMES]))
    .option('-c, --config <file>', 'steer.yml with guard.allow / guard.deny')
    .exitOverride()
    .action(async (words: string[], opts: GuardOptions) => {
      // Loaded here, not at the top: `steer --help` and the other commands don't parse shell.
      const { answerHook, checkCommand, failClosed, loadGuardLists, WAY_THROUGH, withShellSyntax } = await import('../app/guard.js');
      const deadline = setTimeout(() => {
        const answer = failClosed(opts.runtime ?? 'claude', `Steer guard did not answer within ${DEADLINE_MS / 1000} s, so the command is denied. ${WAY_THROUGH}`);
        process.stdout.write(words.length > 0 ? '' : answer.stdout);
        process.stderr.write(answer.stderr);
        process.exit(words.length > 0 ? EXIT_DENIED : answer.exitCode);
      }, DEADLINE_MS);
      deadline.unref();
      try {
        const lists = await loadGuardLists(process.cwd(), opts.config);
        if (words.length > 0) {
          // One word is a command line (`steer guard -- "terraform apply"`); several are an argv.
          const decision = await withShellSyntax(() => checkCommand(words.length === 1 ? words[0]! : words, lists));
          if (decision.decision === 'deny') process.stderr.write(`steer guard: denied: ${decision.reason}. ${WAY_THROUGH}\n`);
          process.exitCode = decision.decision === 'allow' ? EXIT.allow : EXIT_DENIED;
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        const input = Buffer.concat(chunks).toString('utf8');
        const answer = await withShellSyntax(() => answerHook(input, opts.runtime, lists));
        process.stdout.write(answer.stdout);
        process.stderr.write(answer.stderr);
        process.exitCode = answer.exitCode;
      } catch (e) {
        // Even a broken steer.yml must not let the command through.
        const answer = failClosed(opts.runtime ?? 'claude', `Steer guard failed (${e instanceof Error ? e.message : String(e)}), so the command is denied. ${WAY_THROUGH}`);
        process.stdout.write(words.length > 0 ? '' : answer.stdout);
        process.stderr.write(answer.stderr);
        process.exitCode = words.length > 0 ? EXIT_DENIED : answer.exitCode;
      } finally {
        clearTimeout(deadline);
      }
    });
}

/**
 * `steer guard …` without loading the rest of the CLI (every other command, zod's full API, the
 * SARIF builder): a hook runs once per agent command, so start-up is the latency. main.ts routes
 * here. A usage error (an unknown runtime, a typo in the hook command) denies too: exit 2.
 */
export async function runGuard(argv: readonly string[]): Promise<void> {
  const program = new Command('steer').exitOverride().addCommand(guardCommand());
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = e instanceof CommanderError && e.exitCode === 0 ? EXIT.allow : EXIT_DENIED;
    if (!(e instanceof CommanderError)) process.stderr.write(`steer guard: internal error, so the command is denied: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}
