import { createReadStream, type ReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';

/**
 * Reads a whole input: a file, or standard input for '-'. A regular file is read in one go into
 * the buffer `allocate` gives for its size (the JSON scanner's own memory: no copy follows).
 */
export async function readInputBytes(path: string, allocate: (size: number) => Buffer = Buffer.allocUnsafe): Promise<Buffer> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    const file = await open(path, 'r');
    try {
      const stats = await file.stat();
      // A pipe or device (`<(terraform show -json …)`): read as it comes.
      if (!stats.isFile()) return await file.readFile();
      const bytes = allocate(stats.size);
      let filled = 0;
      while (filled < stats.size) {
        const { bytesRead } = await file.read(bytes, filled, stats.size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      // A file that changed size while read: read it again as it comes.
      if (filled < stats.size || (await file.read(Buffer.alloc(1), 0, 1, stats.size)).bytesRead !== 0) return await file.readFile();
      return bytes;
    } finally {
      await file.close();
    }
  } catch (e) {
    throw new InputError(path, describeFsError(e));
  }
}

/** An input path; `directory` when it was found in a directory given as an input. */
export interface InputPath {
  readonly path: string;
  readonly directory?: string;
}

/** Paths as given; a directory stands for the *.json files directly in it (nested change sets, several plans). */
export async function expandInputPaths(paths: readonly string[]): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ path });
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      throw new InputError(path, describeFsError(e));
    }
    if (!isDir) {
      out.push({ path });
      continue;
    }
    const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
    if (names.length === 0) throw new InputError(path, 'directory has no .json files');
    out.push(...names.map((n) => ({ path: join(path, n), directory: path })));
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

/** Size in bytes of a file ('-' has none: standard input is read whole). */
export async function inputSize(path: string): Promise<number | undefined> {
  if (path === '-') return undefined;
  try {
    return (await stat(path)).size;
  } catch (e) {
    throw new InputError(path, describeFsError(e));
  }
}

/** The first bytes of a file, to tell a zip (saved plan) or a BOM before choosing how to read it. */
export async function peekBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether a file is a saved Terraform plan (a zip archive). */
export async function isSavedPlan(path: string): Promise<boolean> {
  const head = await peekBytes(path, 4).catch(() => Buffer.alloc(0));
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function openInputStream(path: string): ReadStream {
  return createReadStream(path, { highWaterMark: 1 << 20 });
}
