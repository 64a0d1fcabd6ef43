/** What a runtime's hook gets back: its stdout, stderr and exit code. */
export interface HookAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** One agent runtime's pre-execution hook: where its input carries the shell command, and its answers. */
export interface RuntimeFormat {
  /** The shell command in the hook input, or null when the tool call is not a shell command. Throws on a malformed input. */
  readonly command: (input: unknown) => string | null;
  readonly deny: (reason: string) => HookAnswer;
  readonly allow: () => HookAnswer;
  /**
   * The exit code of a denial when Steer itself failed: 2 blocks in most runtimes even when they
   * ignore stdout; a runtime that skips a hook exiting non-zero (Copilot) needs its deny and 0.
   */
  readonly failureExitCode?: number;
}

export const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

export const SILENT_ALLOW: HookAnswer = { stdout: '', stderr: '', exitCode: 0 };

/** Shell tool names across runtimes (Claude `Bash`, Codex `shell`/`exec_command`, Gemini `run_shell_command`, Kiro `shell`/`execute_bash`, Copilot `bash`). */
export const SHELL_TOOLS: ReadonlySet<string> = new Set(['bash', 'shell', 'run_shell_command', 'execute_bash', 'executebash', 'exec_command', 'local_shell', 'container.exec', 'terminal', 'run_in_terminal', 'powershell']);

/**
 * Hook inputs are checked by hand, not with zod: zod's shared chunk (core + every locale) costs
 * ~25 ms to load, half the guard's latency budget, on every agent command. Lenient like our
 * schemas: only the fields read are checked; unknown fields pass.
 */
export function objectField(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: expected an object`);
  return value as Record<string, unknown>;
}

export function stringField(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Error(`${path}.${key}: expected a string`);
  return v;
}
