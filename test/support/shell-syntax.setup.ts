import { loadShellSyntax } from '../../src/adapters/shell/tree-sitter-bash.js';

// The shell parser is WebAssembly, which starts asynchronously: loaded once before the tests,
// whose guard calls (checkCommand, answerHook, parseCommand) are synchronous. The CLI loads it on
// first need (app/guard.ts withShellSyntax); test/guard/hooks.test.ts runs that path.
await loadShellSyntax();
