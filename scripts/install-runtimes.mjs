#!/usr/bin/env node
// Installs the agent runtimes pinned in test/runtimes/runtimes.json into .cache/runtimes/ (gitignored),
// one prefix per runtime and version, reusing what is already there, the missing ones in parallel.
// Used by the real-runtime tests' setup (npm run test:runtimes); `node scripts/install-runtimes.mjs
// claude codex` installs only those. A runtime that needs a newer Node.js than Steer's own (its
// "node" in the manifest: OpenClaw needs >= 24.16) gets that release from npm (the `node` package,
// which fetches the official binary) in .cache/runtimes/node-<version>/, and is installed and run
// with it first on PATH.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'test/runtimes/runtimes.json'), 'utf8'));
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(manifest).filter((k) => !k.startsWith('$'));

// STEER_RUNTIMES_CACHE: another cache directory (.ci/run keeps the tree's across its fresh clones).
const cache = process.env.STEER_RUNTIMES_CACHE || join(root, '.cache/runtimes');
const prefixOf = (name) => join(cache, `${name}-${manifest[name].version}`);
// A runtime with no "bin" is a library (Cursor's SDK): its package.json stands for it.
const binOf = (name) => manifest[name].bin ? join(prefixOf(name), 'node_modules/.bin', manifest[name].bin) : join(prefixOf(name), 'node_modules', manifest[name].package, 'package.json');
const nodeDirOf = (version) => join(cache, `node-${version}`, 'node_modules/node/bin');

/** `npm install <pkg>@<version>` into its own prefix, with `pathFirst` (a Node.js bin directory) first on PATH. */
function npmInstall(pkg, version, prefix, bin, pathFirst) {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  process.stderr.write(`installing ${pkg}@${version} into ${prefix} …\n`);
  const env = pathFirst ? { ...process.env, PATH: `${pathFirst}${delimiter}${process.env.PATH ?? ''}` } : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${pkg}@${version}`], { cwd: prefix, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`npm install ${pkg}@${version} failed (exit ${code}) in ${prefix}`));
      if (!existsSync(bin)) return reject(new Error(`${pkg}@${version} installed, but ${bin} is missing`));
      process.stderr.write(`installed ${pkg}@${version} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      resolve();
    });
  });
}

const nodeInstalls = new Map();
/** The Node.js release a runtime needs, once however many runtimes need it. */
function installNode(version) {
  const dir = nodeDirOf(version);
  if (existsSync(join(dir, 'node'))) return Promise.resolve();
  if (!nodeInstalls.has(version)) nodeInstalls.set(version, npmInstall('node', version, join(cache, `node-${version}`), join(dir, 'node')));
  return nodeInstalls.get(version);
}

async function install(name) {
  const { package: pkg, version, node } = manifest[name];
  if (node) await installNode(node); // its install scripts check the Node.js they run under
  await npmInstall(pkg, version, prefixOf(name), binOf(name), node ? nodeDirOf(node) : undefined);
}

for (const name of names) if (!manifest[name]) throw new Error(`unknown runtime ${name}: test/runtimes/runtimes.json lists ${Object.keys(manifest).filter((k) => !k.startsWith('$')).join(', ')}`);
const missing = names.filter((name) => !existsSync(binOf(name)));
// An installed runtime whose Node.js went missing gets it back.
const nodes = names.filter((name) => !missing.includes(name) && manifest[name].node).map((name) => installNode(manifest[name].node));
const results = await Promise.allSettled([...missing.map(install), ...nodes]);
const failed = results.filter((r) => r.status === 'rejected');
if (failed.length > 0) {
  for (const f of failed) process.stderr.write(`${f.reason instanceof Error ? f.reason.message : String(f.reason)}\n`);
  process.exit(1);
}
