import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file the build writes beside the bundle (dist/, chunks in dist/chunks/), or the package's own copy when running from source. */
export function bundledFile(name: string, packagePath?: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, name), join(here, '..', name)]) if (existsSync(candidate)) return candidate;
  if (packagePath === undefined) throw new Error(`${name} is missing beside the bundle (${here})`);
  return createRequire(import.meta.url).resolve(packagePath);
}
