import { InputError } from '../../core/errors.js';
import { ScanArena } from '../json/scan-arena.js';
import {
  byteAt,
  expectEnd,
  JsonSyntaxError,
  lastKey,
  lastSuspension,
  readKeyColon,
  separatorAt,
  skipValue,
  skipValueResumable,
  skipWhitespace,
  type ScanSuspension,
} from '../json/scan.js';
import { ResourceChangeCollector } from './normalize.js';
import { readEntry, type TakeEntry } from './read-entry.js';
import { CONFIGURATION_KEY, ENVELOPE_KEYS, jsonPathText, quotedKey, RAW_CONFIGURATION_VALUES } from './read-paths.js';
import { parseUniqueKeys, RepeatedKeyError } from '../json/parse-unique.js';
import { shared, type Keep } from './values.js';

/** Stands for a part of the plan that was validated but not built (Steer never reads it). */
export const SKIPPED: Readonly<Record<string, never>> = Object.freeze({});

/** What the reader builds: the plan without `resource_changes`, and those, collected. */
export interface PlanFromBytes {
  readonly doc: Record<string, unknown>;
  /** Present when `resource_changes` is an array: its entries, validated, normalized and hashed. */
  readonly changes?: ResourceChangeCollector;
}

/** The input bytes still needed: `bytes[0]` is byte `base` of the input; `ended` when no more follow. */
export interface ByteWindow {
  bytes: Buffer;
  base: number;
  ended: boolean;
}

