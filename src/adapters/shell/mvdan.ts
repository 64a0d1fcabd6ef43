import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { syntax as Syntax } from 'mvdan-sh';

/**
 * The shell parser: mvdan/sh (the parser behind shfmt), through its JavaScript build `mvdan-sh`.
 * (sh-syntax, its WASM build, returns only statement positions — `Cmd` is `{Pos, End}` — not the
 * words of each command, so it can't tell what a command runs.) Loaded on first use only:
 * `steer guard` needs it, nothing else does.
 */
export type ShellSyntax = typeof Syntax;
let loaded: ShellSyntax | undefined;

export function shellSyntax(): ShellSyntax {
  loaded ??= load();
  return loaded;
}

function load(): ShellSyntax {
  const require = createRequire(import.meta.url);
  // Node 22.1+: main.ts's module.enableCompileCache() already caches require()d code.
  const compileCache = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.();
  if (!compileCache) {
    const cached = loadWithCodeCache(require.resolve('mvdan-sh'), require);
    if (cached) return cached;
  }
  return (require('mvdan-sh') as { syntax: ShellSyntax }).syntax;
}

/**
 * Node 20 has no compile cache: the parser's 1.5 MB of JavaScript is compiled on every hook run
 * (~40 ms). V8's code cache for it is kept in a private directory of the user's; V8 checks that
 * it matches the source and the Node version, and any failure falls back to a plain require.
 */
function loadWithCodeCache(file: string, require: NodeJS.Require): ShellSyntax | undefined {
  try {
    const dir = join(tmpdir(), `steer-code-cache-${process.getuid?.() ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) return undefined;
    const source = readFileSync(file, 'utf8');
    const cacheFile = join(dir, `mvdan-sh-${process.version}-${source.length}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(nodeModule.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
    const module = { exports: {} as { syntax?: ShellSyntax } };
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
    const syntax = module.exports.syntax;
    if (!syntax) return undefined;
    if (!cachedData || script.cachedDataRejected) {
      syntax.NewParser().Parse('true', ''); // compile the parsing paths too before saving
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cacheFile);
    }
    return syntax;
  } catch {
    return undefined;
  }
}
