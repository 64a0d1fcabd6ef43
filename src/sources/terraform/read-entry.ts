import { arenaOf } from '../json/scan-arena.js';
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
  if (forcesReplacement(entry)) restoreForcingMaterial(entry.change!, memory, arena.material);
  take(entry, { bytes: memory, material: arena.material }, changed);
  return end - base;
}

/** The objects the walker reduced, by their digest material slot (where their whole bytes sit). */
const FORCING_SLOTS = REDUCED.map((key) => [key, DIGEST_MATERIAL.findIndex(([k, from]) => k === key && from === 'change')] as const);

function forcesReplacement(entry: { change?: Record<string, unknown> }): boolean {
  const paths = entry.change?.replace_paths;
  return Array.isArray(paths) && paths.length > 0;
}

/**
 * An entry with `replace_paths` (a replacement: few per plan) gets its reduced objects back
 * whole, parsed from their bytes, so the normalizer can read the forcing attributes' values as
 * it does from a plan parsed whole: the streamed and in-memory readers give the same Change.
 */
function restoreForcingMaterial(change: Record<string, unknown>, memory: Buffer, material: Int32Array): void {
  for (const [key, slot] of FORCING_SLOTS) {
    const start = material[slot * 3]!;
    if (start >= 0) change[key] = parseSpan(memory, start, material[slot * 3 + 1]!);
  }
}

function parseSpan(bytes: Buffer, start: number, end: number): unknown {
  return JSON.parse(bytes.toString('utf8', start, end));
}
