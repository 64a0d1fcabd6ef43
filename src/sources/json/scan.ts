import { arenaOf, type ScanArena } from './scan-arena.js';

/**
 * A validating JSON scanner over UTF-8 bytes that builds nothing: it checks the full RFC 8259
 * grammar (strings and their escapes, numbers, literals, nesting, commas) and returns where
 * values end, so a reader can `JSON.parse` only the parts it needs and still refuse a document
 * that is malformed anywhere. The scanning runs in WebAssembly (wasm/json-scan.as.ts, about
 * 0.5 ns a byte: string bodies 16 bytes at a time), over bytes held in a ScanArena; this module
 * turns its results into offsets and errors, and keeps the small steps a reader takes between
 * values. A scan can stop where a window of a stream ends and go on with the next. The bytes
 * must already be valid UTF-8 (checked natively by the caller).
 */

/** Bytes that are not JSON, with the offset where that became clear. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    /** The input ended before the value did: the file looks truncated. */
    readonly truncated: boolean,
    what: string,
  ) {
    super(what);
  }
}

const WS = new Uint8Array(256);
WS[0x20] = WS[0x0a] = WS[0x0d] = WS[0x09] = 1;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const CLOSE_OBJECT = 0x7d;

/** Containers open at once; a plan nests a few dozen deep, JSON.parse stops near 10 000. */
export const MAX_DEPTH = 10_000;

function fail(b: Uint8Array, i: number, what: string): never {
  if (i >= b.length) throw new JsonSyntaxError(b.length, true, 'unexpected end of input');
  throw new JsonSyntaxError(i, false, what);
}

export function skipWhitespace(b: Uint8Array, i: number): number {
  while (WS[b[i]!] === 1) i++;
  return i;
}

// The scanner's result slots and error codes (wasm/json-scan.as.ts).
const E_END = 1;
const E_ESCAPE = 2;
const E_CONTROL = 3;
const E_MINUS = 4;
const E_DECIMAL = 6;
const E_EXPONENT = 7;
const E_KEY = 8;
const E_COLON = 9;
const E_SEPARATOR_OBJECT = 10;
const E_SEPARATOR_ARRAY = 11;
const E_DEPTH = 12;
const R_ERROR_AT = 0;
const R_ERROR_CODE = 1;
const R_SAFE_AT = 3;
const R_SAFE_EXPECT = 4;
const R_SAFE_DEPTH = 5;
const FAILED = -1;
const SUSPENDED = -2;

/** The scanner's failure as an error with offsets in `b`. */
export function scanError(arena: ScanArena, b: Uint8Array): JsonSyntaxError {
  const at = arena.results[R_ERROR_AT]! - b.byteOffset;
  const code = arena.results[R_ERROR_CODE]!;
  if (code === E_END || at >= b.length) return new JsonSyntaxError(b.length, true, 'unexpected end of input');
  return new JsonSyntaxError(at, false, errorText(code, b, at));
}

/** What is wrong at `at`, in words: the scanner's error codes, and the same for the steps taken here. */
function errorText(code: number, b: Uint8Array, at: number): string {
  switch (code) {
    case E_ESCAPE:
      return 'invalid escape in a string';
    case E_CONTROL:
      return 'control character in a string';
    case E_MINUS:
      return 'a minus sign without digits';
    case E_DECIMAL:
      return 'no digits after a decimal point';
    case E_EXPONENT:
      return 'no digits in an exponent';
    case E_KEY:
      return `expected a quoted key, found ${describeByte(b, at)}`;
    case E_COLON:
      return `expected ":" after a key, found ${describeByte(b, at)}`;
    case E_SEPARATOR_OBJECT:
      return `expected "," or "}", found ${describeByte(b, at)}`;
    case E_SEPARATOR_ARRAY:
      return `expected "," or "]", found ${describeByte(b, at)}`;
    case E_DEPTH:
      return `nested deeper than ${MAX_DEPTH} levels`;
    default:
      return `expected a value, found ${describeByte(b, at)}`;
  }
}

/** `i` is just after an opening quote; returns the index just after the closing one. */
function skipStringBody(b: Uint8Array, i: number): number {
  const arena = arenaOf(b);
  const end = arena.scanner.string(b.byteOffset + i, b.byteOffset + b.length);
  if (end === FAILED) throw scanError(arena, b);
  return end - b.byteOffset;
}

/**
 * Validates one JSON value starting at `i` (leading whitespace allowed) and returns the index
 * just after it. `b` must be a view from a ScanArena (the scanner runs in WebAssembly).
 */
export function skipValue(b: Uint8Array, i: number): number {
  const arena = arenaOf(b);
  const end = arena.scanner.scan(b.byteOffset + i, b.byteOffset + b.length, false, 0, 0);
  if (end === FAILED) throw scanError(arena, b);
  return end - b.byteOffset;
}

/** What a value scan expects at a point where it can stop and go on later. */
const EXPECT_VALUE = 0;
const EXPECT_AFTER = 1;

/**
 * Where a scan that ran out of bytes can go on once more bytes follow: the start of a token
 * it can re-read whole, what it expected there, and the containers open around it.
 */
export interface ScanSuspension {
  readonly at: number;
  readonly expect: typeof EXPECT_VALUE | typeof EXPECT_AFTER;
  readonly containers: Uint8Array;
}

let suspension: ScanSuspension | undefined;

