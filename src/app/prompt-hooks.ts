import type { Runtime } from '../guard/runtimes/names.js';
import type { HookFile } from './init-templates.js';

/**
 * Prompt hooks: each runtime's event fired when the user submits a task, which runs
 * `steer intent record` so the next `steer plan-check` judges the plan against the task.
 * Recording never stands in the user's way: the hook always answers "go on".
 *   Claude Code UserPromptSubmit, Codex UserPromptSubmit, Gemini CLI BeforeAgent,
 *   Cursor beforeSubmitPrompt, Copilot CLI userPromptSubmitted, Kiro CLI userPromptSubmit —
 *   each sends JSON on stdin with the text in `prompt`.
 */
const recordCommand = (runtime: Runtime): string => `npx --no-install steer intent record --runtime ${runtime} || true`;

export function promptHookFile(runtime: Runtime, path: string): HookFile {
  const command = recordCommand(runtime);
  switch (runtime) {
    case 'claude':
    case 'codex':
      return { path, merge: { hooks: { UserPromptSubmit: [{ hooks: [{ type: 'command', command, timeout: 10 }] }] } } };
    case 'gemini':
      return { path, merge: { hooks: { BeforeAgent: [{ hooks: [{ type: 'command', command, timeout: 10000 }] }] } } };
    case 'cursor':
      return { path, merge: { version: 1, hooks: { beforeSubmitPrompt: [{ command }] } } };
    case 'copilot':
      return { path, merge: { version: 1, hooks: { userPromptSubmitted: [{ type: 'command', bash: command, timeoutSec: 10 }] } } };
    case 'kiro':
      // Kiro CLI v3 hook files hold a list of hooks, each with its trigger (init-templates.ts).
      return { path, merge: { version: 'v1', hooks: [{ name: 'steer-intent', trigger: 'UserPromptSubmit', action: { type: 'command', command }, timeout: 10, enabled: true }] } };
    case 'openclaw':
      return { path, merge: {} }; // the Steer plugin for OpenClaw judges tool calls only
    default: {
      const never: never = runtime;
      throw new Error(`unknown runtime ${String(never)}`);
    }
  }
}

/** What the hook prints so the runtime goes on (Gemini wants JSON on stdout, Cursor an explicit continue). */
export function promptHookAnswer(runtime: Runtime): string {
  switch (runtime) {
    case 'gemini':
      return '{}\n';
    case 'cursor':
      return '{"continue":true}\n';
    default:
      return '';
  }
}

/** The task in a prompt-hook payload: `prompt` (every runtime above), else nothing. */
export function promptOf(payload: unknown): { prompt: string; session?: string; cwd?: string } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  const prompt = typeof p.prompt === 'string' ? p.prompt : typeof p.user_prompt === 'string' ? p.user_prompt : undefined;
  if (prompt === undefined || prompt.trim() === '') return undefined;
  const session = [p.session_id, p.conversation_id, p.sessionId].find((s): s is string => typeof s === 'string');
  return { prompt, ...(session !== undefined ? { session } : {}), ...(typeof p.cwd === 'string' ? { cwd: p.cwd } : {}) };
}
