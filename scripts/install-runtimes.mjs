#!/usr/bin/env node
// Installs the agent runtimes pinned in test/runtimes/runtimes.json into .cache/runtimes/ (gitignored),
// one prefix per runtime and version, reusing what is already there. Used by the real-runtime tests'
// setup (npm run test:runtimes); `node scripts/install-runtimes.mjs claude codex` installs only those.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'test/runtimes/runtimes.json'), 'utf8'));
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(manifest).filter((k) => !k.startsWith('$'));

/** Where a runtime's executable is once installed. */
function runtimeBin(name) {
  const { version, bin } = manifest[name];
  return join(root, '.cache/runtimes', `${name}-${version}`, 'node_modules/.bin', bin);
}

for (const name of names) {
  const entry = manifest[name];
  if (!entry) throw new Error(`unknown runtime ${name}: test/runtimes/runtimes.json lists ${Object.keys(manifest).join(', ')}`);
  const prefix = join(root, '.cache/runtimes', `${name}-${entry.version}`);
  if (existsSync(runtimeBin(name))) continue;
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  process.stderr.write(`installing ${entry.package}@${entry.version} into ${prefix} …\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${entry.package}@${entry.version}`], { cwd: prefix, stdio: ['ignore', 'inherit', 'inherit'] });
  if (!existsSync(runtimeBin(name))) throw new Error(`${entry.package}@${entry.version} installed, but ${runtimeBin(name)} is missing`);
  process.stderr.write(`installed ${entry.package}@${entry.version} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
