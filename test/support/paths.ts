import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const builtCli = join(repoRoot, 'dist/cli.js');

/** ../shared/corpus beside the repository; tests that need it fail loudly when it is missing. */
export function corpusDir(): string {
  const dir = process.env.STEER_CORPUS ?? resolve(repoRoot, '../shared/corpus');
  if (!existsSync(join(dir, 'MANIFEST.md'))) {
    throw new Error(`corpus not found at ${dir}: the tests need ../shared/corpus beside the repository (or set STEER_CORPUS)`);
  }
  return dir;
}
