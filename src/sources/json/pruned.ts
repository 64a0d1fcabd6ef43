import { lastKey, readKeyColon, separatorAt, skipValue, skipWhitespace } from './scan.js';

/**
 * A JSON value built from its bytes only along some paths: what reading those paths needs,
 * without building the rest. Each container a path steps into keeps only the members (or
 * elements) the paths step to; where a path ends, or meets a value it can't step into (a
 * scalar, `true`…), the value there is parsed whole. Followed along any of the paths — step by
 * step, a string step into an object's own member, a number into an array's element — it gives
 * what the whole value gives (a key repeated in an object: the last copy, as `JSON.parse` keeps).
 * `b` must be a ScanArena view holding the whole value, already validated.
 */

export type PathStep = string | number;

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Paths nest this deep at most (as the configuration's module calls do); a deeper one is read whole. */
const MAX_PATH_DEPTH = 100;

export function prunedAlong(b: Buffer, start: number, paths: readonly (readonly PathStep[])[]): unknown {
  return pruned(b, skipWhitespace(b, start), paths, 0);
}

function pruned(b: Buffer, at: number, paths: readonly (readonly PathStep[])[], depth: number): unknown {
  const c = b[at];
  if (depth >= MAX_PATH_DEPTH || paths.some((p) => p.length === depth) || (c !== OPEN_OBJECT && c !== OPEN_ARRAY)) return whole(b, at);
  return c === OPEN_OBJECT ? prunedObject(b, at, paths, depth) : prunedArray(b, at, paths, depth);
}

function prunedObject(b: Buffer, at: number, paths: readonly (readonly PathStep[])[], depth: number): Record<string, unknown> {
  // The keys the paths step to, and where each one's (last) value starts. Paths are few: arrays, not sets.
  const wanted: string[] = [];
  for (const p of paths) {
    const step = p[depth];
    if (typeof step === 'string' && !wanted.includes(step)) wanted.push(step);
  }
  const out: Record<string, unknown> = {};
  if (wanted.length === 0) return out; // only numbers step into it: they find nothing in an object, whole or not
  const found = wanted.map(() => -1);
  let i = skipWhitespace(b, at + 1);
  if (b[i] !== CLOSE_OBJECT) {
    for (;;) {
      const valueAt = readKeyColon(b, i);
      const k = wanted.indexOf(lastKey());
      if (k >= 0) found[k] = valueAt; // a repeated key: the last copy counts
      const separator = separatorAt(b, skipValue(b, valueAt), CLOSE_OBJECT);
      if (b[separator] === CLOSE_OBJECT) break;
      i = separator + 1;
    }
  }
  for (let k = 0; k < wanted.length; k++) {
    if (found[k]! < 0) continue;
    const key = wanted[k]!;
    const value = pruned(b, found[k]!, paths.length === 1 ? paths : paths.filter((p) => p[depth] === key), depth + 1);
    // An own property, also for "__proto__" (which assignment would take as the prototype).
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function prunedArray(b: Buffer, at: number, paths: readonly (readonly PathStep[])[], depth: number): unknown[] {
  let last = -1;
  for (const p of paths) {
    const step = p[depth];
    if (typeof step === 'number' && Number.isInteger(step) && step > last) last = step;
  }
  const out: unknown[] = [];
  let i = skipWhitespace(b, at + 1);
  if (last < 0 || b[i] === CLOSE_ARRAY) return out; // nothing steps into it, or nothing is in it
  for (let index = 0; index <= last; index++) {
    const valueAt = skipWhitespace(b, i);
    if (paths.some((p) => p[depth] === index)) out[index] = pruned(b, valueAt, paths.length === 1 ? paths : paths.filter((p) => p[depth] === index), depth + 1);
    const separator = separatorAt(b, skipValue(b, valueAt), CLOSE_ARRAY);
    if (b[separator] === CLOSE_ARRAY) break;
    i = separator + 1;
  }
  return out;
}

function whole(b: Buffer, at: number): unknown {
  return JSON.parse(b.toString('utf8', at, skipValue(b, at)));
}
