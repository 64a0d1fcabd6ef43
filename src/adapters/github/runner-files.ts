import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { neutralize } from '../../render/display-text.js';

/** The runner's file commands: step outputs (heredoc form, safe for multi-line values) and the job summary. */
export function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  const delimiter = `steer_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function appendSummary(file: string | undefined, markdown: string): void {
  if (file) appendFileSync(file, `${markdown}\n`);
}

/** A workflow command on stdout; neutralized (display-text.ts), `%`, CR and LF escaped as the runner expects. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', message: string): void {
  const escaped = neutralize(message, { keepNewlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::${command}::${escaped}\n`);
}

/** The pull request number of the workflow's event, if it is about one. */
export function eventPullNumber(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown }; number?: unknown };
    const n = event.pull_request?.number;
    return typeof n === 'number' ? n : undefined;
  } catch {
    return undefined;
  }
}
