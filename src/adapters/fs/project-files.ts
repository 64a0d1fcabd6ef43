// fs.promises on use, not node:fs/promises at load: `steer guard` reads only synchronously here, and
// loading fs/promises loads readline and the file watchers with it (milliseconds, per hook run).
import { closeSync, existsSync, openSync, promises as fsp, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';

// Files of the user's project, read and written for the use cases in app/ (the guard's scripts
// and package.json files, cdk/cdktf manifests, templates, what `steer init` writes): app/ holds
// the decisions, this file the file system calls. Errors are Node's own, for the caller to read.

/** Whether a path is a regular file, and its size; throws Node's error (ENOENT…) when it can't be read. */
export function fileInfo(path: string): { readonly isFile: boolean; readonly size: number } {
  const st = statSync(path);
  return { isFile: st.isFile(), size: st.size };
}

export function readTextSync(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The first `bytes` bytes of a file, as Latin-1 text (one character a byte): enough to tell a program's format. */
export function headSync(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** The directories directly in `dir`; throws when `dir` can't be listed. */
export function subdirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

export function homeDirectory(): string {
  return homedir();
}

export async function readText(path: string): Promise<string> {
  return fsp.readFile(path, 'utf8');
}

/** The file's text, or undefined when it can't be read (missing, a directory…). */
export async function readTextIfReadable(path: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes the file, making its directories first. */
export async function writeText(path: string, text: string): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  await fsp.writeFile(path, text);
}
