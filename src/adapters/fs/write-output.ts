import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';

export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new InputError(path, `cannot write: ${e instanceof Error ? e.message : String(e)}`);
  }
}
