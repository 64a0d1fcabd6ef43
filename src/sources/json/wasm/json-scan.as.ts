// The JSON value scanner, in AssemblyScript (compiled to WebAssembly with plan-entry.as.ts by
// scripts/build-wasm.mjs; the module is embedded in scanner-module.ts). It validates the full
// RFC 8259 grammar of one value in linear memory and builds nothing; string bodies are crossed
// 16 bytes at a time (SIMD). The JavaScript side (../scan.ts, ../scan-arena.ts) owns the
// memory, turns error codes into messages and keeps the small helpers. Not TypeScript: `usize`,
// `load`, `v128` are AssemblyScript's.
//
// Memory layout (bytes): tables [0, 1280), results [1280, 1536), the plan reader's key
// dictionary [1536, 2048), container stack [2048, 12048), last key of each open object
// [12288, 93248), plan-entry.as.ts's slots [94208, 98304); scratch [131072, SCRATCH_END) for the
// entry walker's output; the bytes scanned start at SCRATCH_END (scan-arena.ts DATA_BASE).
// Every scan stores a 0 sentinel at its end (restored after): no loop reads past it, and the
// 16-byte loads may read at most 15 bytes beyond it (the caller keeps that padding).

const WS: usize = 0;
const STOP: usize = 256;
const HEX: usize = 512;
const ESCAPE: usize = 768;
const DIGIT: usize = 1024;
export const RESULT: usize = 1280;
const STACK: usize = 2048;
const KEY_START: usize = 12288;
const KEY_END: usize = 53248;
const MAX_DEPTH: i32 = 10000;

// RESULT slots (i32): where a scan failed and why, whether the value was canonical, and where a
// resumable scan that ran out of bytes can go on.
const R_ERROR_AT: usize = 0;
const R_ERROR_CODE: usize = 4;
export const R_CANONICAL: usize = 8;
const R_SAFE_AT: usize = 12;
const R_SAFE_EXPECT: usize = 16;
const R_SAFE_DEPTH: usize = 20;

// Error codes (messages in scan.ts). A failure at or past the end is always a truncation.
const E_END: i32 = 1;
const E_ESCAPE: i32 = 2;
const E_CONTROL: i32 = 3;
const E_MINUS: i32 = 4;
const E_UNEXPECTED: i32 = 5;
const E_DECIMAL: i32 = 6;
const E_EXPONENT: i32 = 7;
export const E_KEY: i32 = 8;
export const E_COLON: i32 = 9;
export const E_SEPARATOR_OBJECT: i32 = 10;
const E_SEPARATOR_ARRAY: i32 = 11;
const E_DEPTH: i32 = 12;

const IN_OBJECT: u8 = 1;
const IN_ARRAY: u8 = 2;
const EXPECT_VALUE: i32 = 0;
const EXPECT_AFTER: i32 = 1;

export function init(): void {
  memory.fill(0, 0, 1536);
  store<u8>(WS + 0x20, 1);
  store<u8>(WS + 0x0a, 1);
  store<u8>(WS + 0x0d, 1);
  store<u8>(WS + 0x09, 1);
  for (let c: usize = 0; c < 0x20; c++) store<u8>(STOP + c, 1);
  store<u8>(STOP + 0x22, 1);
  store<u8>(STOP + 0x5c, 1);
  for (let c: usize = 0x30; c <= 0x39; c++) {
    store<u8>(HEX + c, 1);
    store<u8>(DIGIT + c, 1);
  }
  for (let c: usize = 0x61; c <= 0x66; c++) {
    store<u8>(HEX + c, 1);
    store<u8>(HEX + c - 0x20, 1);
  }
  store<u8>(ESCAPE + 0x22, 1);
  store<u8>(ESCAPE + 0x5c, 1);
  store<u8>(ESCAPE + 0x2f, 1);
  store<u8>(ESCAPE + 0x62, 1);
  store<u8>(ESCAPE + 0x66, 1);
  store<u8>(ESCAPE + 0x6e, 1);
  store<u8>(ESCAPE + 0x72, 1);
  store<u8>(ESCAPE + 0x74, 1);
}

