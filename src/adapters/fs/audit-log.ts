import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';

/** Appends one decision to the JSON Lines audit log and echoes it to the CI log (stderr). */
export function appendAudit(file: string, entry: Record<string, unknown>): void {
  const line = JSON.stringify(entry);
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${line}\n`);
  } catch (e) {
    throw new InputError(file, `cannot write the audit log: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.stderr.write(`steer audit: ${line}\n`);
}
