/**
 * A validating JSON scanner over UTF-8 bytes that builds nothing: it checks the full RFC 8259
 * grammar (strings and their escapes, numbers, literals, nesting, commas) and returns where
 * values end, so a reader can `JSON.parse` only the parts it needs and still refuse a document
 * that is malformed anywhere. About four times faster than `JSON.parse` on the same bytes, with
 * no allocation. It also tells whether a value's bytes are already canonical (RFC 8785), and can
 * stop where a window of a stream ends and go on with the next. The bytes must already be valid
 * UTF-8 (checked natively by the caller).
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
/** Bytes that end the fast run inside a string: the quote, the backslash, control characters. */
const STRING_STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STRING_STOP[c] = 1;
STRING_STOP[0x22] = STRING_STOP[0x5c] = 1;
const HEX = new Uint8Array(256);
for (const ch of '0123456789abcdefABCDEF') HEX[ch.charCodeAt(0)] = 1;
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const ch of '"\\/bfnrt') SIMPLE_ESCAPE[ch.charCodeAt(0)] = 1;
const DIGIT = new Uint8Array(256);
for (const ch of '0123456789') DIGIT[ch.charCodeAt(0)] = 1;

const QUOTE = 0x22;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const IN_OBJECT = 1;
const IN_ARRAY = 2;

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

/** `i` is just after an opening quote; returns the index just after the closing one. */
export function skipStringBody(b: Uint8Array, i: number): number {
  for (;;) {
    while (STRING_STOP[b[i]!] === 0) i++;
    const c = b[i];
    if (c === QUOTE) return i + 1;
    if (c === 0x5c) {
      const e = b[i + 1]!;
      escapesSeen++;
      if (SIMPLE_ESCAPE[e] === 1) {
        i += 2;
        continue;
      }
      if (e === 0x75 && HEX[b[i + 2]!]! & HEX[b[i + 3]!]! & HEX[b[i + 4]!]! & HEX[b[i + 5]!]!) {
        i += 6;
        continue;
      }
      // An escape cut off by the end of input is a truncation, not a bad escape.
      fail(b, i + (e === 0x75 ? 6 : 2) > b.length ? b.length : i, 'invalid escape in a string');
    }
    fail(b, i, 'control character in a string');
  }
}

function skipNumber(b: Uint8Array, i: number): number {
  if (b[i] === 0x2d) i++;
  const first = b[i];
  if (first === 0x30) i++;
  else if (DIGIT[first!] === 1) while (DIGIT[b[++i]!] === 1);
  else fail(b, i, i > 0 && b[i - 1] === 0x2d ? 'a minus sign without digits' : `unexpected ${describeByte(b, i)}`);
  if (b[i] === 0x2e) {
    if (DIGIT[b[++i]!] !== 1) fail(b, i, 'no digits after a decimal point');
    while (DIGIT[b[++i]!] === 1);
  }
  const e = b[i];
  if (e === 0x65 || e === 0x45) {
    const sign = b[++i];
    if (sign === 0x2b || sign === 0x2d) i++;
    if (DIGIT[b[i]!] !== 1) fail(b, i, 'no digits in an exponent');
    while (DIGIT[b[++i]!] === 1);
  }
  return i;
}

function skipLiteral(b: Uint8Array, i: number, word: string): number {
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) fail(b, i + k, `unexpected ${describeByte(b, i + k)}`);
  return i + word.length;
}

/** Where the last key read by `skipKeyAndColon` sits (its text, without the quotes). */
let keyStart = 0;
let keyEnd = 0;

/** Expects `"key":` at `i` (after optional whitespace); returns the index after the colon. */
function skipKeyAndColon(b: Uint8Array, i: number): number {
  if (WS[b[i]!] === 1) {
    nonCanonical = true;
    i = skipWhitespace(b, i);
  }
  if (b[i] !== QUOTE) fail(b, i, `expected a quoted key, found ${describeByte(b, i)}`);
  keyStart = i + 1;
  i = skipStringBody(b, keyStart);
  keyEnd = i - 1;
  if (b[i] !== COLON) {
    nonCanonical = true;
    i = skipWhitespace(b, i);
    if (b[i] !== COLON) fail(b, i, `expected ":" after a key, found ${describeByte(b, i)}`);
  }
  return i + 1;
}