/** The end of the bytes being scanned (exclusive); the sentinel sits there. */
let limit: usize = 0;
let errorCode: i32 = 0;
let nonCanonical = false;
let sawEscape = false;
let keyStart: usize = 0;
let keyEnd: usize = 0;

/** Records a failure at `at` (a truncation when at or past the end); returns 0, never a position. */
export function fail(at: usize, code: i32): usize {
  errorCode = at >= limit ? E_END : code;
  store<i32>(RESULT + R_ERROR_AT, <i32>(at >= limit ? limit : at));
  store<i32>(RESULT + R_ERROR_CODE, errorCode);
  return 0;
}

@inline export function isWs(c: u32): bool {
  return load<u8>(WS + c) != 0;
}
@inline function isDigit(c: u32): bool {
  return load<u8>(DIGIT + c) != 0;
}
@inline function isHex(c: u32): u32 {
  return load<u8>(HEX + c);
}

export function skipWs(i: usize): usize {
  while (isWs(load<u8>(i))) i++;
  return i;
}

/** `i` is just after an opening quote; returns the index just after the closing one (0: failed). */
export function skipString(i: usize): usize {
  const quote = i8x16.splat(0x22);
  const backslash = i8x16.splat(0x5c);
  const space = i8x16.splat(0x20);
  for (;;) {
    for (;;) {
      const v = v128.load(i);
      const stops = v128.or(v128.or(i8x16.eq(v, quote), i8x16.eq(v, backslash)), i8x16.lt_u(v, space));
      const bits = i8x16.bitmask(stops);
      if (bits != 0) {
        i += <usize>ctz(bits);
        break;
      }
      i += 16;
    }
    const c = load<u8>(i);
    if (c == 0x22) return i + 1;
    if (c == 0x5c) {
      sawEscape = true;
      const e = load<u8>(i + 1);
      if (load<u8>(ESCAPE + e) != 0) {
        i += 2;
        continue;
      }
      if (e == 0x75 && (isHex(load<u8>(i + 2)) & isHex(load<u8>(i + 3)) & isHex(load<u8>(i + 4)) & isHex(load<u8>(i + 5))) != 0) {
        i += 6;
        continue;
      }
      // An escape cut off by the end of input is a truncation, not a bad escape.
      return fail(i + (e == 0x75 ? 6 : 2) > limit ? limit : i, E_ESCAPE);
    }
    return fail(i, E_CONTROL);
  }
}

function skipNumber(i: usize): usize {
  if (load<u8>(i) == 0x2d) i++;
  const first = load<u8>(i);
  if (first == 0x30) i++;
  else if (isDigit(first)) {
    i++;
    while (isDigit(load<u8>(i))) i++;
  } else return fail(i, E_MINUS);
  if (load<u8>(i) == 0x2e) {
    i++;
    if (!isDigit(load<u8>(i))) return fail(i, E_DECIMAL);
    while (isDigit(load<u8>(i))) i++;
  }
  const e = load<u8>(i);
  if (e == 0x65 || e == 0x45) {
    i++;
    const sign = load<u8>(i);
    if (sign == 0x2b || sign == 0x2d) i++;
    if (!isDigit(load<u8>(i))) return fail(i, E_EXPONENT);
    while (isDigit(load<u8>(i))) i++;
  }
  return i;
}

/** An integer of at most 15 digits other than -0 (JSON.stringify writes it back byte for byte). Anything else counts as not canonical: only slower, never wrong. */
function canonicalNumber(start: usize, end: usize): bool {
  let k = start;
  if (load<u8>(k) == 0x2d) k++;
  if (end - k > 15) return false;
  for (let j = k; j < end; j++) if (!isDigit(load<u8>(j))) return false;
  return !(load<u8>(start) == 0x2d && load<u8>(k) == 0x30);
}

function skipLiteral(i: usize, a: u32, b: u32, c: u32, d: u32, e: u32, length: usize): usize {
  if (load<u8>(i) != a) return fail(i, E_UNEXPECTED);
  if (load<u8>(i + 1) != b) return fail(i + 1, E_UNEXPECTED);
  if (load<u8>(i + 2) != c) return fail(i + 2, E_UNEXPECTED);
  if (load<u8>(i + 3) != d) return fail(i + 3, E_UNEXPECTED);
  if (length == 5 && load<u8>(i + 4) != e) return fail(i + 4, E_UNEXPECTED);
  return i + length;
}

