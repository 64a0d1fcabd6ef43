import { claude } from './claude.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import type { RuntimeFormat } from './hook-answer.js';
import { kiro } from './kiro.js';
import type { Runtime } from './names.js';
import { openclaw } from './openclaw.js';

export type { HookAnswer, RuntimeFormat } from './hook-answer.js';

/**
 * The hook formats of the agent runtimes `steer guard` answers. Most of them let the command run
 * when a hook crashes, times out or prints malformed output, so a failure is always answered in
 * the runtime's blocking form (see app/guard.ts).
 */
export { RUNTIMES, type Runtime } from './names.js';

export const RUNTIME_FORMATS: Readonly<Record<Runtime, RuntimeFormat>> = { claude, codex, cursor, gemini, copilot, kiro, openclaw };

/** Which runtime sent this input, when the hook command doesn't say (`steer init` always says). */
export function detectRuntime(input: unknown): Runtime {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof o.toolName === 'string' && 'toolArgs' in o) return 'copilot';
  if (o.hook_event_name === 'before_tool_call') return 'openclaw';
  if (o.hook_event_name === 'beforeMCPExecution' || o.hook_event_name === 'beforeShellExecution' || (typeof o.command === 'string' && !('tool_name' in o))) return 'cursor';
  // Cursor's events all carry conversation_id and workspace_roots; Kiro's preToolUse has neither.
  if (o.hook_event_name === 'preToolUse' && ('workspace_roots' in o || 'conversation_id' in o || 'cursor_version' in o)) return 'cursor';
  if (o.hook_event_name === 'BeforeTool' || o.tool_name === 'run_shell_command') return 'gemini';
  if (o.hook_event_name === 'preToolUse' || o.tool_name === 'execute_bash') return 'kiro';
  return 'claude';
}
