import { jsonLine, objectField, stringField, type RuntimeFormat } from './hook-answer.js';

// OpenClaw before_tool_call, through the Steer plugin that `steer init --agent openclaw` installs
// (.openclaw/extensions/steer-guard; OpenClaw's docs/plugins/hooks/tool-policy.md):
// in  what the plugin passes on: {hook_event_name: "before_tool_call", toolName: "exec", params: {command, workdir?}, derivedPaths?,
//     cwd: the project the plugin was found in (app/guard.ts resolves exec's workdir from it)}
// out {block: true, blockReason}, which the plugin returns to OpenClaw as is; {} allows. The plugin
// blocks on anything else (no answer, a non-zero exit, a timeout), so exit 0 always.
export const openclaw: RuntimeFormat = {
  command: (raw) => {
    const input = objectField(raw, 'hook input');
    if (stringField(input, 'toolName', 'hook input') !== 'exec') return null;
    return stringField(objectField(input.params, 'params'), 'command', 'params');
  },
  deny: (reason) => ({ stdout: jsonLine({ block: true, blockReason: reason }), stderr: '', exitCode: 0 }),
  allow: () => ({ stdout: jsonLine({}), stderr: '', exitCode: 0 }),
  failureExitCode: 0,
};
