import { claude } from './claude.js';
import type { RuntimeFormat } from './hook-answer.js';

// Codex PreToolUse (https://developers.openai.com/codex/hooks; .codex/hooks.json): Claude-shaped input,
// and its shell tool may carry the command as an argv array (`["bash","-lc","…"]`). Its output schema
// has additionalProperties: false, so only documented fields: hookSpecificOutput {hookEventName,
// permissionDecision, permissionDecisionReason} — Claude's answer — and exit 2, which blocks with stderr as the reason.
export const codex: RuntimeFormat = {
  ...claude,
  deny: (reason) => ({ ...claude.deny(reason), exitCode: 2 }),
};
