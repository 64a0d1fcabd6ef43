import { byteAt, readKeyColon, lastKey, separatorAt, skipValue, skipWhitespace } from '../json/scan.js';

// One `prior_state` resource from its bytes (the plan reader, read-plan.ts, finds them): only
// what the dependency graph needs is built; `values` and the rest are validated, never parsed.

/** The keys of a prior_state resource that Steer reads. */
export const STATE_RESOURCE_KEYS: ReadonlySet<string> = new Set(['address', 'mode', 'type', 'depends_on']);

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The resource at `start` (whole in `bytes`, or this throws a truncation): `take` gets an object
 * with the keys above (a value that isn't an object: nothing). Returns the resource's end.
 */
export function readStateResource(bytes: Buffer, start: number, take: (resource: Record<string, unknown>) => void): number {
  if (byteAt(bytes, start) !== OPEN_OBJECT) return skipValue(bytes, start);
  const kept: Record<string, unknown> = {};
  let i = skipWhitespace(bytes, start + 1);
  if (byteAt(bytes, i) === CLOSE_OBJECT) {
    take(kept);
    return i + 1;
  }
  for (;;) {
    const valueAt = readKeyColon(bytes, i);
    const key = lastKey();
    const end = skipValue(bytes, valueAt);
    if (STATE_RESOURCE_KEYS.has(key)) kept[key] = JSON.parse(bytes.toString('utf8', valueAt, end));
    const separator = separatorAt(bytes, end, CLOSE_OBJECT);
    if (bytes[separator] === CLOSE_OBJECT) {
      take(kept);
      return separator + 1;
    }
    i = separator + 1;
  }
}
