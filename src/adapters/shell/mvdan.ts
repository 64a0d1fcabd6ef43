import { createRequire } from 'node:module';
import type { syntax as Syntax } from 'mvdan-sh';

/**
 * The shell parser: mvdan/sh (the parser behind shfmt), through its JavaScript build `mvdan-sh`.
 * Loaded on first use only — `steer guard` needs it, nothing else does.
 */
export type ShellSyntax = typeof Syntax;
let loaded: ShellSyntax | undefined;

export function shellSyntax(): ShellSyntax {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = (require('mvdan-sh') as { syntax: ShellSyntax }).syntax;
  }
  return loaded;
}
