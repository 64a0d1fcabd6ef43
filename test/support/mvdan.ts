import { createRequire } from 'node:module';
import type { ShellSyntax } from '../../src/adapters/shell/syntax.js';

/**
 * mvdan/sh (the parser behind shfmt, through its JavaScript build `mvdan-sh`): the parser the
 * guard's analysis was written for, kept as a development dependency only as the oracle of
 * test/guard/parser-agreement.test.ts. Its tree has the shape the guard reads, so it plugs in
 * where tree-sitter-bash's converted tree does.
 */
export function mvdanSyntax(): ShellSyntax {
  return (createRequire(import.meta.url)('mvdan-sh') as { syntax: ShellSyntax }).syntax;
}