/** What the reader yields when the window ends too soon: the first input offset it still needs. */
type NeedMore = number;
type Reading<T> = Generator<NeedMore, T, void>;

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * A Terraform JSON plan from UTF-8 bytes, building only what Steer reads (see read-paths.ts):
 * the whole document is validated as JSON by the scanner, while `JSON.parse` runs on the
 * envelope keys, `configuration` (refusing repeated keys in it) and each `resource_changes` entry (reduced,
 * collected and dropped one at a time, see read-entry.ts). `planned_values`, `prior_state` and
 * the rest — usually more than half of a plan — are never built. `win.bytes` is always a view of
 * a ScanArena (the scanner's WebAssembly memory); the drivers below put the input there.
 *
 * One reader serves whole files and streams: it reads through `win` and, when the bytes end
 * before a step does and more may follow, yields the offset from which it still needs them; the
 * driver appends more and the step runs again (a large skipped value goes on where its scan
 * stopped). Returns undefined when the document is not a Terraform plan (no `format_version`).
 * Throws JsonSyntaxError (offsets in the window) on malformed bytes; an invalid entry is reported
 * only once the whole document is known to be JSON.
 */
export function* planReader(win: ByteWindow, file: string, keep: Keep): Reading<PlanFromBytes | undefined> {
  const at = (offset: number): number => offset - win.base;
  const offsetOf = (i: number): number => i + win.base;

  /** Runs a step; when the bytes end before it does, asks for more from `keepFrom` on and runs it again. */
  function* step<T>(keepFrom: number, run: () => T): Reading<T> {
    for (;;) {
      try {
        return run();
      } catch (e) {
        if (!(e instanceof JsonSyntaxError) || !e.truncated || win.ended) throw e;
      }
      yield keepFrom;
    }
  }
  /** Where the next token starts at or after `offset` (there must be one). */
  const tokenAt = (offset: number): Reading<number> =>
    step(offset, () => {
      const i = skipWhitespace(win.bytes, at(offset));
      byteAt(win.bytes, i);
      return offsetOf(i);
    });
  const byte = (offset: number): number => win.bytes[at(offset)]!;
  /** A small value, validated and parsed; returns its end. */
  function* small(offset: number, into: (value: unknown) => void): Reading<number> {
    const end = yield* step(offset, () => offsetOf(skipValue(win.bytes, at(offset))));
    into(JSON.parse(win.bytes.toString('utf8', at(offset), at(end))));
    return end;
  }
  /** A value built whole, refusing a key repeated in its objects (but the raw values'); returns its end. */
  function* unique(offset: number, name: string, into: (value: unknown) => void): Reading<number> {
    const end = yield* step(offset, () => offsetOf(skipValue(win.bytes, at(offset))));
    try {
      into(parseUniqueKeys(win.bytes, at(offset), RAW_CONFIGURATION_VALUES).value);
    } catch (e) {
      if (!(e instanceof RepeatedKeyError)) throw e;
      throw new InputError(file, `not a valid Terraform plan: duplicate key ${quotedKey(e.key)} in ${jsonPathText(name, e.path)}`);
    }
    return end;
  }
  /** A value of any size, validated a window at a time; returns its end. */
  function* skip(offset: number): Reading<number> {
    let from = offset;
    let resume: ScanSuspension | undefined;
    for (;;) {
      const end = skipValueResumable(win.bytes, at(from), resume);
      if (end >= 0) return offsetOf(end);
      if (win.ended) throw new JsonSyntaxError(win.bytes.length, true, 'unexpected end of input');
      resume = lastSuspension();
      from = offsetOf(resume.at);
      yield from;
    }
  }
  /**
   * The members (`close` = `}`) or elements (`]`) of the container whose first byte is at
   * `offset`; `each` reads one value and returns its end. Returns the container's end.
   */
  function* members(offset: number, close: number, each: (key: string, valueAt: number) => Reading<number>): Reading<number> {
    let next = yield* tokenAt(offset + 1);
    if (byte(next) === close) return next + 1;
    for (;;) {
      const memberAt = next;
      const afterColon = close === CLOSE_OBJECT ? yield* step(memberAt, () => offsetOf(readKeyColon(win.bytes, at(memberAt)))) : memberAt;
      const key = close === CLOSE_OBJECT ? lastKey() : '';
      const valueAt = yield* tokenAt(afterColon);
      const end = yield* each(key, valueAt);
      const separator = yield* step(end, () => offsetOf(separatorAt(win.bytes, at(end), close)));
      if (byte(separator) === close) return separator + 1;
      next = yield* tokenAt(separator + 1);
    }
  }
  /**
   * The entries of the array at `offset`, read one after another while the window holds them
   * (the plan's hot loop: no step per entry); when it runs out, asks for more and goes on from
   * the entry — or the separator — it stopped in. An entry is taken once, when read whole.
   */
  function* entries(offset: number, take: TakeEntry): Reading<number> {
    let next = yield* tokenAt(offset + 1);
    if (byte(next) === CLOSE_ARRAY) return next + 1;
    let separatorDue = false;
    for (;;) {
      try {
        for (;;) {
          if (separatorDue) {
            const separator = separatorAt(win.bytes, at(next), CLOSE_ARRAY);
            if (win.bytes[separator] === CLOSE_ARRAY) return offsetOf(separator) + 1;
            const entryStart = skipWhitespace(win.bytes, separator + 1);
            byteAt(win.bytes, entryStart);
            next = offsetOf(entryStart);
            separatorDue = false;
          }
          next = offsetOf(readEntry(win.bytes, at(next), take));
          separatorDue = true;
        }
      } catch (e) {
        if (!(e instanceof JsonSyntaxError) || !e.truncated || win.ended) throw e;
      }
      yield next;
    }
  }
  const once = (seen: Set<string>, key: string, where: string): void => {
    if (seen.has(key)) throw new InputError(file, `not a valid Terraform plan: duplicate key ${quotedKey(key)}${where}`);
    seen.add(key);
  };

  const start = yield* tokenAt(0);
  if (byte(start) !== OPEN_OBJECT) {
    yield* documentEnd(yield* skip(start));
    return undefined;
  }
  const values = new Map<string, unknown>();
  const skipped = new Set<string>();
  let changes: ResourceChangeCollector | undefined;
  let invalidEntry: unknown;
  const topKeys = new Set<string>();

  const end = yield* members(start, CLOSE_OBJECT, function* (key, valueAt) {
    once(topKeys, key, '');
    const first = byte(valueAt);
    if (key === 'resource_changes' && first === OPEN_ARRAY) {
      const collector = new ResourceChangeCollector(file, keep);
      changes = collector;
      const take: TakeEntry = (raw, spans, changed) => {
        if (invalidEntry !== undefined) return;
        try {
          collector.add(raw, spans, changed);
        } catch (e) {
          invalidEntry = e;
        }
      };
      return yield* entries(valueAt, take);
    }
    if (key === CONFIGURATION_KEY) return yield* unique(valueAt, key, (value) => values.set(key, value));
    if (key === 'resource_changes' || ENVELOPE_KEYS.has(key)) return yield* small(valueAt, (value) => values.set(key, value));
    skipped.add(key);
    return yield* skip(valueAt);
  });
  yield* documentEnd(end);

  const version = values.get('format_version') ?? values.get('plan_format_version');
  if (typeof version !== 'string') return undefined;
  if (invalidEntry !== undefined) throw invalidEntry;
  const doc: Record<string, unknown> = Object.fromEntries(values);
  for (const key of skipped) doc[key] = SKIPPED;
  if (changes !== undefined) doc.resource_changes = SKIPPED;
  return { doc, ...(changes !== undefined ? { changes } : {}) };

  /** Nothing but whitespace may follow the document, up to the end of the input. */
  function* documentEnd(offset: number): Reading<void> {
    let from = offset;
    for (;;) {
      const i = skipWhitespace(win.bytes, at(from));
      if (i < win.bytes.length) expectEnd(win.bytes, i);
      if (win.ended) return;
      from = offsetOf(i);
      yield from;
    }
  }
}

/** The reader over a whole document in memory, straight through. */
export function readTerraformPlanBytes(bytes: Buffer, file: string): PlanFromBytes | undefined {
  const reading = planReader({ bytes: ScanArena.holding(bytes), base: 0, ended: true }, file, shared).next();
  if (!reading.done) throw new Error('the plan reader asked for more of a complete input');
  return reading.value;
}

/**
 * The same, `slice` bytes at a time, awaiting `pause()` in between: the event loop runs, so a
 * progress line keeps ticking on a plan that takes seconds. The windows are growing views of
 * the same bytes: nothing is copied, nothing dropped.
 */
export async function readTerraformPlanInSlices(input: Buffer, file: string, pause: () => Promise<void>, slice = 16 << 20): Promise<PlanFromBytes | undefined> {
  const bytes = ScanArena.holding(input);
  const win: ByteWindow = { bytes: bytes.subarray(0, slice), base: 0, ended: bytes.length <= slice };
  const reader = planReader(win, file, shared);
  let reading = reader.next();
  while (!reading.done) {
    await pause();
    win.bytes = bytes.subarray(0, Math.min(win.bytes.length + slice, bytes.length));
    win.ended = win.bytes.length === bytes.length;
    reading = reader.next();
  }
  return reading.value;
}

/**
 * The reader over a stream: memory holds the window (a step's worth of bytes, at least 1 MB) and
 * the normalized changes, whatever the input's size; `keep` shares the strings that repeat.
 * JsonSyntaxError offsets are offsets in the input.
 */
export async function readTerraformPlanStream(
  chunks: AsyncIterable<Buffer>,
  file: string,
  keep: Keep,
  /** The least a refill reads (tests make it tiny, to stop steps at every byte). */
  readAtLeast = 1 << 20,
): Promise<PlanFromBytes | undefined> {
  const source = chunks[Symbol.asyncIterator]();
  const arena = new ScanArena(readAtLeast);
  const win: ByteWindow = { bytes: arena.view(0), base: 0, ended: false };
  const reader = planReader(win, file, keep);
  try {
    let reading = reader.next();
    while (!reading.done) {
      await fill(win, arena, source, reading.value, readAtLeast);
      reading = reader.next();
    }
    return reading.value;
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new JsonSyntaxError(e.offset + win.base, e.truncated, e.message);
    throw e;
  } finally {
    await source.return?.();
  }
}

/** Drops the bytes before `keepFrom`, then appends at least as many as are kept (so a long step costs linear time). */
async function fill(win: ByteWindow, arena: ScanArena, source: AsyncIterator<Buffer>, keepFrom: number, readAtLeast: number): Promise<void> {
  const kept = win.bytes.length - (keepFrom - win.base);
  const parts: Buffer[] = [];
  let added = 0;
  while (added < Math.max(kept, readAtLeast)) {
    const next = await source.next();
    if (next.done) {
      win.ended = true;
      break;
    }
    parts.push(next.value);
    added += next.value.length;
  }
  win.bytes = arena.refill(win.bytes, keepFrom - win.base, parts);
  win.base = keepFrom;
}
