// Bundles with esbuild. Both outputs run on Node 20 (here) and Node 24 (the Action runtime).
// - The CLI: dist/cli.js plus lazily loaded chunks in dist/chunks/, so the AWS SDK (and other
//   heavy clients) are parsed only by the commands that import them: plan-check starts fast.
// - The GitHub Action: dist/index.js, one file, as action.yml runs it.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildScannerModule } from './build-wasm.mjs';

const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
const requireShim = "import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);";
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  define: { __STEER_VERSION__: JSON.stringify(version), __STEER_PACKAGE__: JSON.stringify(name) },
  logLevel: 'warning',
  // examples/github/*.yml: what `steer init --ci github` writes, one copy in the repository.
  loader: { '.yml': 'text' },
  // Minified: less JavaScript for V8 to compile on every start (Node 20 has no compile cache).
  minify: true,
};

await buildScannerModule(); // the WebAssembly JSON scanner, embedded in src/ (both bundles load it)
rmSync('dist/chunks', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
});
// `steer guard` (src/cli/guard-hook.ts) is built apart, as one CommonJS file, dist/guard.cjs: a
// hook runs once per agent command, and Node's ESM loader spends about a millisecond on each
// module (a dozen chunks, otherwise), while one CommonJS file can have its compiled code cached
// on Node 20 too (src/adapters/fs/cached-bundle.ts). What runs only for some commands (the shell
// parser, the YAML parser, commander) is in the file but compiled only when it runs. web-tree-sitter
// comes as its own CommonJS build (its ES module build imports `module` at run time).
const cjs = { ...common, format: 'cjs', define: { ...common.define, 'import.meta.url': '__steerImportMetaUrl' }, banner: { js: "const __steerImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };
const webTreeSitterCjs = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: resolve('node_modules/web-tree-sitter/tree-sitter.cjs') }));
  },
};
await build({ ...cjs, entryPoints: { guard: 'src/cli/guard-hook.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', plugins: [webTreeSitterCjs] });
// The bin, dist/cli.cjs (src/cli/bin.ts): CommonJS, so `steer guard` starts without Node's ES module
// loader (~5 ms); other commands import dist/cli.js.
const esmCli = { name: 'esm-cli', setup: (b) => b.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: './cli.js', external: true })) };
await build({ ...cjs, entryPoints: { cli: 'src/cli/bin.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', plugins: [esmCli] });
// The shebang goes on the entry files only (chunks are modules, not scripts).
for (const entry of ['dist/cli.js', 'dist/cli.cjs']) {
  const text = readFileSync(entry, 'utf8');
  await import('node:fs').then(({ writeFileSync, chmodSync }) => {
    writeFileSync(entry, `#!/usr/bin/env node\n${text}`);
    chmodSync(entry, 0o755);
  });
}

// tree-sitter (WebAssembly) and its grammars, loaded from beside the bundle: HCL, with which SARIF
// finds resource blocks in .tf files (src/adapters/fs/resource-blocks.ts), and Bash, the guard's
// shell parser (src/adapters/shell/tree-sitter-bash.ts).
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/tree-sitter-terraform.wasm');
copyFileSync('node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm');

if (existsSync('src/action/main.ts')) {
  await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/index.js', banner: { js: requireShim } });
}
