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
import { CONFIGURATION_KEY, ENVELOPE_KEYS, jsonPathText, PRIOR_STATE_PATH, quotedKey, RAW_CONFIGURATION_VALUES } from './read-paths.js';
import { DependsOnFinder, readStateResource } from './read-state.js';
import { parseRefusingRepeats, RepeatedKeyError } from '../json/parse-unique.js';
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
 * stopped). Returns the plan — undefined when the document is not a Terraform plan (no `format_version`) — and where the document ends.
 * Throws JsonSyntaxError (offsets in the window) on malformed bytes; an invalid entry is reported
 * only once the whole document is known to be JSON.
 */
function* planReader(win: ByteWindow, file: string, keep: Keep, from: number): Reading<{ plan: PlanFromBytes | undefined; end: number }> {
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
      into(parseRefusingRepeats(win.bytes, at(offset), at(end), RAW_CONFIGURATION_VALUES));
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
  /** Where the value at `offset` ends, when the window holds all of it; -1 when it goes on past the window (nothing is asked for). */
  const endInWindow = (offset: number): number => {
    const end = skipValueResumable(win.bytes, at(offset));
    return end >= 0 ? offsetOf(end) : -1;
  };
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
   * the entry — or the separator — it stopped in. `readOne` reads an entry whole (or throws a
   * truncation) and returns its end: an entry is taken once, when read whole.
   */
  function* entries(offset: number, readOne: (bytes: Buffer, start: number) => number): Reading<number> {
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
          next = offsetOf(readOne(win.bytes, at(next)));
          separatorDue = true;
        }
      } catch (e) {
        if (!(e instanceof JsonSyntaxError) || !e.truncated || win.ended) throw e;
      }
      yield next;
    }
  }
  // Where the next `"depends_on"` is: searched once for all of prior_state's resource arrays (see DependsOnFinder).
  const finder = new DependsOnFinder();
  /** A prior_state module (root_module or one of child_modules): its resources, then its children's. */
  function* stateModule(offset: number, take: (resource: Record<string, unknown>) => void): Reading<number> {
    return yield* members(offset, CLOSE_OBJECT, function* (key, valueAt) {
      if (key === 'resources' && byte(valueAt) === OPEN_ARRAY) {
        // The array validated in one scan when the window holds it whole (all of them, once all
        // bytes are at hand), and walked only if something in it depends on something.
        const end = win.ended ? yield* skip(valueAt) : endInWindow(valueAt);
        if (end >= 0 && !finder.within(win.bytes, at(valueAt), at(end))) return end;
        return yield* entries(valueAt, (bytes, i) => readStateResource(bytes, i, take, finder));
      }
      if (key === 'child_modules' && byte(valueAt) === OPEN_ARRAY) {
        return yield* members(valueAt, CLOSE_ARRAY, (_none, childAt) => (byte(childAt) === OPEN_OBJECT ? stateModule(childAt, take) : skip(childAt)));
      }
      return yield* skip(valueAt);
    });
  }
  const once = (seen: Set<string>, key: string, where: string): void => {
    if (seen.has(key)) throw new InputError(file, `not a valid Terraform plan: duplicate key ${quotedKey(key)}${where}`);
    seen.add(key);
  };

  const start = yield* tokenAt(from);
  if (byte(start) !== OPEN_OBJECT) return { plan: undefined, end: yield* skip(start) };
  const values = new Map<string, unknown>();
  const skipped = new Set<string>();
  let changes: ResourceChangeCollector | undefined;
  // prior_state → values → root_module and its child_modules: each resource's address, type and depends_on.
  let priorResources: Record<string, unknown>[] | undefined;
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
      return yield* entries(valueAt, (bytes, i) => readEntry(bytes, i, take));
    }
    if (key === CONFIGURATION_KEY) return yield* unique(valueAt, key, (value) => values.set(key, value));
    if (key === PRIOR_STATE_PATH[0] && first === OPEN_OBJECT) {
      const resources: Record<string, unknown>[] = [];
      const take = (resource: Record<string, unknown>): void => void resources.push(resource);
      return yield* members(valueAt, CLOSE_OBJECT, function* (key2, at2) {
        if (key2 !== PRIOR_STATE_PATH[1] || byte(at2) !== OPEN_OBJECT) return yield* skip(at2);
        return yield* members(at2, CLOSE_OBJECT, function* (key3, at3) {
          if (key3 !== PRIOR_STATE_PATH[2] || byte(at3) !== OPEN_OBJECT) return yield* skip(at3);
          priorResources = resources;
          return yield* stateModule(at3, take);
        });
      });
    }
    if (key === 'resource_changes' || ENVELOPE_KEYS.has(key)) return yield* small(valueAt, (value) => values.set(key, value));
    skipped.add(key);
    return yield* skip(valueAt);
  });

  const version = values.get('format_version') ?? values.get('plan_format_version');
  if (typeof version !== 'string') return { plan: undefined, end };
  if (invalidEntry !== undefined) throw invalidEntry;
  const doc: Record<string, unknown> = Object.fromEntries(values);
  for (const key of skipped) doc[key] = SKIPPED;
  if (changes !== undefined) doc.resource_changes = SKIPPED;
  // The resources of every module, in one list: the graph reads addresses, which are absolute.
  if (priorResources !== undefined) doc.prior_state = { values: { root_module: { resources: priorResources } } };
  return { plan: { doc, ...(changes !== undefined ? { changes } : {}) }, end };
}

