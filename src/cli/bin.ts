import nodeModule from 'node:module';
import { startGuard } from './start-guard.js';

// The `steer` bin (dist/cli.cjs): CommonJS, so that `steer guard` — which agent runtimes run once
// per command — starts without Node's ES module loader; every other command is the ES module CLI
// (dist/cli.js, from ./main.ts).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
if (process.argv[2] === 'guard') startGuard(process.argv);
else void import('./main.js');