/**
 * True when key a (bytes [as, ae)) sorts strictly before key b in RFC 8785 order (UTF-16 code
 * units). Compared as bytes, which agrees with UTF-16 order while the first difference is ASCII;
 * anything else answers false, which only sends the value to the slow, general path.
 */
function keyBefore(b: Uint8Array, as: number, ae: number, bs: number, be: number): boolean {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const x = b[as + k]!;
    const y = b[bs + k]!;
    if (x !== y) return x < y && y < 0x80;
  }
  return ae - as < be - bs;
}

/** An integer of at most 15 digits other than -0: JSON.stringify writes it back byte for byte. */
function canonicalNumber(b: Uint8Array, start: number, end: number): boolean {
  let k = start;
  if (b[k] === 0x2d) k++;
  let simple = end - k <= 15;
  for (let j = k; simple && j < end; j++) simple = DIGIT[b[j]!] === 1;
  if (simple) return !(b[start] === 0x2d && b[k] === 0x30);
  if (end - start > 64) return false; // no number JavaScript writes back is this long
  let text = '';
  for (let j = start; j < end; j++) text += String.fromCharCode(b[j]!);
  return String(Number(text)) === text;
}

let stack = new Uint8Array(64);
/** The last key seen in the object open at each depth (for the canonical key order). */
let lastKeyStart = new Int32Array(64);
let lastKeyEnd = new Int32Array(64);
let nonCanonical = false;
let escapesSeen = 0;

/**
 * Validates one JSON value starting at `i` (leading whitespace allowed) and returns the index
 * just after it. Iterative, so deep nesting can't overflow the call stack.
 */
export function skipValue(b: Uint8Array, i: number): number {
  return scanValue(b, i, false);
}

let lastCanonical = false;

/**
 * `skipValue`, also telling (through `wasCanonical()`) whether the value's bytes are already its
 * RFC 8785 form — what `JSON.stringify` writes for the parsed value with object keys sorted: no
 * whitespace, no escapes, sorted unique keys, numbers as JavaScript writes them. Terraform
 * writes almost all of its values this way, so they can be hashed without being rebuilt.
 */
export function skipValueCanonical(b: Uint8Array, i: number): number {
  return scanValue(b, i, true);
}

