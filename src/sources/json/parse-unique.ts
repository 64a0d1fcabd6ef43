import { readKeyColon, lastKey, separatorAt, skipValue, skipWhitespace } from './scan.js';

/**
 * A JSON value built from bytes as `JSON.parse` builds it, except that a key repeated in an
 * object is refused: `JSON.parse` keeps the last copy without a word, so two readers of the
 * same bytes (or a reviewer and the gate) could disagree on what they say. Iterative (an
 * explicit stack), so nesting as deep as the scanner allows cannot overflow the call stack.
 * `b` must be a ScanArena view holding the whole value (the scanner validates as it goes).
 */

/** A key found twice in one object; `path` leads to that object from the value's root. */
export class RepeatedKeyError extends Error {
  constructor(
    readonly key: string,
    readonly path: readonly (string | number)[],
  ) {
    super('repeated key');
  }
}

const NONE: ReadonlySet<string> = new Set();
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly close: number;
  readonly seen?: Set<string>;
  /** The member's key, or the element's index, the next value goes to. */
  slot: string | number;
}

/**
 * The value starting at `start` (after whitespace) and the index just after it. The values of
 * members named in `whole` are built by `JSON.parse` at once (raw parts a reader keeps as they
 * are: faster, and their repeated keys are not looked for).
 */
export function parseUniqueKeys(b: Buffer, start: number, whole: ReadonlySet<string> = NONE): { value: unknown; end: number } {
  const stack: Frame[] = [];
  let i = skipWhitespace(b, start);
  for (;;) {
    let value: unknown;
    const c = b[i];
    const top = stack[stack.length - 1];
    if ((c === OPEN_OBJECT || c === OPEN_ARRAY) && !(top?.seen !== undefined && whole.has(top.slot as string))) {
      const close = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
      const container: Record<string, unknown> | unknown[] = c === OPEN_OBJECT ? {} : [];
      const first = skipWhitespace(b, i + 1);
      if (b[first] !== close) {
        const frame: Frame = c === OPEN_OBJECT ? { value: container, close, seen: new Set(), slot: '' } : { value: container, close, slot: 0 };
        stack.push(frame);
        i = frame.seen !== undefined ? memberValue(b, first, frame, stack) : first;
        continue;
      }
      value = container;
      i = first + 1;
    } else {
      const end = skipValue(b, i);
      // A string without escapes is its bytes (the common case, and the cheap one); the rest as JSON.parse reads it.
      value = c === QUOTE && b.subarray(i + 1, end - 1).indexOf(BACKSLASH) < 0 ? b.toString('utf8', i + 1, end - 1) : JSON.parse(b.toString('utf8', i, end));
      i = end;
    }
    // Put the value in its container; close the containers that end here.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return { value, end: i };
      put(top, value);
      const separator = separatorAt(b, i, top.close);
      if (b[separator] !== top.close) {
        const next = skipWhitespace(b, separator + 1);
        if (top.seen !== undefined) i = memberValue(b, next, top, stack);
        else {
          top.slot = (top.slot as number) + 1;
          i = next;
        }
        break;
      }
      stack.pop();
      value = top.value;
      i = separator + 1;
    }
  }
}

/** Reads the member's key at `i` into the frame (refusing a repeat); returns where its value starts. */
function memberValue(b: Buffer, i: number, frame: Frame, stack: readonly Frame[]): number {
  const valueAt = readKeyColon(b, i);
  const key = lastKey();
  if (frame.seen!.has(key)) throw new RepeatedKeyError(key, stack.slice(0, -1).map((f) => f.slot));
  frame.seen!.add(key);
  frame.slot = key;
  return valueAt;
}

function put(frame: Frame, value: unknown): void {
  if (Array.isArray(frame.value)) {
    frame.value.push(value);
    return;
  }
  // `JSON.parse` makes "__proto__" an own property; an assignment would set the prototype.
  if (frame.slot === '__proto__') Object.defineProperty(frame.value, '__proto__', { value, writable: true, enumerable: true, configurable: true });
  else frame.value[frame.slot as string] = value;
}

/**
 * `parseUniqueKeys` for the value in bytes [start, end), the fast way when no key repeats (as
 * Terraform writes it): `JSON.parse` builds it, and when the value has as many members as its
 * bytes have — a `:` outside strings starts each, and a repeated key is one member fewer once
 * parsed — nothing repeated. Otherwise (or when `JSON.parse` gives up on deep nesting),
 * `parseUniqueKeys` builds it again, refusing a repeat where `whole` doesn't allow one.
 */
export function parseRefusingRepeats(b: Buffer, start: number, end: number, whole: ReadonlySet<string> = NONE): unknown {
  let value: unknown;
  try {
    value = JSON.parse(b.toString('utf8', start, end));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return parseUniqueKeys(b, start, whole).value;
  }
  return membersIn(value) === colonsOutsideStrings(b, start, end) ? value : parseUniqueKeys(b, start, whole).value;
}

/** Every member of every object in a parsed value (iterative: nesting can be deep). */
function membersIn(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const element of v) if (typeof element === 'object' && element !== null) pending.push(element);
      continue;
    }
    for (const key of Object.keys(v)) {
      count++;
      const member = (v as Record<string, unknown>)[key];
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return count;
}

const COLON = 0x3a;

/** The `:` bytes of valid JSON outside its strings: one per object member. */
function colonsOutsideStrings(b: Buffer, start: number, end: number): number {
  let count = 0;
  let i = start;
  while (i < end) {
    let quote = b.indexOf(QUOTE, i);
    if (quote < 0 || quote >= end) quote = end;
    for (let k = i; k < quote; k++) if (b[k] === COLON) count++;
    if (quote === end) break;
    // The closing quote: the next one not escaped (preceded by an even run of backslashes).
    let close = quote;
    for (;;) {
      close = b.indexOf(QUOTE, close + 1);
      let backslashes = 0;
      while (b[close - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    i = close + 1;
  }
  return count;
}

