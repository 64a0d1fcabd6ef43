import { jsonLine, objectField, stringField, type RuntimeFormat } from './hook-answer.js';

// Cursor beforeShellExecution (https://cursor.com/docs/agent/hooks; .cursor/hooks.json):
// in  {hook_event_name: "beforeShellExecution", conversation_id, generation_id, workspace_roots, command, cwd}
// Cursor 2.x preToolUse {hook_event_name: "preToolUse", tool_name: "Shell"|"Write"|"StrReplace"|…, tool_input}: the shell
// command is tool_input.command (steer init matches only file tools there; beforeShellExecution judges commands).
// out {permission: "allow"|"deny"|"ask", user_message, agent_message}. Early 1.7 releases read the
// camelCase names, so a denial carries both spellings (Cursor ignores fields it doesn't know).
// Exit 2 also blocks; `failClosed: true` in hooks.json blocks when the hook crashes or times out.
// All of it seen in @cursor/sdk's local agent, driven in test/runtimes/cursor.test.ts (docs/guard-real-runtimes.md).
export const cursor: RuntimeFormat = {
  command: (raw) => {
    const o = objectField(raw, 'hook input');
    return o.hook_event_name === 'preToolUse' ? stringField(objectField(o.tool_input, 'tool_input'), 'command', 'tool_input') : stringField(o, 'command', 'hook input');
  },
  deny: (reason) => {
    const userMessage = `Steer blocked this command: ${reason}`;
    return { stdout: jsonLine({ permission: 'deny', user_message: userMessage, agent_message: reason, userMessage, agentMessage: reason }), stderr: '', exitCode: 0 };
  },
  allow: () => ({ stdout: jsonLine({ permission: 'allow' }), stderr: '', exitCode: 0 }),
};
