import { arenaOf } from '../json/scan-arena.js';
import { prunedAlong, type PathStep } from '../json/pruned.js';
import { keyText, scanError, skipValue } from '../json/scan.js';
import { DIGEST_MATERIAL, type RawEntrySpans } from './normalize.js';
import { jsonEqual, TAG_ATTRIBUTES } from './values.js';

// One `resource_changes` entry from its bytes (the plan reader, read-plan.ts, finds them).

/** What the reader hands on: the entry (reduced), where its digest material sits, the attributes that differ. */
export type TakeEntry = (raw: unknown, spans: RawEntrySpans | undefined, changed: readonly string[] | undefined) => void;

/**
 * The objects in `change` read only in part (when they are objects), in the walker's slot
 * order: of `before` and `after`, the top-level attributes (compared by the walker) and the
 * tag/label maps; of the sensitivity masks, the masks at those maps; of `after_unknown`, the
 * top-level names and which are `true`. The parsed entry gets only those parts. (The digest
 * reads their bytes.)
 */
const REDUCED = ['before', 'after', 'before_sensitive', 'after_sensitive', 'after_unknown'] as const;

/** plan-entry.as.ts MATERIAL_SLOTS. */
const MATERIAL_SLOTS = 16;

/** The keys the walker looks for (plan-entry.as.ts DICTIONARY): its groups, slots and bytes, a group's keys together. */
const DICTIONARY = ((): Uint8Array => {
  const entries: [group: number, slot: number, key: string][] = [];
  if (DIGEST_MATERIAL.length > MATERIAL_SLOTS) throw new Error('the entry walker has fewer material slots than the digest has keys');
  DIGEST_MATERIAL.forEach(([key, from], slot) => entries.push([from === 'entry' ? 1 : 2, slot, key]));
  REDUCED.forEach((key, slot) => entries.push([3, slot, key]));
  for (const key of TAG_ATTRIBUTES) entries.push([4, 0, key]);
  entries.push([5, 0, 'change']);
  const bytes: number[] = [];
  for (const [group, slot, key] of entries.sort((a, b) => a[0] - b[0])) {
    const text = Buffer.from(key);
    bytes.push(group, slot, text.length, ...text);
  }
  bytes.push(0);
  return Uint8Array.from(bytes);
})();

const OPEN_OBJECT = 0x7b;
const FAILED = -1;
const FALLBACK = -3;
const UNDECIDED = 2;

/**
 * One `resource_changes` entry, validated and walked in WebAssembly (plan-entry.as.ts): `take`
 * gets the entry's text with the large objects of `change` replaced by what the normalizer
 * reads of them, parsed at once (the large values are never built); where each value of the
 * digest material sits and whether it is canonical; and which top-level attributes differ.
 * An entry the walker leaves alone (escaped or repeated keys, not an object…) is parsed whole.
 * `take` runs only once the whole entry was read, so a reader short of bytes can run it again.
 */
export function readEntry(bytes: Buffer, start: number, take: TakeEntry): number {
  const arena = arenaOf(bytes);
  if (arena.dictionary !== DICTIONARY) arena.writeDictionary(DICTIONARY);
  const base = bytes.byteOffset;
  const end = arena.scanner.entry(base + start, base + bytes.length);
  if (end === FAILED) throw scanError(arena, bytes);
  if (end === FALLBACK) {
    const entryEnd = skipValue(bytes, start);
    take(JSON.parse(bytes.toString('utf8', start, entryEnd)), undefined, undefined);
    return entryEnd;
  }
  // The walker's comparison rows: kind, name (start, end), before's and after's values (start, end).
  const { memoryBytes: memory, memoryInts: ints, entryResult } = arena;
  const changed: string[] = [];
  for (let k = 0, row = entryResult[1]! >> 2; k < entryResult[2]!; k++, row += 7) {
    if (ints[row] === UNDECIDED && jsonEqual(parseSpan(memory, ints[row + 3]!, ints[row + 4]!), parseSpan(memory, ints[row + 5]!, ints[row + 6]!))) continue;
    changed.push(keyText(memory, ints[row + 1]!, ints[row + 2]!));
  }
  const entry = JSON.parse(arena.entryText()) as { change?: Record<string, unknown> };
  if (forcesReplacement(entry)) restoreForcingMaterial(entry.change!, bytes, arena.material);
  take(entry, { bytes: memory, material: arena.material }, changed);
  return end - base;
}

/** The objects the walker reduced, by their digest material slot (where their whole bytes sit). */
const FORCING_SLOTS = REDUCED.map((key) => DIGEST_MATERIAL.findIndex(([k, from]) => k === key && from === 'change'));

/** Replace paths as the schema wants them (lists of keys and indexes): anything else is refused with the entry, later. */
function forcesReplacement(entry: { change?: Record<string, unknown> }): boolean {
  const paths = entry.change?.replace_paths;
  return Array.isArray(paths) && paths.length > 0 && paths.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number'));
}

/**
 * An entry with `replace_paths` (a replacement) gets, in each object the walker reduced, what
 * lies along those paths, built from the object's bytes (json/pruned.ts): the normalizer reads
 * the forcing attributes' values as it does from a plan parsed whole, so the streamed and
 * in-memory readers give the same Change, and the rest of the object is never built. What the
 * reduced object holds whole (a tag map, an `after_unknown` name that is `true`) stays; an
 * `after_unknown` name it holds as `0` (anything but `true`) is replaced.
 */
function restoreForcingMaterial(change: Record<string, unknown>, bytes: Buffer, material: Int32Array): void {
  const paths = change.replace_paths as PathStep[][];
  for (let r = 0; r < REDUCED.length; r++) {
    const key = REDUCED[r]!;
    const reduced = change[key];
    // The material's offsets are in the scanner's memory; `bytes` is the window in it.
    const start = material[FORCING_SLOTS[r]! * 3]!;
    // Only objects are reduced; anything else is in the entry's text whole.
    if (start < 0 || bytes[start - bytes.byteOffset] !== OPEN_OBJECT || typeof reduced !== 'object' || reduced === null) continue;
    const along = prunedAlong(bytes, start - bytes.byteOffset, paths) as Record<string, unknown>;
    for (const name in along) {
      if (Object.hasOwn(reduced, name) && (key !== 'after_unknown' || (reduced as Record<string, unknown>)[name] === true)) continue;
      Object.defineProperty(reduced, name, { value: along[name], enumerable: true, writable: true, configurable: true });
    }
  }
}

function parseSpan(bytes: Buffer, start: number, end: number): unknown {
  return JSON.parse(bytes.toString('utf8', start, end));
}
