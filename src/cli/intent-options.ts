import type { Command } from 'commander';
import { readIntentFile, readRecordedIntent } from '../adapters/fs/intent-file.js';
import type { Intent } from '../core/intent/intent.js';

export interface IntentOptions {
  intent?: string;
  intentFile?: string;
}

/** --intent and --intent-file, the same on every command that analyzes a plan. */
export function withIntentOptions(command: Command): Command {
  return command
    .option('--intent <text>', 'the task the change was made for: the plan is judged proportionate to it or not (default: .steer/intent.json, recorded by a prompt hook)')
    .option('--intent-file <file>', 'the task, from a file (a PR body, a steer-scope block, or a recorded .steer/intent.json)');
}

/** --intent, else --intent-file, else what a prompt hook recorded in the working directory. */
export async function taskOf(opts: IntentOptions, cwd: string): Promise<Intent | undefined> {
  if (opts.intent !== undefined) return { source: 'option', text: opts.intent };
  if (opts.intentFile !== undefined) return readIntentFile(opts.intentFile);
  return readRecordedIntent(cwd);
}
