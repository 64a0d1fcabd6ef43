import { byteAt, readKeyColon, lastKey, separatorAt, skipValue, skipWhitespace } from '../json/scan.js';

// One `prior_state` resource from its bytes (the plan reader, read-plan.ts, finds them): only
// what the dependency graph needs is built; `values` and the rest are validated, never parsed.

/** The keys of a prior_state resource that Steer reads. */
export const STATE_RESOURCE_KEYS: ReadonlySet<string> = new Set(['address', 'mode', 'type', 'depends_on']);

const OPEN_OBJECT = 0x7b;
const DEPENDS_ON = Buffer.from('"depends_on"');
const CLOSE_OBJECT = 0x7d;

/**
 * The resource at `start` (whole in `bytes`, or this throws a truncation): `take` gets an object
 * with the keys above when it depends on something (only those can be disrupted: memory holds
 * nothing for the others). Returns the resource's end.
 */
export function readStateResource(bytes: Buffer, start: number, take: (resource: Record<string, unknown>) => void, finder: DependsOnFinder): number {
  if (byteAt(bytes, start) !== OPEN_OBJECT) return skipValue(bytes, start);
  // Most resources are validated in one scan and left: without the bytes `"depends_on"` there is
  // no such key (inside a string every quote is escaped, so they can't hide there either).
  const end = skipValue(bytes, start);
  if (!finder.within(bytes, start, end)) return end;
  const kept: Record<string, unknown> = {};
  let i = skipWhitespace(bytes, start + 1);
  if (byteAt(bytes, i) === CLOSE_OBJECT) return i + 1;
  for (;;) {
    const valueAt = readKeyColon(bytes, i);
    const key = lastKey();
    const end = skipValue(bytes, valueAt);
    if (STATE_RESOURCE_KEYS.has(key)) kept[key] = JSON.parse(bytes.toString('utf8', valueAt, end));
    const separator = separatorAt(bytes, end, CLOSE_OBJECT);
    if (bytes[separator] === CLOSE_OBJECT) {
      if (dependsOnSomething(kept)) take(kept);
      return separator + 1;
    }
    i = separator + 1;
  }
}

/**
 * Where the next `"depends_on"` is in the bytes, searched once and reused while the reader moves
 * forward through the same bytes (one search per occurrence, not one per resource or per
 * module: a plan without any searches its bytes once). One finder per document read, asked at
 * offsets that only grow; a refilled window is a new Buffer, searched again.
 */
export class DependsOnFinder {
  private bytes: Buffer | undefined;
  private at = -1;

  within(bytes: Buffer, start: number, end: number): boolean {
    if (bytes !== this.bytes || (this.at >= 0 && this.at < start)) {
      this.bytes = bytes;
      this.at = bytes.indexOf(DEPENDS_ON, start);
    }
    return this.at >= 0 && this.at < end;
  }
}

/** A resource the graph keeps: one with a non-empty depends_on (dependencies.ts reads the same). */
export function dependsOnSomething(resource: Record<string, unknown>): boolean {
  return Array.isArray(resource.depends_on) && resource.depends_on.length > 0;
}