/** One JSON document of the input: where it sits, and the plan when it is a Terraform plan. */
export interface DocumentFromBytes {
  readonly start: number;
  readonly end: number;
  /** Undefined when the document is not a Terraform plan (no `format_version`). */
  readonly plan: PlanFromBytes | undefined;
}

/** How a document of an input holding several is named in messages and reports. */
export function documentLabel(file: string, index: number): string {
  return `${file} (document ${index + 1})`;
}

/**
 * Every JSON document of the input, one after another: usually one, several when a tool
 * concatenates them (`terragrunt run --all show -json` prints one plan per unit). After a
 * document, only whitespace or the `{` of the next object may follow, up to the end of the input.
 */
export function* documentsReader(win: ByteWindow, file: string, keep: Keep): Reading<DocumentFromBytes[]> {
  const docs: DocumentFromBytes[] = [];
  let start = 0;
  for (;;) {
    const { plan, end } = yield* planReader(win, docs.length === 0 ? file : documentLabel(file, docs.length), keep, start);
    docs.push({ start, end, plan });
    const next = yield* nextDocument(win, end);
    if (next === undefined) return docs;
    start = next;
  }
}

/** Where the next document starts after `offset`, or undefined when only whitespace is left. */
function* nextDocument(win: ByteWindow, offset: number): Reading<number | undefined> {
  let from = offset;
  for (;;) {
    const i = skipWhitespace(win.bytes, from - win.base);
    if (i < win.bytes.length) {
      if (win.bytes[i] !== OPEN_OBJECT) expectEnd(win.bytes, i);
      return i + win.base;
    }
    if (win.ended) return undefined;
    from = i + win.base;
    yield from;
  }
}

/** The reader over a whole input in memory, straight through. */
export function readTerraformDocumentsBytes(bytes: Buffer, file: string): DocumentFromBytes[] {
  const reading = documentsReader({ bytes: ScanArena.holding(bytes), base: 0, ended: true }, file, shared).next();
  if (!reading.done) throw new Error('the plan reader asked for more of a complete input');
  return reading.value;
}

/**
 * The same, `slice` bytes at a time, awaiting `pause()` in between: the event loop runs, so a
 * progress line keeps ticking on a plan that takes seconds. The windows are growing views of
 * the same bytes: nothing is copied, nothing dropped.
 */
export async function readTerraformDocumentsInSlices(input: Buffer, file: string, pause: () => Promise<void>, slice = 16 << 20): Promise<DocumentFromBytes[]> {
  const bytes = ScanArena.holding(input);
  const win: ByteWindow = { bytes: bytes.subarray(0, slice), base: 0, ended: bytes.length <= slice };
  const reader = documentsReader(win, file, shared);
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
export async function readTerraformDocumentsStream(
  chunks: AsyncIterable<Buffer>,
  file: string,
  keep: Keep,
  /** The least a refill reads (tests make it tiny, to stop steps at every byte). */
  readAtLeast = 1 << 20,
): Promise<DocumentFromBytes[]> {
  const source = chunks[Symbol.asyncIterator]();
  const arena = new ScanArena(readAtLeast);
  const win: ByteWindow = { bytes: arena.view(0), base: 0, ended: false };
  const reader = documentsReader(win, file, keep);
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
