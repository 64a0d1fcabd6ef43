import { quoteArgv } from '../parse.js';
import { jsonLine, objectField, SHELL_TOOLS, SILENT_ALLOW, stringField, type RuntimeFormat } from './hook-answer.js';

// Claude Code PreToolUse (https://code.claude.com/docs/en/hooks#pretooluse):
// in  {session_id, transcript_path, cwd, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: {command, description?}}
// out {hookSpecificOutput: {hookEventName, permissionDecision: "deny", permissionDecisionReason}} with exit 0;
// exit 2 also blocks (stdout ignored, stderr goes to Claude) — the form used when anything fails.

/** Claude-shaped inputs (Claude Code, Codex, Gemini CLI, Kiro CLI): the command of a shell tool call. */
export function claudeShapedCommand(raw: unknown): string | null {
  const input = objectField(raw, 'hook input');
  if (!SHELL_TOOLS.has(stringField(input, 'tool_name', 'hook input').toLowerCase())) return null;
  const command = objectField(input.tool_input, 'tool_input').command;
  if (typeof command === 'string') return command;
  if (Array.isArray(command) && command.length > 0 && command.every((w) => typeof w === 'string')) return quoteArgv(command as string[]);
  throw new Error('tool_input.command: a shell tool call without a command');
}

export const claude: RuntimeFormat = {
  command: claudeShapedCommand,
  deny: (reason) => ({
    stdout: jsonLine({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } }),
    stderr: `${reason}\n`,
    exitCode: 0,
  }),
  allow: () => SILENT_ALLOW,
};
