// Runs a TypeScript script on Node 20 (no type stripping there): bundles it with esbuild
// into a temporary ES module beside it and imports that. Usage: node scripts/run-ts.mjs FILE.ts [args]
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
const out = resolve(`${entry}.${process.pid}.tmp.mjs`);
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(out, { force: true });
}
