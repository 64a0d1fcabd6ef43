import { jsonLine, objectField, SHELL_TOOLS, SILENT_ALLOW, stringField, type RuntimeFormat } from './hook-answer.js';

// GitHub Copilot (CLI and coding agent) preToolUse, camelCase form
// (https://docs.github.com/en/copilot/reference/hooks-configuration; .github/hooks/*.json):
// in  {timestamp, cwd, toolName: "bash", toolArgs: "<JSON string>"} — toolArgs is a JSON *string*
// out {permissionDecision: "deny", permissionDecisionReason}. Only preToolUse output is read.
export const copilot: RuntimeFormat = {
  command: (raw) => {
    const input = objectField(raw, 'hook input');
    if (!SHELL_TOOLS.has(stringField(input, 'toolName', 'hook input').toLowerCase())) return null;
    // The SDK passes an object; the CLI and the coding agent a JSON string.
    const args = objectField(typeof input.toolArgs === 'string' ? JSON.parse(input.toolArgs) : input.toolArgs, 'toolArgs');
    return stringField(args, 'command', 'toolArgs');
  },
  deny: (reason) => ({ stdout: jsonLine({ permissionDecision: 'deny', permissionDecisionReason: reason }), stderr: '', exitCode: 0 }),
  allow: () => SILENT_ALLOW,
};
