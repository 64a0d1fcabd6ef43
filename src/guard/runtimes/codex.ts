import { claudeShapedCommand } from './claude.js';
import { jsonLine, SILENT_ALLOW, type RuntimeFormat } from './hook-answer.js';

// Codex PreToolUse (https://developers.openai.com/codex/hooks; .codex/hooks.json): Claude-shaped input,
// and its shell tool may carry the command as an argv array (`["bash","-lc","…"]`). Its output schema
// has additionalProperties: false, so only documented fields: hookSpecificOutput {hookEventName,
// permissionDecision, permissionDecisionReason}. Exit 2 blocks with stderr as the reason.
export const codex: RuntimeFormat = {
  command: claudeShapedCommand,
  deny: (reason) => ({
    stdout: jsonLine({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } }),
    stderr: `${reason}\n`,
    exitCode: 2,
  }),
  allow: () => SILENT_ALLOW,
};
