import { requireBundle } from '../adapters/fs/cached-bundle.js';
import { keepWasmBaseline } from '../adapters/shell/wasm-tiering.js';

type GuardHook = typeof import('./guard-hook.js');

/**
 * `steer guard …`: it answers an agent's hook once per shell command, so it loads only its own
 * code, one CommonJS bundle (dist/guard.cjs, built from ./guard-hook.ts) whose compiled code is
 * cached between runs. A guard that can't start denies.
 */
export function startGuard(argv: readonly string[]): void {
  let hook: GuardHook | undefined;
  try {
    keepWasmBaseline(); // before the bundle compiles: its code cache is made with the same flags
    hook = requireBundle('guard.cjs', () => (hook?.shellSyntaxLoaded() ? 1 : 0)) as GuardHook;
    void hook.runGuard(argv);
  } catch (e) {
    process.exitCode = 2;
    process.stderr.write(`steer guard: could not start, so the command is denied: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
