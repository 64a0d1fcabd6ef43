import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';

/** Pieces joined into blocks of about `size` characters: a write (a system call) per block, not per piece. */
export function* blocks(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= size) {
      yield block;
      block = '';
    }
  }
  if (block !== '') yield block;
}

/** Writes pieces to a stream, waiting when it is full (a pipe to a slow reader, a large file). */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of blocks(chunks)) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/**
 * Standard output. A reader that stops early (`steer plan-check … | head`) closes the pipe: the
 * rest of the report is dropped quietly, and the exit code still gives the verdict.
 */
export async function writeStdoutChunks(chunks: Iterable<string>): Promise<void> {
  let closed = false;
  // Stays attached: an EPIPE reported after the last write must not crash the process either.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  try {
    for (const chunk of blocks(chunks)) {
      if (closed) return;
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  }
}

export async function writeOutputChunks(path: string, chunks: Iterable<string>): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const file = createWriteStream(path);
    await writeChunks(file, chunks);
    file.end();
    await once(file, 'finish');
  } catch (e) {
    throw new InputError(path, `cannot write: ${e instanceof Error ? e.message : String(e)}`);
  }
}
