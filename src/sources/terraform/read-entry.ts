import { skipValue, skipValueCanonical, walkObject, wasCanonical } from '../json/scan.js';
import type { RawEntrySpans, RawSpan } from './normalize.js';
import { jsonEqual, TAG_ATTRIBUTES } from './values.js';

// One `resource_changes` entry from its bytes (the plan reader, read-plan.ts, finds them).

type Members = Map<string, RawSpan>;

/**
 * One `resource_changes` entry, validated in one pass that notes where each member of the entry,
 * of its `change` and of the large objects in `change` sits (and whether it is canonical). The
 * object handed to `take` is the entry's own text with those objects replaced by what the
 * normalizer reads of them (see REDUCED), parsed at once: the large values are never built.
 * `take` runs only once the whole entry was read, so a reader short of bytes can run it again.
 */
export function readEntry(bytes: Buffer, start: number, take: (raw: unknown, spans: RawEntrySpans, changed: readonly string[]) => void): number {
  if (bytes[start] !== 0x7b) {
    const end = skipValue(bytes, start);
    take(parseSpan(bytes, { start, end }), { bytes, entry: new Map(), change: undefined }, []);
    return end;
  }
  const entry: Members = new Map();
  let change: Members | undefined;
  let objects: Partial<Record<Reduced, Members>> = {};
  const end = walkObject(bytes, start, (key, at) => {
    if (key === 'change') {
      change = undefined;
      objects = {};
    }
    if (key !== 'change' || bytes[at] !== 0x7b) return noteMember(entry, key, at, skipValueCanonical(bytes, at));
    const members: Members = new Map();
    const found: Partial<Record<Reduced, Members>> = {};
    change = members;
    objects = found;
    return walkObject(bytes, at, (key2, at2) => {
      const reducible = REDUCED.has(key2);
      if (!reducible || bytes[at2] !== 0x7b) {
        if (reducible) delete found[key2 as Reduced];
        return noteMember(members, key2, at2, skipValueCanonical(bytes, at2));
      }
      const attributes: Members = new Map();
      found[key2 as Reduced] = attributes;
      const valueEnd = walkObject(bytes, at2, (key3, at3) => noteMember(attributes, key3, at3, skipValueCanonical(bytes, at3)));
      return noteMember(members, key2, at2, valueEnd);
    });
  });

  // The entry's text with the last `change` object's (the one JSON.parse keeps) large objects
  // replaced by what the normalizer reads of them, in the order they appear.
  const { before, after } = objects;
  const replaced: [RawSpan, string][] = [];
  for (const [name, attributes] of Object.entries(objects) as [Reduced, Members][]) {
    replaced.push([change!.get(name)!, name === 'after_unknown' ? reducedUnknown(bytes, attributes) : tagsOnly(bytes, attributes)]);
  }
  replaced.sort((x, y) => x[0].start - y[0].start);
  let text = '';
  let from = start;
  for (const [span, reduced] of replaced) {
    text += bytes.toString('utf8', from, span.start) + reduced;
    from = span.end;
  }
  text += bytes.toString('utf8', from, end);
  // Which attributes differ is read here, from the bytes; `before` and `after` keep only their tags.
  const changed = before !== undefined && after !== undefined ? changedNames(bytes, before, after, objects.after_unknown) : [];
  take(JSON.parse(text), { bytes, entry, change }, changed);
  return end;
}

/** Records a member's span (canonical as the last scan said) and returns its end. */
function noteMember(into: Members, key: string, start: number, end: number): number {
  into.set(key, { start, end, canonical: wasCanonical() });
  return end;
}

/**
 * The objects in `change` read only in part (when they are objects): of `before` and `after`,
 * the top-level attributes (compared here, see `changedNames`) and the tag/label maps; of the
 * sensitivity masks, the masks at those maps; of `after_unknown`, the top-level names and which
 * are `true`. The parsed entry gets only those parts. (The digest reads their bytes.)
 */
type Reduced = 'before' | 'after' | 'before_sensitive' | 'after_sensitive' | 'after_unknown';
const REDUCED: ReadonlySet<string> = new Set<Reduced>(['before', 'after', 'before_sensitive', 'after_sensitive', 'after_unknown']);

/**
 * The top-level attributes that differ between `before` and `after` (both objects), as
 * `changedAttributes` in values.ts says of the parsed values: named in either or in
 * `after_unknown`; changed when unknown after the apply (`true`), on one side only, or not equal —
 * equal canonical bytes are equal values, and anything not canonical is parsed and compared.
 */
function changedNames(bytes: Buffer, before: Members, after: Members, unknown: Members | undefined): string[] {
  const names = new Set([...before.keys(), ...after.keys(), ...(unknown?.keys() ?? [])]);
  const changed: string[] = [];
  for (const name of names) {
    const willBeKnown = unknown?.get(name);
    const b = before.get(name);
    const a = after.get(name);
    let differs: boolean;
    if (willBeKnown !== undefined && isTrue(bytes, willBeKnown)) differs = true;
    else if (b === undefined || a === undefined) differs = b !== a;
    else if (b.canonical && a.canonical) differs = !sameBytes(bytes, b, a);
    else differs = !jsonEqual(parseSpan(bytes, b), parseSpan(bytes, a));
    if (differs) changed.push(name);
  }
  return changed;
}

const isTrue = (bytes: Buffer, span: RawSpan): boolean => span.end - span.start === 4 && bytes[span.start] === 0x74;

/** The tag/label attributes alone: all the normalizer reads of a value or sensitivity mask. */
function tagsOnly(bytes: Buffer, own: Members): string {
  return objectText(own, (key, span) => (TAG_KEYS.has(key) ? bytes.toString('utf8', span.start, span.end) : undefined));
}

/** `after_unknown`: every top-level name counts, and whether its value is `true`. */
function reducedUnknown(bytes: Buffer, own: Members): string {
  return objectText(own, (_key, span) => (isTrue(bytes, span) ? 'true' : '0'));
}

/** `{"key":value,…}` for the members `valueOf` keeps. */
function objectText(members: Members, valueOf: (key: string, span: RawSpan) => string | undefined): string {
  let text = '';
  for (const [key, span] of members) {
    const value = valueOf(key, span);
    if (value !== undefined) text += `${text === '' ? '{' : ','}${quotedKey(key)}:${value}`;
  }
  return text === '' ? '{}' : `${text}}`;
}

/** A key as JSON text; attribute names repeat, so they are quoted once. */
function quotedKey(key: string): string {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED.size < 10_000) QUOTED.set(key, quoted);
  }
  return quoted;
}
const QUOTED = new Map<string, string>();

const TAG_KEYS: ReadonlySet<string> = new Set(TAG_ATTRIBUTES);

function sameBytes(bytes: Buffer, a: RawSpan, b: RawSpan): boolean {
  const length = a.end - a.start;
  if (length !== b.end - b.start) return false;
  if (length > 64) return bytes.compare(bytes, b.start, b.end, a.start, a.end) === 0;
  for (let k = 0; k < length; k++) if (bytes[a.start + k] !== bytes[b.start + k]) return false;
  return true;
}

function parseSpan(bytes: Buffer, span: { readonly start: number; readonly end: number }): unknown {
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
}
