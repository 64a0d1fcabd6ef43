import { z } from 'zod';

/**
 * Each agent runtime's pre-execution hook: how its input carries the shell command, and how it
 * wants a denial (or an allowance) back. Most runtimes fail OPEN on a crash, a timeout or
 * malformed output, so every denial also uses the runtime's blocking exit code where it has one.
 */
export const RUNTIMES = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export interface HookAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface RuntimeFormat {
  /** The shell command in the hook input, or null when the tool call is not a shell command. */
  readonly command: (input: unknown) => string | null;
  readonly deny: (reason: string) => HookAnswer;
  readonly allow: () => HookAnswer;
}

const json = (value: unknown): string => `${JSON.stringify(value)}\n`;

// Claude Code PreToolUse: {hook_event_name, tool_name: "Bash", tool_input: {command}}.
// Deny: hookSpecificOutput.permissionDecision "deny"; exit 2 with stderr also blocks.
const claudeInput = z.looseObject({ tool_name: z.string(), tool_input: z.looseObject({ command: z.union([z.string(), z.array(z.string())]).optional() }).optional() });
// Codex: Claude-like PreToolUse; its shell tool may carry the command as an argv array.
// Cursor beforeShellExecution: {hook_event_name, command, cwd}; answer {permission, userMessage, agentMessage}.
const cursorInput = z.looseObject({ command: z.string() });
// Gemini CLI BeforeTool: {tool_name: "run_shell_command", tool_input: {command}}; answer {decision, reason}; exit 2 blocks.
// GitHub Copilot preToolUse: {toolName, toolArgs: "<JSON string>"}; answer {permissionDecision, permissionDecisionReason}.
const copilotInput = z.looseObject({ toolName: z.string(), toolArgs: z.union([z.string(), z.record(z.string(), z.unknown())]).optional() });
// Kiro CLI preToolUse: {tool_name: "execute_bash", tool_input: {command}}; exit 2 blocks, stderr goes to the agent.

const SHELL_TOOLS = new Set(['bash', 'shell', 'run_shell_command', 'execute_bash', 'executebash', 'exec_command', 'local_shell', 'container.exec', 'terminal', 'run_in_terminal']);

function claudeLikeCommand(input: unknown): string | null {
  const parsed = claudeInput.parse(input);
  if (!SHELL_TOOLS.has(parsed.tool_name.toLowerCase())) return null;
  const command = parsed.tool_input?.command;
  if (command === undefined) throw new Error('a shell tool call without a command');
  return Array.isArray(command) ? argvToShell(command) : command;
}

/** An argv array (Codex's `["bash","-lc","…"]`) as one shell command line. */
export function argvToShell(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export const RUNTIME_FORMATS: Record<Runtime, RuntimeFormat> = {
  claude: {
    command: claudeLikeCommand,
    deny: (reason) => ({
      stdout: json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } }),
      stderr: `${reason}\n`,
      exitCode: 0,
    }),
    allow: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  },
  codex: {
    command: claudeLikeCommand,
    // Codex rejects unknown fields in hook output: only the documented ones.
    deny: (reason) => ({
      stdout: json({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } }),
      stderr: `${reason}\n`,
      exitCode: 2,
    }),
    allow: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  },
  cursor: {
    command: (input) => cursorInput.parse(input).command,
    deny: (reason) => ({ stdout: json({ permission: 'deny', userMessage: `Steer blocked this command: ${reason}`, agentMessage: reason }), stderr: '', exitCode: 0 }),
    allow: () => ({ stdout: json({ permission: 'allow' }), stderr: '', exitCode: 0 }),
  },
  gemini: {
    command: claudeLikeCommand,
    deny: (reason) => ({ stdout: json({ decision: 'deny', reason }), stderr: `${reason}\n`, exitCode: 2 }),
    allow: () => ({ stdout: json({ decision: 'allow' }), stderr: '', exitCode: 0 }),
  },
  copilot: {
    command: (input) => {
      const parsed = copilotInput.parse(input);
      if (!SHELL_TOOLS.has(parsed.toolName.toLowerCase())) return null;
      const args = typeof parsed.toolArgs === 'string' ? (JSON.parse(parsed.toolArgs) as Record<string, unknown>) : (parsed.toolArgs ?? {});
      const command = args.command;
      if (typeof command !== 'string') throw new Error('a shell tool call without a command');
      return command;
    },
    deny: (reason) => ({ stdout: json({ permissionDecision: 'deny', permissionDecisionReason: reason }), stderr: '', exitCode: 0 }),
    allow: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  },
  kiro: {
    command: claudeLikeCommand,
    deny: (reason) => ({ stdout: '', stderr: `${reason}\n`, exitCode: 2 }),
    allow: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  },
};

/** Which runtime sent this input, when the hook wasn't told. */
export function detectRuntime(input: unknown): Runtime {
  const o = (input ?? {}) as Record<string, unknown>;
  if (typeof o.toolName === 'string' && 'toolArgs' in o) return 'copilot';
  if (o.hook_event_name === 'beforeShellExecution' || (typeof o.command === 'string' && !('tool_name' in o))) return 'cursor';
  if (o.hook_event_name === 'BeforeTool' || o.tool_name === 'run_shell_command') return 'gemini';
  if (o.hook_event_name === 'preToolUse' || o.tool_name === 'execute_bash') return 'kiro';
  return 'claude';
}
