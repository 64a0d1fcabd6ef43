import { Command, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';

/**
 * `steer intent record`: a prompt hook. Reads the runtime's payload on stdin and records the task
 * in .steer/intent.json (prompts of one session are kept together). Never blocks the prompt.
 */
export function intentCommand(): Command {
  const intent = new Command('intent').description('The task a change is made for, as the next plan-check judges it.');
  intent.addCommand(
    new Command('record')
      .description('Prompt hook: record the task from the agent runtime\'s hook payload (stdin) into .steer/intent.json')
      .addOption(new Option('--runtime <runtime>', 'the runtime whose hook payload arrives on stdin').choices([...RUNTIMES]).makeOptionMandatory())
      .exitOverride()
      .action(async (opts: { runtime: Runtime }) => {
        const { recordPrompt } = await import('../app/record-intent.js');
        process.stdout.write(await recordPrompt(opts.runtime, process.stdin, process.cwd(), new Date()));
      }),
  );
  return intent;
}
