import { jsonLine, objectField, SHELL_TOOLS, SILENT_ALLOW, stringField, type RuntimeFormat } from './hook-answer.js';

// GitHub Copilot (CLI and coding agent) preToolUse, camelCase form
// (https://docs.github.com/en/copilot/reference/hooks-configuration; .github/hooks/*.json):
// in  {timestamp, cwd, toolName: "bash", toolArgs: "<JSON string>"} — toolArgs is a JSON *string*
// out {permissionDecision: "deny", permissionDecisionReason}. Only preToolUse output is read.
// A hook that exits non-zero or times out is *skipped* (the tool runs), so every denial — a failure
// of Steer's too — is this answer with exit 0 (https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference).
export const copilot: RuntimeFormat = {
  command: (raw) => {
    const input = objectField(raw, 'hook input');
    if (!SHELL_TOOLS.has(stringField(input, 'toolName', 'hook input').toLowerCase())) return null;
    // The SDK passes an object; the CLI and the coding agent a JSON string.
    const args = objectField(typeof input.toolArgs === 'string' ? JSON.parse(input.toolArgs) : input.toolArgs, 'toolArgs');
    const command = stringField(args, 'command', 'toolArgs');
    // PowerShell's escape is the backtick: a backslash is a path separator (`.claude\settings.json`), read as `/`.
    return String(input.toolName).toLowerCase() === 'powershell' ? command.replace(/\\/g, '/') : command;
  },
  deny: (reason) => ({ stdout: jsonLine({ permissionDecision: 'deny', permissionDecisionReason: reason }), stderr: '', exitCode: 0 }),
  allow: () => SILENT_ALLOW,
  failureExitCode: 0,
};
