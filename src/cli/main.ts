import nodeModule from 'node:module';
import { startGuard } from './start-guard.js';

// Entry point: no work at import time anywhere else; this file only starts the program.
// Node 22.1+ keeps compiled code between runs (a guard hook runs once per agent command);
// Node 20 has no compile cache and simply skips this.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
if (process.argv[2] === 'guard') {
  startGuard(process.argv);
} else {
  const { run } = await import('./run.js');
  void run(process.argv);
}
