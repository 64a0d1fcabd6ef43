import { arenaOf, type ScanArena } from '../json/scan-arena.js';
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
  if (forcesReplacement(entry)) restoreForcingMaterial(entry.change!, arena);
  take(entry, { bytes: memory, material: arena.material }, changed);
  return end - base;
}

/** Replace paths as the schema wants them (lists of keys and indexes): anything else is refused with the entry, later. */
function forcesReplacement(entry: { change?: Record<string, unknown> }): boolean {
  const paths = entry.change?.replace_paths;
  return Array.isArray(paths) && paths.length > 0 && paths.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number'));
}

/** A member row of a reduced object (plan-entry.as.ts ROW, in 32-bit words): key start, end, value start, end, canonical. */
const ROW_WORDS = 6;

/**
 * An entry with `replace_paths` (a replacement) gets, in each object the walker reduced, the
 * top-level members those paths start with, parsed from their bytes (the walker's member rows
 * say where they sit): the normalizer then reads the forcing attributes' values, at any depth,
 * as it does from a plan parsed whole, and the rest of the object is never built. What the
 * reduced object already holds whole (a tag map, an `after_unknown` name that is `true`) stays;
 * an `after_unknown` name it holds as `0` (anything but `true`) is replaced. (Keys repeat in no
 * reduced object, and none is escaped: the walker leaves such entries to be parsed whole.)
 */
function restoreForcingMaterial(change: Record<string, unknown>, arena: ScanArena): void {
  const paths = change.replace_paths as (string | number)[][];
  const { memoryBytes: memory, memoryInts: ints, reducedObjects: objects } = arena;
  for (let r = 0; r < REDUCED.length; r++) {
    const reduced = change[REDUCED[r]!] as Record<string, unknown>;
    if (objects[r * 3 + 2] !== 1) continue; // not an object: the entry's text holds it whole
    const first = objects[r * 3]! >> 2;
    const count = objects[r * 3 + 1]!;
    for (const path of paths) {
      const name = path[0];
      if (typeof name !== 'string') continue; // an empty path reads the object itself; a number finds nothing in it
      if (Object.hasOwn(reduced, name) && (REDUCED[r] !== 'after_unknown' || reduced[name] === true)) continue;
      for (let row = first; row < first + count * ROW_WORDS; row += ROW_WORDS) {
        if (keyText(memory, ints[row]!, ints[row + 1]!) !== name) continue;
        Object.defineProperty(reduced, name, { value: parseSpan(memory, ints[row + 2]!, ints[row + 3]!), enumerable: true, writable: true, configurable: true });
        break;
      }
    }
    // An empty path: the whole object is read (rare; Terraform writes none).
    if (paths.some((p) => p.length === 0)) change[REDUCED[r]!] = parseSpan(memory, arena.material[FORCING_SLOTS[r]! * 3]!, arena.material[FORCING_SLOTS[r]! * 3 + 1]!);
  }
}

/** The objects the walker reduced, by their digest material slot (where their whole bytes sit). */
const FORCING_SLOTS = REDUCED.map((key) => DIGEST_MATERIAL.findIndex(([k, from]) => k === key && from === 'change'));

function parseSpan(bytes: Buffer, start: number, end: number): unknown {
  return JSON.parse(bytes.toString('utf8', start, end));
}
