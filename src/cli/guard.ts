import { Command, Option } from 'commander';
import { answerHook, decideCommand, failClosed, WAY_THROUGH } from '../app/guard.js';
import { loadConfig } from '../app/load-config.js';
import { argvToShell, RUNTIMES, type Runtime } from '../guard/runtimes.js';

interface GuardOptions {
  runtime?: Runtime;
  config?: string;
}

/**
 * `steer guard` — for an agent runtime's pre-execution hook (input on stdin, answer in its own
 * format), or `steer guard -- <command…>` (exit 0 allow, 2 deny). It never crashes: every failure
 * is a denial.
 */
export function guardCommand(): Command {
  return new Command('guard')
    .description('Deny direct infrastructure mutations in an agent runtime\'s pre-execution hook (stdin), or check `-- <command…>` (exit 0 allow, 2 deny).')
    .argument('[command...]', 'a command to check instead of reading a hook input')
    .addOption(new Option('--runtime <runtime>', 'hook input/output format (default: detected from the input)').choices([...RUNTIMES]))
    .option('-c, --config <file>', 'steer.yml with guard.allow / guard.deny')
    .exitOverride()
    .action(async (words: string[], opts: GuardOptions) => {
      try {
        const { config } = await loadConfig(process.cwd(), opts.config);
        if (words.length > 0) {
          // One word is a command line (`steer guard -- "terraform apply"`); several are an argv.
          const decision = decideCommand(words.length === 1 ? words[0]! : argvToShell(words), config.guard);
          if (decision.decision === 'allow') {
            process.exitCode = 0;
            return;
          }
          process.stderr.write(`steer guard: denied: ${decision.reason}. ${WAY_THROUGH}\n`);
          process.exitCode = 2;
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        const answer = answerHook(Buffer.concat(chunks).toString('utf8'), opts.runtime, config.guard);
        process.stdout.write(answer.stdout);
        process.stderr.write(answer.stderr);
        process.exitCode = answer.exitCode;
      } catch (e) {
        // Even a broken steer.yml must not let the command through.
        const answer = failClosed(opts.runtime ?? 'claude', `Steer guard failed (${e instanceof Error ? e.message : String(e)}), so the command is denied.`);
        process.stdout.write(words.length > 0 ? '' : answer.stdout);
        process.stderr.write(answer.stderr);
        process.exitCode = 2;
      }
    });
}