/** Whether the value of the last `skipValueCanonical` call was canonical. */
export function wasCanonical(): boolean {
  return lastCanonical;
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
export function skipValueResumable(b: Uint8Array, i: number, resume?: ScanSuspension): number {
  return scanValue(b, i, false, resume ?? START);
}

const START: ScanSuspension = { at: 0, expect: EXPECT_VALUE, containers: new Uint8Array(0) };

export function lastSuspension(): ScanSuspension {
  return suspension!;
}

function scanValue(b: Uint8Array, i: number, canonical: boolean, resume?: ScanSuspension): number {
  let depth = 0;
  nonCanonical = false;
  const escapesBefore = escapesSeen;
  // The last point to go on from if the bytes run out (resumable scans only).
  let safeAt = i;
  let safeExpect: ScanSuspension['expect'] = EXPECT_VALUE;
  let safeDepth = 0;
  let afterNumber = false;
  let skipValuePart = false;
  try {
    if (resume !== undefined) {
      depth = resume.containers.length;
      while (stack.length < depth) grow(b, i, stack.length);
      stack.set(resume.containers);
      safeDepth = depth;
      safeExpect = resume.expect;
      skipValuePart = resume.expect === EXPECT_AFTER;
    } else i = skipWhitespace(b, i);
    for (;;) {
      if (skipValuePart) skipValuePart = false;
      else {
        safeAt = i;
        safeExpect = EXPECT_VALUE;
        safeDepth = depth;
        // A value.
        if (WS[b[i]!] === 1) {
          nonCanonical = true;
          i = skipWhitespace(b, i);
        }
        const c = b[i];
        if (c === QUOTE) i = skipStringBody(b, i + 1);
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          i++;
          if (WS[b[i]!] === 1) {
            nonCanonical = true;
            i = skipWhitespace(b, i);
          }
          const close = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
          // Out of bytes here: whether the container is empty is not known yet.
          if (i >= b.length) fail(b, i, 'unexpected end of input');
          if (b[i] === close) i++;
          else {
            if (depth === stack.length) grow(b, i, depth);
            stack[depth++] = c === OPEN_OBJECT ? IN_OBJECT : IN_ARRAY;
            if (c === OPEN_OBJECT) {
              i = skipKeyAndColon(b, i);
              if (canonical) {
                lastKeyStart[depth - 1] = keyStart;
                lastKeyEnd[depth - 1] = keyEnd;
              }
            }
            continue;
          }
        } else if (c === 0x74) i = skipLiteral(b, i, 'true');
        else if (c === 0x66) i = skipLiteral(b, i, 'false');
        else if (c === 0x6e) i = skipLiteral(b, i, 'null');
        else if (c === 0x2d || DIGIT[c!] === 1) {
          const start = i;
          i = skipNumber(b, i);
          // A number that ends with the bytes may go on in the next ones: no safe point after it.
          afterNumber = true;
          if (canonical && !nonCanonical && !canonicalNumber(b, start, i)) nonCanonical = true;
        } else fail(b, i, `unexpected ${describeByte(b, i)}`);
      }
      // After a value: a comma and the next one, or closing brackets.
      for (;;) {
        if (depth === 0) {
          lastCanonical = canonical && !nonCanonical && escapesSeen === escapesBefore;
          return i;
        }
        if (afterNumber) afterNumber = false;
        else {
          safeAt = i;
          safeExpect = EXPECT_AFTER;
          safeDepth = depth;
        }
        if (WS[b[i]!] === 1) {
          nonCanonical = true;
          i = skipWhitespace(b, i);
        }
        const d = b[i];
        const inside = stack[depth - 1];
        if (d === COMMA) {
          if (inside === IN_OBJECT) {
            i = skipKeyAndColon(b, i + 1);
            if (canonical) {
              if (!keyBefore(b, lastKeyStart[depth - 1]!, lastKeyEnd[depth - 1]!, keyStart, keyEnd)) nonCanonical = true;
              lastKeyStart[depth - 1] = keyStart;
              lastKeyEnd[depth - 1] = keyEnd;
            }
          } else i++;
          break;
        }
        if ((d === CLOSE_OBJECT && inside === IN_OBJECT) || (d === CLOSE_ARRAY && inside === IN_ARRAY)) {
          i++;
          depth--;
          continue;
        }
        fail(b, i, `expected "," or "${inside === IN_OBJECT ? '}' : ']'}", found ${describeByte(b, i)}`);
      }
    }
  } catch (e) {
    if (resume === undefined || !(e instanceof JsonSyntaxError) || !e.truncated) throw e;
    suspension = { at: safeAt, expect: safeExpect, containers: stack.slice(0, safeDepth) };
    return -1;
  }
}

function grow(b: Uint8Array, i: number, depth: number): void {
  if (depth >= MAX_DEPTH) fail(b, i, `nested deeper than ${MAX_DEPTH} levels`);
  const size = Math.min(stack.length * 2, MAX_DEPTH);
  const widen = <T extends Uint8Array | Int32Array>(old: T, fresh: T): T => {
    fresh.set(old);
    return fresh;
  };
  stack = widen(stack, new Uint8Array(size));
  lastKeyStart = widen(lastKeyStart, new Int32Array(size));
  lastKeyEnd = widen(lastKeyEnd, new Int32Array(size));
}

