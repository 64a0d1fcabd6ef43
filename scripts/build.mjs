// Bundles with esbuild. Both outputs run on Node 20 (here) and Node 24 (the Action runtime).
// - The CLI: dist/cli.js plus lazily loaded chunks in dist/chunks/, so the AWS SDK (and other
//   heavy clients) are parsed only by the commands that import them: plan-check starts fast.
// - The GitHub Action: dist/index.js, one file, as action.yml runs it.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
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
// `steer guard` (src/cli/guard-hook.ts) is built apart, as dist/guard.js: one module with all the
// guard's code. A hook runs once per agent command, and Node's ESM loader spends about a
// millisecond on each module it loads (a dozen small chunks shared with the CLI, otherwise). The
// CLI imports that file (an external, from dist/ or dist/chunks/). What only some hooks need stays
// in lazy chunks: the shell parser, the YAML parser (a steer.yml), commander (a command line
// `steer init` doesn't write) — the last two are copies of the CLI's, bytes on disk only.
const guardApart = {
  name: 'guard-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/guard-hook\.js$/ }, (args) => ({ path: args.importer.endsWith('main.ts') ? './guard.js' : '../guard.js', external: true }));
  },
};
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
  plugins: [guardApart],
});
await build({ ...common, entryPoints: { guard: 'src/cli/guard-hook.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]', banner: { js: requireShim } });
// The shebang goes on the entry file only (chunks are modules, not scripts).
const cli = readFileSync('dist/cli.js', 'utf8');
await import('node:fs').then(({ writeFileSync, chmodSync }) => {
  writeFileSync('dist/cli.js', `#!/usr/bin/env node\n${cli}`);
  chmodSync('dist/cli.js', 0o755);
});

// tree-sitter (WebAssembly) and its grammars, loaded from beside the bundle: HCL, with which SARIF
// finds resource blocks in .tf files (src/adapters/fs/resource-blocks.ts), and Bash, the guard's
// shell parser (src/adapters/shell/tree-sitter-bash.ts).
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/tree-sitter-terraform.wasm');
copyFileSync('node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm');

if (existsSync('src/action/main.ts')) {
  await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/index.js', banner: { js: requireShim } });
}
