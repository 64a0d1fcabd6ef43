// Bundles the CLI (dist/cli.js) and the GitHub Action entry (dist/index.js, once it exists)
// into single files with esbuild. Both run on Node 20 (here) and Node 24 (the Action runtime).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/action/main.ts', out: 'dist/index.js', banner: '' },
].filter((e) => existsSync(e.in));

for (const e of entries) {
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Lazy imports of heavy clients stay in the same file but are only evaluated on use.
    splitting: false,
    legalComments: 'none',
    banner: { js: `${e.banner}\nimport { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);` },
    define: { __STEER_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
}
