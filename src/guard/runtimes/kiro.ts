import { claudeShapedCommand } from './claude.js';
import { SILENT_ALLOW, type RuntimeFormat } from './hook-answer.js';

// Kiro CLI preToolUse (https://kiro.dev/docs/cli/hooks; hooks live in an agent file, .kiro/agents/*.json):
// in  {hook_event_name: "preToolUse", cwd, tool_name: "shell" (formerly "execute_bash"), tool_input: {command}}
// out exit 2 blocks the tool, and stderr is returned to the model; stdout is not read for decisions.
export const kiro: RuntimeFormat = {
  command: claudeShapedCommand,
  deny: (reason) => ({ stdout: '', stderr: `${reason}\n`, exitCode: 2 }),
  allow: () => SILENT_ALLOW,
};
