// One `resource_changes` entry of a Terraform plan, walked in WebAssembly (AssemblyScript; see
// json-scan.as.ts for the memory layout). The walk validates the entry and leaves for the
// JavaScript side (../../terraform/read-entry.ts):
// - the entry's text with `change.before`, `after`, the sensitivity masks and `after_unknown`
//   reduced to what the normalizer reads of them (tag maps; which attributes will be unknown),
//   in OUT, ready for one JSON.parse;
// - where each value hashed into the change's digest sits, and whether its bytes are already
//   canonical (MATERIAL, keys from the dictionary the JavaScript side writes);
// - the top-level attributes that differ between `before` and `after` (equal canonical bytes are
//   equal values), and the pairs it can't decide (values not canonical: compared there, parsed).
// Anything it doesn't handle — an entry that isn't an object, an escaped or repeated key at the
// levels it reads, output larger than the scratch area — answers FALLBACK: the caller parses
// the whole entry instead (slower, same result).

import {
  begin,
  clearEscapes,
  E_COLON,
  E_KEY,
  E_SEPARATOR_OBJECT,
  escapesSeen,
  fail,
  finish,
  isWs,
  keyBefore,
  RESULT,
  R_CANONICAL,
  scanValue,
  skipString,
  skipWs,
} from './json-scan.as';

export { init, scan, string } from './json-scan.as';

/** Keys the walk looks for: entries [group u8, slot u8, length u8, bytes…], a 0 group ends them. */
const DICTIONARY: usize = 1536;
const G_ENTRY_MATERIAL: u32 = 1;
const G_CHANGE_MATERIAL: u32 = 2;
const G_REDUCED: u32 = 3;
const G_TAG: u32 = 4;
const G_CHANGE: u32 = 5;

/** Per digest material slot: start, end (-1: absent), 1 when canonical. */
const MATERIAL: usize = 94208;
const MATERIAL_SLOTS: usize = 16;
/** Keys of the entry and of its `change` seen so far (start, end), to refuse repeats. */
const ENTRY_KEYS: usize = 94464;
const CHANGE_KEYS: usize = 94976;
const MAX_KEYS: i32 = 64;
/** Per reduced object (slots of G_REDUCED): first row, row count, present. */
const OBJECTS: usize = 95488;
const BEFORE: i32 = 0;
const AFTER: i32 = 1;
const UNKNOWN: i32 = 4;
const REDUCED_OBJECTS: i32 = 5;
/** The walk's results: end of the text in OUT, first result row, result rows. */
const ENTRY_RESULT: usize = 95616;
/** Where each group's keys start in the dictionary (i32 per group, -1: none): see indexDictionary. */
const GROUP_STARTS: usize = 95680;
const GROUPS: u32 = 8;

const OUT: usize = 131072;
const OUT_END: usize = OUT + (1 << 20);
/** Members of the reduced objects (24 bytes: key start, end, value start, end, canonical), then the comparison results (7 × i32). */
const ROWS: usize = OUT_END;
const ROWS_END: usize = ROWS + (1 << 20);
const ROW: usize = 24;
const RESULT_ROW: usize = 28;
const MAX_MEMBERS: i32 = 512;
const CHANGED: i32 = 1;
const UNDECIDED: i32 = 2;

const FAILED: i32 = -1;
const FALLBACK: i32 = -3;

/** Why a walk step returned 0: FAILED (RESULT says where) or FALLBACK. */
let outcome: i32 = 0;
let out: usize = OUT;
let copied: usize = 0;
let rows: usize = ROWS;
let overflow = false;
let entryKeys: i32 = 0;
let changeKeys: i32 = 0;
let objectCanonical = false;

export function entry(start: usize, end: usize): i32 {
  const saved = begin(end);
  const result = walkEntry(start);
  finish(saved);
  return result;
}

function stop(code: i32): usize {
  outcome = code;
  return 0;
}

function failAt(i: usize, code: i32): usize {
  fail(i, code);
  return stop(FAILED);
}

function walkEntry(start: usize): i32 {
  let i = skipWs(start);
  if (load<u8>(i) != 0x7b) return FALLBACK;
  for (let k: usize = 0; k < MATERIAL_SLOTS; k++) {
    store<i32>(MATERIAL + k * 12, -1);
    store<i32>(MATERIAL + k * 12 + 4, -1);
  }
  for (let r = 0; r < REDUCED_OBJECTS; r++) store<i32>(OBJECTS + <usize>r * 12 + 8, 0);
  out = OUT;
  copied = i;
  rows = ROWS;
  overflow = false;
  entryKeys = 0;
  changeKeys = 0;
  i = members(i, true);
  if (i == 0) return outcome;
  emit(copied, i);
  const results = rows;
  compareAttributes();
  if (overflow) return FALLBACK;
  store<i32>(ENTRY_RESULT, <i32>out);
  store<i32>(ENTRY_RESULT + 4, <i32>results);
  store<i32>(ENTRY_RESULT + 8, <i32>((rows - results) / RESULT_ROW));
  return <i32>i;
}

