import { claudeShapedCommand } from './claude.js';
import { jsonLine, type RuntimeFormat } from './hook-answer.js';

// Gemini CLI BeforeTool (https://geminicli.com/docs/hooks/reference; .gemini/settings.json):
// in  {session_id, cwd, hook_event_name: "BeforeTool", tool_name: "run_shell_command", tool_input: {command}}
// out {decision: "deny", reason}; exit 2 is a "system block" with stderr as the reason, so both.
// Nothing but the JSON may go to stdout.
export const gemini: RuntimeFormat = {
  command: claudeShapedCommand,
  deny: (reason) => ({ stdout: jsonLine({ decision: 'deny', reason }), stderr: `${reason}\n`, exitCode: 2 }),
  allow: () => ({ stdout: jsonLine({ decision: 'allow' }), stderr: '', exitCode: 0 }),
};