/** Expects `"key":` at `i` (after optional whitespace); returns the index after the colon (0: failed). */
function skipKeyAndColon(i: usize): usize {
  if (isWs(load<u8>(i))) {
    nonCanonical = true;
    i = skipWs(i);
  }
  if (load<u8>(i) != 0x22) return fail(i, E_KEY);
  keyStart = i + 1;
  i = skipString(keyStart);
  if (i == 0) return 0;
  keyEnd = i - 1;
  if (load<u8>(i) != 0x3a) {
    nonCanonical = true;
    i = skipWs(i);
    if (load<u8>(i) != 0x3a) return fail(i, E_COLON);
  }
  return i + 1;
}

/** Key a sorts strictly before key b in RFC 8785 order, compared as bytes while the first difference is ASCII (else false: the slow path). */
export function keyBefore(as: usize, ae: usize, bs: usize, be: usize): bool {
  const la = ae - as;
  const lb = be - bs;
  const n = la < lb ? la : lb;
  for (let k: usize = 0; k < n; k++) {
    const x = load<u8>(as + k);
    const y = load<u8>(bs + k);
    if (x != y) return x < y && y < 0x80;
  }
  return la < lb;
}

/**
 * Scans one JSON value in [start, end). Returns its end (an address), or -1 when it failed
 * (RESULT: where and why), or -2 when a resumable scan ran out of bytes (RESULT: where it can go
 * on, what it expected there and how many containers were open; the stack holds them).
 * `resumable`: go on from `resumeDepth` open containers (on the stack) expecting
 * `resumeExpect`; never skips leading whitespace itself then (the value part does).
 */
export function scan(start: usize, end: usize, resumable: bool, resumeDepth: i32, resumeExpect: i32): i32 {
  const saved = begin(end);
  const result = scanValue(start, false, resumable, resumeDepth, resumeExpect);
  finish(saved);
  return result;
}

/** Starts on bytes that end at `end`: stores the sentinel there and returns the byte it replaced. */
export function begin(end: usize): u8 {
  limit = end;
  errorCode = 0;
  const saved = load<u8>(end);
  store<u8>(end, 0);
  return saved;
}

/** Puts back the byte the sentinel replaced. */
export function finish(saved: u8): void {
  store<u8>(limit, saved);
}

export function clearEscapes(): void {
  sawEscape = false;
}

export function escapesSeen(): bool {
  return sawEscape;
}

/**
 * The scan itself, on bytes `begin` set up. `canonical`: also tell (RESULT R_CANONICAL) whether
 * the bytes are the value's RFC 8785 form — no whitespace, no escapes, sorted unique keys,
 * integers of up to 15 digits (any other number counts as not canonical: slower, never wrong).
 */