/**
 * `skipValue` over bytes that may stop before the value ends (a window of a stream): returns
 * the value's end, or -1 when the bytes ran out first — then `lastSuspension()` says where to go
 * on (`resume`, with the bytes from `at` on and more after them). Only a truncation suspends;
 * anything malformed throws as in `skipValue`.
 */
export function skipValueResumable(b: Uint8Array, i: number, resume: ScanSuspension = START): number {
  const arena = arenaOf(b);
  arena.stack.set(resume.containers);
  const end = arena.scanner.scan(b.byteOffset + i, b.byteOffset + b.length, true, resume.containers.length, resume.expect);
  if (end === FAILED) throw scanError(arena, b);
  if (end === SUSPENDED) {
    const { results } = arena;
    suspension = {
      at: results[R_SAFE_AT]! - b.byteOffset,
      expect: results[R_SAFE_EXPECT] === EXPECT_AFTER ? EXPECT_AFTER : EXPECT_VALUE,
      containers: arena.stack.slice(0, results[R_SAFE_DEPTH]!),
    };
    return -1;
  }
  return end - b.byteOffset;
}

const START: ScanSuspension = { at: 0, expect: EXPECT_VALUE, containers: new Uint8Array(0) };

export function lastSuspension(): ScanSuspension {
  return suspension!;
}

/**
 * `"key"` at `i` (after whitespace), then `:`: returns where the member's value starts (after
 * whitespace); `lastKey()` is the key.
 */
export function readKeyColon(b: Buffer, i: number): number {
  i = skipWhitespace(b, i);
  if (b[i] !== QUOTE) fail(b, i, errorText(E_KEY, b, i));
  const keyEnd = skipStringBody(b, i + 1);
  memberKey = decodeKey(b, i, keyEnd);
  i = skipWhitespace(b, keyEnd);
  if (b[i] !== COLON) fail(b, i, errorText(E_COLON, b, i));
  return skipWhitespace(b, i + 1);
}
let memberKey = '';

export function lastKey(): string {
  return memberKey;
}

/** The byte at `i`, or a truncation when the bytes end before it. */
export function byteAt(b: Uint8Array, i: number): number {
  if (i >= b.length) fail(b, i, 'unexpected end of input');
  return b[i]!;
}

/** After a member or element at `i`: the index of the `,` or the closing byte that follows. */
export function separatorAt(b: Uint8Array, i: number, close: number): number {
  i = skipWhitespace(b, i);
  const c = byteAt(b, i);
  if (c !== COMMA && c !== close) fail(b, i, errorText(close === CLOSE_OBJECT ? E_SEPARATOR_OBJECT : E_SEPARATOR_ARRAY, b, i));
  return i;
}

/** Checks nothing but whitespace follows the document's value. */
export function expectEnd(b: Uint8Array, i: number): void {
  i = skipWhitespace(b, i);
  if (i < b.length) fail(b, i, `found ${describeByte(b, i)} after the end of the document`);
}

/** The text of a key without escapes whose characters are bytes [start, end) of `b`. */
export function keyText(b: Buffer, start: number, end: number): string {
  return decodeKey(b, start - 1, end + 1);
}

/**
 * The text of the key whose quotes are at `quote` and `end - 1`. Plans repeat the same few
 * hundred keys millions of times: short ASCII keys are looked up by a hash of their bytes and
 * shared, which spares a decode and an allocation per key.
 */
function decodeKey(b: Buffer, quote: number, end: number): string {
  let hash = 0;
  let ascii = true;
  let keyEscaped = false;
  for (let k = quote + 1; k < end - 1; k++) {
    const c = b[k]!;
    if (c === 0x5c) keyEscaped = true;
    if (c >= 0x80) ascii = false;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (keyEscaped) return JSON.parse(b.toString('utf8', quote, end)) as string;
  const length = end - 1 - (quote + 1);
  if (!ascii || length > 40) return b.toString('utf8', quote + 1, end - 1);
  const slot = (hash ^ (hash >>> 15)) & (KEY_CACHE_SIZE - 1);
  const known = keyCache[slot];
  if (known !== undefined && known.length === length) {
    let same = true;
    for (let k = 0; k < length && same; k++) same = known.charCodeAt(k) === b[quote + 1 + k];
    if (same) return known;
  }
  const key = b.toString('latin1', quote + 1, end - 1);
  keyCache[slot] = key;
  return key;
}
const KEY_CACHE_SIZE = 4096;
const keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_CACHE_SIZE).fill(undefined);

/**
 * What kind of byte is at `i`, quoting it only when it is JSON punctuation: a letter or digit
 * there can be the first of a sensitive value's bytes.
 */
function describeByte(b: Uint8Array, i: number): string {
  if (i >= b.length) return 'the end of input';
  const c = b[i]!;
  if (PUNCTUATION.includes(c)) return `"${String.fromCharCode(c)}"`;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'a letter';
  if (c >= 0x30 && c <= 0x39) return 'a digit';
  return c < 0x20 || c === 0x7f ? 'a control character' : 'another character';
}
const PUNCTUATION = Buffer.from('{}[],:"');

/** "line 3, column 14" for an offset (columns count bytes, from 1). */
export function lineAndColumn(b: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let k = b.indexOf(0x0a); k !== -1 && k < offset; k = b.indexOf(0x0a, k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