let keyFrom: usize = 0;
let keyTo: usize = 0;

/** A key without escapes at `i`: its text is [keyFrom, keyTo); returns the index after its closing quote (0: see outcome). */
function readKey(i: usize): usize {
  if (load<u8>(i) != 0x22) return failAt(i, E_KEY);
  keyFrom = i + 1;
  clearEscapes();
  i = skipString(keyFrom);
  if (i == 0) return stop(FAILED);
  keyTo = i - 1;
  return escapesSeen() ? stop(FALLBACK) : i;
}

/** The members of the entry (`top`) or of its `change` object at `i`; returns the end (0: see outcome). */
function members(i: usize, top: bool): usize {
  i = skipWs(i + 1);
  if (load<u8>(i) == 0x7d) return i + 1;
  for (;;) {
    i = readKey(skipWs(i));
    if (i == 0) return 0;
    const ks = keyFrom;
    const ke = keyTo;
    if (!firstTime(top ? ENTRY_KEYS : CHANGE_KEYS, top, ks, ke)) return stop(FALLBACK);
    i = skipWs(i);
    if (load<u8>(i) != 0x3a) return failAt(i, E_COLON);
    i = skipWs(i + 1);
    const vs = i;
    let canonical = false;
    const reduced = top ? -1 : lookup(G_REDUCED, ks, ke);
    if (load<u8>(i) == 0x7b && (top ? lookup(G_CHANGE, ks, ke) >= 0 : reduced >= 0)) {
      i = top ? members(i, false) : reduceObject(reduced, i);
      if (i == 0) return 0;
      canonical = objectCanonical;
    } else {
      const end = scanValue(i, true, false, 0, 0);
      if (end < 0) return stop(FAILED);
      i = <usize>end;
      canonical = load<i32>(RESULT + R_CANONICAL) == 1;
    }
    const slot = lookup(top ? G_ENTRY_MATERIAL : G_CHANGE_MATERIAL, ks, ke);
    if (slot >= 0) {
      const at = MATERIAL + <usize>slot * 12;
      store<i32>(at, <i32>vs);
      store<i32>(at + 4, <i32>i);
      store<i32>(at + 8, canonical ? 1 : 0);
    }
    i = skipWs(i);
    const c = load<u8>(i);
    if (c == 0x2c) {
      i++;
      continue;
    }
    if (c == 0x7d) return i + 1;
    return failAt(i, E_SEPARATOR_OBJECT);
  }
  return unreachable();
}

/**
 * One of `change`'s large objects (`reduced`: its G_REDUCED slot) at `i`: its members become
 * rows, its reduced text goes to OUT in its place. Sets objectCanonical; returns the end.
 */
