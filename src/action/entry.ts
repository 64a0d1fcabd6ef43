import { workflowCommand } from '../adapters/github/runner-files.js';
import { SteerError } from '../core/errors.js';
import { readActionInputs } from './inputs.js';
import { runAction } from './run.js';

/**
 * Runs the gate and sets the exit code. Anything thrown — ours, Octokit's after its retries, or
 * a non-Error value — fails the step: an error is never a green check.
 */
export async function run(): Promise<void> {
  try {
    process.exitCode = await runAction(readActionInputs(process.env));
  } catch (e) {
    if (e instanceof SteerError) workflowCommand('error', `Steer: ${e.message}`);
    else if (e instanceof Error) workflowCommand('error', `Steer failed: ${(e as { status?: number }).status ? `GitHub API ${(e as { status?: number }).status}: ` : ''}${e.message}\n${e.stack ?? ''}`);
    else workflowCommand('error', `Steer failed: non-Error thrown: ${String(e)}`);
    process.exitCode = 1;
  }
}
