import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';

/** Reads a whole input: a file, or standard input for '-'. */
export async function readInputBytes(path: string): Promise<Buffer> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError(path, describeFsError(e));
  }
}

/** Paths as given; a directory stands for the *.json files directly in it (nested change sets). */
export async function expandInputPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push(path);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      throw new InputError(path, describeFsError(e));
    }
    if (!isDir) {
      out.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
    if (names.length === 0) throw new InputError(path, 'directory has no .json files');
    out.push(...names.map((n) => join(path, n)));
  }
  return out;
}

export async function readTextFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(path, describeFsError(e));
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