function reduceObject(reduced: i32, start: usize): usize {
  let canonical = true;
  // Keys in strictly increasing order (as Terraform writes them) can't repeat.
  let sorted = true;
  let i = start + 1;
  if (isWs(load<u8>(i))) {
    canonical = false;
    i = skipWs(i);
  }
  const first = rows;
  let previousStart: usize = 0;
  let previousEnd: usize = 0;
  let more = load<u8>(i) != 0x7d;
  if (!more) i++;
  while (more) {
    if (isWs(load<u8>(i))) {
      canonical = false;
      i = skipWs(i);
    }
    i = readKey(i);
    if (i == 0) return 0;
    const ks = keyFrom;
    const ke = keyTo;
    if (previousEnd != 0 && !keyBefore(previousStart, previousEnd, ks, ke)) canonical = sorted = false;
    previousStart = ks;
    previousEnd = ke;
    if (isWs(load<u8>(i))) {
      canonical = false;
      i = skipWs(i);
    }
    if (load<u8>(i) != 0x3a) return failAt(i, E_COLON);
    i++;
    if (isWs(load<u8>(i))) {
      canonical = false;
      i = skipWs(i);
    }
    const vs = i;
    const end = scanValue(i, true, false, 0, 0);
    if (end < 0) return stop(FAILED);
    i = <usize>end;
    const memberCanonical = load<i32>(RESULT + R_CANONICAL) == 1;
    if (!memberCanonical) canonical = false;
    if (rows + ROW > ROWS_END) return stop(FALLBACK);
    store<i32>(rows, <i32>ks);
    store<i32>(rows + 4, <i32>ke);
    store<i32>(rows + 8, <i32>vs);
    store<i32>(rows + 12, <i32>i);
    store<i32>(rows + 16, memberCanonical ? 1 : 0);
    rows += ROW;
    if (isWs(load<u8>(i))) {
      canonical = false;
      i = skipWs(i);
    }
    const c = load<u8>(i);
    if (c == 0x2c) {
      i++;
      continue;
    }
    if (c == 0x7d) {
      i++;
      more = false;
      continue;
    }
    return failAt(i, E_SEPARATOR_OBJECT);
  }
  const count = <i32>((rows - first) / ROW);
  if (count > MAX_MEMBERS || (!sorted && repeatsAKey(first, count))) return stop(FALLBACK);
  const at = OBJECTS + <usize>reduced * 12;
  store<i32>(at, <i32>first);
  store<i32>(at + 4, count);
  store<i32>(at + 8, 1);
  objectCanonical = canonical;

  // The text up to the object, then the object reduced: `after_unknown` keeps every name and
  // whether its value is `true` (else 0); the others keep their tag maps.
  emit(copied, start);
  copied = i;
  emitByte(0x7b);
  let written = 0;
  for (let k = 0; k < count; k++) {
    const row = first + <usize>k * ROW;
    const ks = <usize>load<i32>(row);
    const ke = <usize>load<i32>(row + 4);
    const vs = <usize>load<i32>(row + 8);
    const ve = <usize>load<i32>(row + 12);
    if (reduced != UNKNOWN && lookup(G_TAG, ks, ke) < 0) continue;
    if (written++ > 0) emitByte(0x2c);
    emit(ks - 1, ke + 1); // "key"
    emitByte(0x3a);
    if (reduced != UNKNOWN) emit(vs, ve);
    else if (isTrue(vs, ve)) emit(ve - 4, ve);
    else emitByte(0x30);
  }
  emitByte(0x7d);
  return i;
}

function isTrue(vs: usize, ve: usize): bool {
  return ve - vs == 4 && load<u8>(vs) == 0x74;
}

/**
 * The top-level attributes of `before` and `after` (both objects) that differ: named in either
 * or in `after_unknown`; changed when unknown after the apply (`true`), on one side only, or not
 * equal. Equal canonical bytes are equal values; values not both canonical are left UNDECIDED.
 * Result rows: kind, key start, key end, before's value start/end, after's value start/end.
 */
function compareAttributes(): void {
  if (load<i32>(OBJECTS + <usize>BEFORE * 12 + 8) == 0 || load<i32>(OBJECTS + <usize>AFTER * 12 + 8) == 0) return;
  const unknownPresent = load<i32>(OBJECTS + <usize>UNKNOWN * 12 + 8) != 0;
  for (let side = 0; side < 3; side++) {
    const object = side == 0 ? BEFORE : side == 1 ? AFTER : UNKNOWN;
    if (object == UNKNOWN && !unknownPresent) break;
    const first = <usize>load<i32>(OBJECTS + <usize>object * 12);
    const count = load<i32>(OBJECTS + <usize>object * 12 + 4);
    for (let k = 0; k < count; k++) {
      const row = first + <usize>k * ROW;
      const ks = <usize>load<i32>(row);
      const ke = <usize>load<i32>(row + 4);
      // Each name once: from the first object that has it.
      if (side >= 1 && find(BEFORE, ks, ke) != 0) continue;
      if (side == 2 && find(AFTER, ks, ke) != 0) continue;
      const b = side == 0 ? row : find(BEFORE, ks, ke);
      const a = side == 1 ? row : find(AFTER, ks, ke);
      const u = unknownPresent ? (side == 2 ? row : find(UNKNOWN, ks, ke)) : 0;
      let kind = 0;
      if (u != 0 && isTrue(<usize>load<i32>(u + 8), <usize>load<i32>(u + 12))) kind = CHANGED;
      else if (b == 0 || a == 0) kind = b != a ? CHANGED : 0;
      else if (load<i32>(b + 16) == 1 && load<i32>(a + 16) == 1) kind = sameValue(b, a) ? 0 : CHANGED;
      else kind = UNDECIDED;
      if (kind == 0) continue;
      if (rows + RESULT_ROW > ROWS_END) {
        overflow = true;
        return;
      }
      store<i32>(rows, kind);
      store<i32>(rows + 4, <i32>ks);
      store<i32>(rows + 8, <i32>ke);
      store<i32>(rows + 12, b == 0 ? -1 : load<i32>(b + 8));
      store<i32>(rows + 16, b == 0 ? -1 : load<i32>(b + 12));
      store<i32>(rows + 20, a == 0 ? -1 : load<i32>(a + 8));
      store<i32>(rows + 24, a == 0 ? -1 : load<i32>(a + 12));
      rows += RESULT_ROW;
    }
  }
}

