import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const builtCli = join(repoRoot, 'dist/cli.js');

/** fixtures/corpus: real plans and change sets from public projects (its MANIFEST.md carries their sources and licences). */
export function corpusDir(): string {
  const dir = join(fixturesDir, 'corpus');
  if (!existsSync(join(dir, 'MANIFEST.md'))) throw new Error(`corpus not found at ${dir}: fixtures/corpus/MANIFEST.md is part of the repository`);
  return dir;
}
