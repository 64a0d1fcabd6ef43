import { shellSyntax } from '../adapters/shell/mvdan.js';
import { analyzeCommand, type Decision, type GuardLists } from '../guard/analyze.js';
import { detectRuntime, RUNTIME_FORMATS, type HookAnswer, type Runtime } from '../guard/runtimes.js';

const WAY_THROUGH =
  'Steer: agents do not change infrastructure directly. Produce a plan (terraform plan -out=tfplan && terraform show -json tfplan > plan.json) or a change set (steer changeset create …), run `steer plan-check`, and open a pull request: a human approves the exact plan, then it is applied.';

/** One decision for a bare command line (`steer guard -- <command…>`). */
export function decideCommand(command: string, lists: GuardLists): Decision {
  return analyzeCommand(shellSyntax(), command, lists);
}

/**
 * A hook input (stdin) → the runtime's own answer. Never throws: anything unexpected — bad JSON,
 * a missing command, a bug — is a denial in the runtime's blocking form, because most runtimes
 * let the command run when a hook fails.
 */
export function answerHook(stdin: string, runtime: Runtime | undefined, lists: GuardLists): HookAnswer {
  let chosen: Runtime = runtime ?? 'claude';
  try {
    const input: unknown = JSON.parse(stdin);
    chosen = runtime ?? detectRuntime(input);
    const format = RUNTIME_FORMATS[chosen];
    const command = format.command(input);
    if (command === null) return format.allow(); // not a shell command: not ours to judge
    const decision = decideCommand(command, lists);
    return decision.decision === 'allow' ? format.allow() : format.deny(`Denied: ${decision.reason}. ${WAY_THROUGH}`);
  } catch (e) {
    return failClosed(chosen, `Steer guard could not check this command (${e instanceof Error ? e.message.split('\n')[0] : String(e)}), so it is denied. ${WAY_THROUGH}`);
  }
}

/** The blocking form for errors: the runtime's deny output AND exit code 2. */
export function failClosed(runtime: Runtime, reason: string): HookAnswer {
  const answer = RUNTIME_FORMATS[runtime].deny(reason);
  return { stdout: answer.stdout, stderr: answer.stderr || `${reason}\n`, exitCode: 2 };
}

export { WAY_THROUGH };