/** One member of an object: its key and where its value starts. */
export type MemberVisitor = (key: string, valueStart: number) => number;

/** Moves past whitespace inside a walked container, counting that it was there. */
function skipInnerWhitespace(b: Uint8Array, i: number): number {
  if (WS[b[i]!] !== 1) return i;
  whitespaceRuns++;
  return skipWhitespace(b, i);
}
let whitespaceRuns = 0;

/**
 * Walks the object at `i`: for each member calls `visit(key, valueStart)`, which validates the
 * value (with `skipValue`, `skipValueCanonical` or a nested walk) and returns where it ends.
 * Returns the object's end; `wasCanonical()` then tells whether the whole object is canonical
 * (which needs every visit to have ended with a canonical value).
 */
export function walkObject(b: Buffer, i: number, visit: MemberVisitor): number {
  const runsBefore = whitespaceRuns;
  let canonical = true;
  i = skipWhitespace(b, i);
  if (b[i] !== OPEN_OBJECT) fail(b, i, `expected an object, found ${describeByte(b, i)}`);
  i = skipInnerWhitespace(b, i + 1);
  if (b[i] === CLOSE_OBJECT) return finishWalk(i + 1, whitespaceRuns === runsBefore);
  let previousKey: string | undefined;
  for (;;) {
    i = readKeyColon(b, i);
    const key = memberKey;
    // JavaScript compares strings by UTF-16 code units: RFC 8785's key order.
    if (keyEscaped || (previousKey !== undefined && !(previousKey < key))) canonical = false;
    previousKey = key;
    i = visit(key, i);
    if (!lastCanonical) canonical = false;
    i = skipInnerWhitespace(b, i);
    if (b[i] === COMMA) {
      i = skipInnerWhitespace(b, i + 1);
      continue;
    }
    if (b[i] === CLOSE_OBJECT) return finishWalk(i + 1, canonical && whitespaceRuns === runsBefore);
    fail(b, i, `expected "," or "}", found ${describeByte(b, i)}`);
  }
}

function finishWalk(end: number, canonical: boolean): number {
  lastCanonical = canonical;
  return end;
}

/**
 * `"key"` at `i` (after whitespace), then `:`: returns where the member's value starts (after
 * whitespace); `lastKey()` is the key.
 */
export function readKeyColon(b: Buffer, i: number): number {
  i = skipInnerWhitespace(b, i);
  if (b[i] !== QUOTE) fail(b, i, `expected a quoted key, found ${describeByte(b, i)}`);
  const keyEnd = skipStringBody(b, i + 1);
  memberKey = decodeKey(b, i, keyEnd);
  i = skipInnerWhitespace(b, keyEnd);
  if (b[i] !== COLON) fail(b, i, `expected ":" after a key, found ${describeByte(b, i)}`);
  return skipInnerWhitespace(b, i + 1);
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
  if (c !== COMMA && c !== close) fail(b, i, `expected "," or "${String.fromCharCode(close)}", found ${describeByte(b, i)}`);
  return i;
}

/** Checks nothing but whitespace follows the document's value. */
export function expectEnd(b: Uint8Array, i: number): void {
  i = skipWhitespace(b, i);
  if (i < b.length) fail(b, i, `unexpected ${describeByte(b, i)} after the end of the document`);
}

/**
 * A key's text (`keyEscaped` tells whether it had escapes). Plans repeat the same few hundred
 * keys millions of times: short ASCII keys are looked up by a hash of their bytes and shared,
 * which spares a decode and an allocation per key.
 */
function decodeKey(b: Buffer, quote: number, end: number): string {
  let hash = 0;
  let ascii = true;
  keyEscaped = false;
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
let keyEscaped = false;

function describeByte(b: Uint8Array, i: number): string {
  if (i >= b.length) return 'the end of input';
  const c = b[i]!;
  return c >= 0x21 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

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
