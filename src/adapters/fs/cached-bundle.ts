import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { bundledFile } from './bundled-file.js';

/**
 * A CommonJS bundle beside this one (dist/), its compiled code kept between runs: `steer guard`
 * runs once per agent command, and compiling its JavaScript is a good part of its start-up.
 * Node 22+: require(), with Node's compile cache (main.ts turns it on). Node 20 has none: the
 * bundle runs through vm.Script with V8's code cache, kept in a private directory of the user's;
 * V8 checks that it matches the source and the Node version, and a cache that doesn't is
 * compiled again. `level()`, asked at exit, says how much of the bundle this run used (the
 * guard: 1 once the shell parser loaded): a cache is written again when a run used more than
 * the one it loaded, so one run of each kind fills it.
 */
export function requireBundle(name: string, level: () => number = () => 0): unknown {
  const file = bundledFile(name);
  const require = createRequire(file);
  if ((nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.()) return require(file);
  const dir = cacheDirectory();
  const source = readFileSync(file, 'utf8');
  const stem = `${name}-${process.version}-${source.length}-`;
  const cached = dir === undefined ? undefined : bestCache(dir, stem);
  const script = new Script(nodeModule.wrap(source), { filename: file, ...(cached ? { cachedData: cached.data } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  if (dir !== undefined) {
    process.once('exit', () => {
      const used = level();
      if (cached && !script.cachedDataRejected && cached.level >= used) return;
      try {
        const target = join(dir, `${stem}${used}.v8`);
        writeFileSync(`${target}.${process.pid}`, script.createCachedData(), { mode: 0o600 });
        renameSync(`${target}.${process.pid}`, target);
      } catch {
        // no cache this time
      }
    });
  }
  return module.exports;
}

/** The user's own directory for the cache, or undefined when it isn't (someone else's, open to others). */
function cacheDirectory(): string | undefined {
  try {
    const dir = join(tmpdir(), `steer-code-cache-${process.getuid?.() ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    return st.isDirectory() && (!process.getuid || st.uid === process.getuid()) && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

function bestCache(dir: string, stem: string): { data: Buffer; level: number } | undefined {
  try {
    const levels = readdirSync(dir)
      .filter((f) => f.startsWith(stem) && /^\d+\.v8$/.test(f.slice(stem.length)))
      .map((f) => Number(f.slice(stem.length, -3)))
      .sort((a, b) => b - a);
    return levels.length === 0 ? undefined : { data: readFileSync(join(dir, `${stem}${levels[0]}.v8`)), level: levels[0]! };
  } catch {
    return undefined;
  }
}
