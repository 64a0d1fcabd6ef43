import nodeModule from 'node:module';

// Entry point: no work at import time anywhere else; this file only starts the program.
// Node 22.1+ keeps compiled code between runs (a guard hook runs once per agent command);
// Node 20 has no compile cache and simply skips this.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// `steer guard` answers an agent's hook once per shell command: it loads only its own code.
if (process.argv[2] === 'guard') {
  const { runGuard } = await import('./guard-hook.js');
  void runGuard(process.argv);
} else {
  const { run } = await import('./run.js');
  void run(process.argv);
}
