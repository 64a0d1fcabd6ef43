import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

// The suite runs from a clone of the repository alone: no file may read data from beside it.
const roots = ['src', 'test', 'scripts', 'bench', '.ci', 'package.json', 'vitest.config.ts', 'tsconfig.json'];
const outside = [['..', 'shared'].join('/'), ['shared', 'corpus'].join('/'), ['', 'work', ''].join('/')];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
}

describe('the repository is self-contained', () => {
  const all = roots.flatMap((r) => files(join(repoRoot, r))).filter((f) => !/\.(wasm|png)$/.test(f));

  it('scans the sources, tests, scripts and CI', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('no source, test, script or CI file refers to a path beside the repository', () => {
    const hits = all.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return outside.filter((s) => text.includes(s)).map((s) => `${relative(repoRoot, f)}: ${s}`);
    });
    expect(hits).toEqual([]);
  });
});