export function scanValue(start: usize, canonical: bool, resumable: bool, resumeDepth: i32, resumeExpect: i32): i32 {
  errorCode = 0;
  nonCanonical = false;
  sawEscape = false;
  let i = start;
  let depth: i32 = 0;
  let safeAt = i;
  let safeExpect = EXPECT_VALUE;
  let safeDepth: i32 = 0;
  let afterNumber = false;
  let skipValuePart = false;
  if (resumable) {
    depth = resumeDepth;
    safeDepth = depth;
    safeExpect = resumeExpect;
    skipValuePart = resumeExpect == EXPECT_AFTER;
  } else i = skipWs(i);
  for (;;) {
    if (skipValuePart) skipValuePart = false;
    else {
      safeAt = i;
      safeExpect = EXPECT_VALUE;
      safeDepth = depth;
      if (isWs(load<u8>(i))) {
        nonCanonical = true;
        i = skipWs(i);
      }
      const c = load<u8>(i);
      if (c == 0x22) i = skipString(i + 1);
      else if (c == 0x7b || c == 0x5b) {
        i++;
        if (isWs(load<u8>(i))) {
          nonCanonical = true;
          i = skipWs(i);
        }
        const close: u32 = c == 0x7b ? 0x7d : 0x5d;
        // Out of bytes here: whether the container is empty is not known yet.
        if (i >= limit) i = fail(i, E_END);
        else if (load<u8>(i) == close) i++;
        else {
          if (depth >= MAX_DEPTH) i = fail(i, E_DEPTH);
          else {
            store<u8>(STACK + depth, c == 0x7b ? IN_OBJECT : IN_ARRAY);
            depth++;
            if (c == 0x7b) {
              i = skipKeyAndColon(i);
              if (canonical) {
                store<i32>(KEY_START + (<usize>(depth - 1) << 2), <i32>keyStart);
                store<i32>(KEY_END + (<usize>(depth - 1) << 2), <i32>keyEnd);
              }
            }
            if (i != 0) continue;
          }
        }
      } else if (c == 0x74) i = skipLiteral(i, 0x74, 0x72, 0x75, 0x65, 0, 4);
      else if (c == 0x66) i = skipLiteral(i, 0x66, 0x61, 0x6c, 0x73, 0x65, 5);
      else if (c == 0x6e) i = skipLiteral(i, 0x6e, 0x75, 0x6c, 0x6c, 0, 4);
      else if (c == 0x2d || isDigit(c)) {
        const numberStart = i;
        i = skipNumber(i);
        // A number that ends with the bytes may go on in the next ones: no safe point after it.
        afterNumber = true;
        if (i != 0 && canonical && !nonCanonical && !canonicalNumber(numberStart, i)) nonCanonical = true;
      } else i = fail(i, E_UNEXPECTED);
      if (i == 0) return failed(resumable, safeAt, safeExpect, safeDepth);
    }
    // After a value: a comma and the next one, or closing brackets.
    for (;;) {
      if (depth == 0) {
        store<i32>(RESULT + R_CANONICAL, canonical && !nonCanonical && !sawEscape ? 1 : 0);
        return <i32>i;
      }
      if (afterNumber) afterNumber = false;
      else {
        safeAt = i;
        safeExpect = EXPECT_AFTER;
        safeDepth = depth;
      }
      if (isWs(load<u8>(i))) {
        nonCanonical = true;
        i = skipWs(i);
      }
      const d = load<u8>(i);
      const inside = load<u8>(STACK + <usize>(depth - 1));
      if (d == 0x2c) {
        if (inside == IN_OBJECT) {
          i = skipKeyAndColon(i + 1);
          if (i == 0) return failed(resumable, safeAt, safeExpect, safeDepth);
          if (canonical) {
            const slot = <usize>(depth - 1) << 2;
            if (!keyBefore(<usize>load<i32>(KEY_START + slot), <usize>load<i32>(KEY_END + slot), keyStart, keyEnd)) nonCanonical = true;
            store<i32>(KEY_START + slot, <i32>keyStart);
            store<i32>(KEY_END + slot, <i32>keyEnd);
          }
        } else i++;
        break;
      }
      if ((d == 0x7d && inside == IN_OBJECT) || (d == 0x5d && inside == IN_ARRAY)) {
        i++;
        depth--;
        continue;
      }
      fail(i, inside == IN_OBJECT ? E_SEPARATOR_OBJECT : E_SEPARATOR_ARRAY);
      return failed(resumable, safeAt, safeExpect, safeDepth);
    }
  }
  return unreachable();
}

/** After a failure: -2 with where to go on when a resumable scan merely ran out of bytes, else -1. */
function failed(resumable: bool, safeAt: usize, safeExpect: i32, safeDepth: i32): i32 {
  if (!resumable || errorCode != E_END) return -1;
  store<i32>(RESULT + R_SAFE_AT, <i32>safeAt);
  store<i32>(RESULT + R_SAFE_EXPECT, safeExpect);
  store<i32>(RESULT + R_SAFE_DEPTH, safeDepth);
  return -2;
}

/** A string body from `start` (just after its opening quote) in [start, end): the index after the closing quote, or -1 (RESULT says why). */
export function string(start: usize, end: usize): i32 {
  const saved = begin(end);
  const i = skipString(start);
  finish(saved);
  return i == 0 ? -1 : <i32>i;
}
