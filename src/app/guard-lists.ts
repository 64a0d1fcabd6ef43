import { parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { GuardLists } from '../guard/decide.js';
import { guardListsOf } from '../guard/lists.js';

/** steer.yml text → its guard lists (loaded by app/guard.ts only when there is a file). */
export function guardListsFromText(text: string, file: string): GuardLists {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ConfigError(file, `not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  try {
    return guardListsOf(doc.toJS());
  } catch (e) {
    throw new ConfigError(file, e instanceof Error ? e.message : String(e));
  }
}
