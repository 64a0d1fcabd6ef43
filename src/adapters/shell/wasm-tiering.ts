import { setFlagsFromString } from 'node:v8';

/**
 * V8 recompiles hot WebAssembly functions with TurboFan in the background, and Node waits for
 * that before it exits (nodejs/node#36616): about a second for tree-sitter's lexer, after the
 * guard has answered. The guard parses a few short texts: the baseline compiler's code is
 * enough, so tier-up is put out of reach. Set before any code is compiled where a code cache is
 * made (src/cli/main.ts): V8 ties a cache to the flags it was made with.
 */
export function keepWasmBaseline(): void {
  setFlagsFromString('--wasm-tiering-budget=2000000000');
}
