/**
 * The agent runtimes whose pre-execution hooks `steer guard` answers — the names alone, so the
 * command line can list them without loading the guard itself.
 */
export const RUNTIMES = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', 'openclaw'] as const;
export type Runtime = (typeof RUNTIMES)[number];