/** The row of `object` whose key is [ks, ke), or 0. */
function find(object: i32, ks: usize, ke: usize): usize {
  const first = <usize>load<i32>(OBJECTS + <usize>object * 12);
  const count = load<i32>(OBJECTS + <usize>object * 12 + 4);
  for (let k = 0; k < count; k++) {
    const row = first + <usize>k * ROW;
    if (sameBytes(<usize>load<i32>(row), <usize>load<i32>(row + 4), ks, ke)) return row;
  }
  return 0;
}

function sameValue(b: usize, a: usize): bool {
  return sameBytes(<usize>load<i32>(b + 8), <usize>load<i32>(b + 12), <usize>load<i32>(a + 8), <usize>load<i32>(a + 12));
}

function sameBytes(as: usize, ae: usize, bs: usize, be: usize): bool {
  const n = ae - as;
  if (n != be - bs) return false;
  let k: usize = 0;
  for (; k + 8 <= n; k += 8) if (load<u64>(as + k) != load<u64>(bs + k)) return false;
  for (; k < n; k++) if (load<u8>(as + k) != load<u8>(bs + k)) return false;
  return true;
}

/** Whether two of the `count` rows from `first` have the same key. */
function repeatsAKey(first: usize, count: i32): bool {
  for (let x = 1; x < count; x++) {
    const row = first + <usize>x * ROW;
    const ks = <usize>load<i32>(row);
    const ke = <usize>load<i32>(row + 4);
    for (let y = 0; y < x; y++) {
      const other = first + <usize>y * ROW;
      if (sameBytes(<usize>load<i32>(other), <usize>load<i32>(other + 4), ks, ke)) return true;
    }
  }
  return false;
}

/** Notes a key of the entry or of `change`; false when it came before (or there are too many). */
function firstTime(list: usize, top: bool, ks: usize, ke: usize): bool {
  const seen = top ? entryKeys : changeKeys;
  if (seen >= MAX_KEYS) return false;
  for (let k = 0; k < seen; k++) {
    const at = list + <usize>k * 8;
    if (sameBytes(<usize>load<i32>(at), <usize>load<i32>(at + 4), ks, ke)) return false;
  }
  const at = list + <usize>seen * 8;
  store<i32>(at, <i32>ks);
  store<i32>(at + 4, <i32>ke);
  if (top) entryKeys++;
  else changeKeys++;
  return true;
}

/**
 * Notes where each group of the dictionary starts, once the JavaScript side has written it;
 * false when a group's keys are not together (lookup reads only its own group's run).
 */
export function indexDictionary(): bool {
  for (let g: u32 = 0; g < GROUPS; g++) store<i32>(GROUP_STARTS + ((<usize>g) << 2), -1);
  let previous: u32 = 0;
  let d = DICTIONARY;
  for (;;) {
    const g = <u32>load<u8>(d);
    if (g == 0) return true;
    if (g >= GROUPS) return false;
    if (g != previous) {
      if (load<i32>(GROUP_STARTS + ((<usize>g) << 2)) >= 0) return false;
      store<i32>(GROUP_STARTS + ((<usize>g) << 2), <i32>d);
      previous = g;
    }
    d += 3 + <usize>load<u8>(d + 2);
  }
  return unreachable();
}

/** The slot of the key [ks, ke) in `group` of the dictionary, or -1. */
function lookup(group: u32, ks: usize, ke: usize): i32 {
  const start = load<i32>(GROUP_STARTS + ((<usize>group) << 2));
  if (start < 0) return -1;
  const length = ke - ks;
  let d = <usize>start;
  for (;;) {
    if (<u32>load<u8>(d) != group) return -1;
    const n = <usize>load<u8>(d + 2);
    if (n == length && sameBytes(d + 3, d + 3 + n, ks, ke)) return <i32>load<u8>(d + 1);
    d += 3 + n;
  }
  return unreachable();
}

function emit(from: usize, to: usize): void {
  const n = to - from;
  if (out + n > OUT_END) {
    overflow = true;
    return;
  }
  memory.copy(out, from, n);
  out += n;
}

function emitByte(c: u8): void {
  if (out + 1 > OUT_END) {
    overflow = true;
    return;
  }
  store<u8>(out, c);
  out++;
}
