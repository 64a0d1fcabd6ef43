import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** SHA-256 (hex) of a file's bytes. */
export async function fileSha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export interface PinnedArtifact {
  /** A private copy: what is analyzed and what is applied are these bytes. */
  readonly path: string;
  readonly sha256: string;
  readonly release: () => Promise<void>;
}

/**
 * Copies a saved plan into a directory of its own (mode 0700) and hashes the copy: the file the
 * workflow downloaded can't be swapped between the check and `terraform apply`.
 */
export async function pinArtifact(path: string): Promise<PinnedArtifact> {
  const dir = await mkdtemp(join(tmpdir(), 'steer-artifact-'));
  const copy = join(dir, basename(path));
  try {
    await copyFile(path, copy);
    return { path: copy, sha256: await fileSha256(copy), release: () => rm(dir, { recursive: true, force: true }) };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
