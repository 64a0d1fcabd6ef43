import { InputError } from '../../core/errors.js';
import { expectEnd, skipValue, skipValueCanonical, skipWhitespace, walkArray, walkObject, wasCanonical } from '../json/scan.js';
import { ResourceChangeCollector, type RawEntrySpans, type RawSpan } from './normalize.js';
import { TAG_ATTRIBUTES } from './values.js';
import { CONFIGURATION_PATH, ENVELOPE_KEYS } from './read-paths.js';

/** Where a value sits in the bytes. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** Stands for a part of the plan that was validated but not built (Steer never reads it). */
export const SKIPPED: Readonly<Record<string, never>> = Object.freeze({});

/** What the byte reader builds: the plan without `resource_changes`, and those, collected. */
export interface PlanFromBytes {
  readonly doc: Record<string, unknown>;
  /** Present when `resource_changes` is an array: its entries, validated, normalized and hashed. */
  readonly changes?: ResourceChangeCollector;
}

/**
 * A Terraform JSON plan from UTF-8 bytes, building only what Steer reads (see read-paths.ts):
 * the whole document is validated as JSON by the scanner, then `JSON.parse` runs on each
 * `resource_changes` entry (collected and dropped one at a time), the envelope keys and
 * `configuration.root_module.variables` alone. `planned_values`, `prior_state` and the rest —
 * usually more than half of a plan — are never built, and values Terraform wrote in canonical
 * form are hashed from their bytes. Returns undefined when the document is not a Terraform plan
 * (no `format_version`): the caller parses it whole. Throws JsonSyntaxError on malformed bytes;
 * an invalid entry is reported only once the whole document is known to be JSON.
 */
export function readTerraformPlanBytes(bytes: Buffer, file: string): PlanFromBytes | undefined {
  const start = skipWhitespace(bytes, 0);
  if (bytes[start] !== 0x7b) {
    expectEnd(bytes, skipValue(bytes, start));
    return undefined;
  }
  const spans = new Map<string, Span>();
  const skipped = new Set<string>();
  // configuration → root_module → variables: each level is its span when it isn't an object
  // (so validation reports it), else the next level down.
  let configuration: { rootModule?: Span | { variables?: Span } } | Span | undefined;
  const once = (seen: Set<string>, key: string, where: string): void => {
    if (seen.has(key)) throw new InputError(file, `not a valid Terraform plan: duplicate key "${key}"${where}`);
    seen.add(key);
  };
  const topKeys = new Set<string>();
  let changes: ResourceChangeCollector | undefined;
  let invalidEntry: unknown;
  const end = walkObject(bytes, start, (key, at) => {
    once(topKeys, key, '');
    if (key === 'resource_changes' && bytes[at] === 0x5b) {
      const collector = new ResourceChangeCollector(file);
      changes = collector;
      return walkArray(bytes, at, (entryStart) => {
        const entryEnd = readEntry(bytes, entryStart, (raw, spans) => {
          if (invalidEntry !== undefined) return;
          try {
            collector.add(raw, spans);
          } catch (e) {
            invalidEntry = e;
          }
        });
        return entryEnd;
      });
    }
    if (key === CONFIGURATION_PATH[0] && bytes[at] === 0x7b) {
      const level: { rootModule?: Span | { variables?: Span } } = {};
      configuration = level;
      const configKeys = new Set<string>();
      return walkObject(bytes, at, (key2, at2) => {
        once(configKeys, key2, ' in configuration');
        if (key2 !== CONFIGURATION_PATH[1]) return skipValue(bytes, at2);
        if (bytes[at2] !== 0x7b) return (level.rootModule = { start: at2, end: skipValue(bytes, at2) }).end;
        const rootModule: { variables?: Span } = {};
        level.rootModule = rootModule;
        const moduleKeys = new Set<string>();
        return walkObject(bytes, at2, (key3, at3) => {
          once(moduleKeys, key3, ' in configuration.root_module');
          const valueEnd = skipValue(bytes, at3);
          if (key3 === CONFIGURATION_PATH[2]) rootModule.variables = { start: at3, end: valueEnd };
          return valueEnd;
        });
      });
    }
    const valueEnd = skipValue(bytes, at);
    if (key === CONFIGURATION_PATH[0]) configuration = { start: at, end: valueEnd };
    else if (key === 'resource_changes' || ENVELOPE_KEYS.has(key)) spans.set(key, { start: at, end: valueEnd });
    else skipped.add(key);
    return valueEnd;
  });
  expectEnd(bytes, end);

  const version = spans.get('format_version') ?? spans.get('plan_format_version');
  if (version === undefined || typeof parseSpan(bytes, version) !== 'string') return undefined;

  if (invalidEntry !== undefined) throw invalidEntry;
  const doc: Record<string, unknown> = {};
  for (const [key, span] of spans) doc[key] = parseSpan(bytes, span);
  for (const key of skipped) doc[key] = SKIPPED;
  if (configuration !== undefined) doc.configuration = buildConfiguration(bytes, configuration);
  if (changes !== undefined) doc.resource_changes = SKIPPED;
  return { doc, ...(changes !== undefined ? { changes } : {}) };
}

type Members = Map<string, RawSpan>;

/**
 * One `resource_changes` entry, validated in one pass that notes where each member of the entry,
 * of its `change` and of `change.before`/`change.after` sits (and whether it is canonical). The
 * object handed to `take` is built from those spans: small members are decoded, and `before` and
 * `after` are reduced (see `reducedValues`), so the large values are never built.
 */
function readEntry(bytes: Buffer, start: number, take: (raw: unknown, spans: RawEntrySpans) => void): number {
  if (bytes[start] !== 0x7b) {
    const end = skipValue(bytes, start);
    take(parseSpan(bytes, { start, end }), { bytes, entry: new Map(), change: undefined });
    return end;
  }
  const entry: Members = new Map();
  let change: Members | undefined;
  let valueMembers: { before?: Members; after?: Members } = {};
  const end = walkObject(bytes, start, (key, at) => {
    if (key === 'change') {
      entry.delete(key);
      change = undefined;
      valueMembers = {};
    }
    if (key !== 'change' || bytes[at] !== 0x7b) return noteMember(bytes, entry, key, at, skipValueCanonical(bytes, at));
    const members: Members = new Map();
    const values: { before?: Members; after?: Members } = {};
    change = members;
    valueMembers = values;
    return walkObject(bytes, at, (key2, at2) => {
      if ((key2 !== 'before' && key2 !== 'after') || bytes[at2] !== 0x7b) {
        if (key2 === 'before' || key2 === 'after') delete values[key2];
        return noteMember(bytes, members, key2, at2, skipValueCanonical(bytes, at2));
      }
      const attributes: Members = new Map();
      values[key2] = attributes;
      const valueEnd = walkObject(bytes, at2, (key3, at3) => noteMember(bytes, attributes, key3, at3, skipValueCanonical(bytes, at3)));
      return noteMember(bytes, members, key2, at2, valueEnd);
    });
  });

  const raw: Record<string, unknown> = {};
  for (const [key, span] of entry) put(raw, key, decodeSpan(bytes, span));
  if (change !== undefined) {
    const changeObject: Record<string, unknown> = {};
    const reduced = reducedValues(bytes, valueMembers.before, valueMembers.after);
    for (const [key, span] of change) {
      const isValue = key === 'before' || key === 'after';
      put(changeObject, key, isValue && valueMembers[key] !== undefined ? reduced[key] : decodeSpan(bytes, span));
    }
    raw.change = changeObject;
  }
  take(raw, { bytes, entry, change });
  return end;
}

/** Records a member's span (canonical as the last scan said) and returns its end. */
function noteMember(bytes: Buffer, into: Members, key: string, start: number, end: number): number {
  into.set(key, { start, end, canonical: wasCanonical() });
  return end;
}

/**
 * `change.before` and `change.after` as Steer's normalizer reads them — which top-level
 * attributes differ, and the tag/label maps — without building their values: tag attributes are
 * parsed; an attribute canonical on both sides becomes 0 on both when its bytes are equal (equal
 * canonical bytes ⇔ equal values), else 0 and 1; any other attribute is parsed on both sides.
 * So `jsonEqual` between the reduced values answers as it would between the real ones.
 */
function reducedValues(bytes: Buffer, before: Members | undefined, after: Members | undefined): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const reduced = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  const sides = [
    [before, after, reduced.before, reduced.after],
    [after, before, reduced.after, reduced.before],
  ] as const;
  for (const [own, other, ownOut, otherOut] of sides) {
    if (own === undefined) continue;
    for (const [key, span] of own) {
      if (Object.hasOwn(ownOut, key)) continue;
      const counterpart = other?.get(key);
      if (TAG_KEYS.has(key) || (counterpart !== undefined && !(span.canonical && counterpart.canonical))) {
        put(ownOut, key, parseSpan(bytes, span));
        if (counterpart !== undefined) put(otherOut, key, parseSpan(bytes, counterpart));
      } else if (counterpart !== undefined) {
        put(ownOut, key, 0);
        put(otherOut, key, sameBytes(bytes, span, counterpart) ? 0 : 1);
      } else put(ownOut, key, 0);
    }
  }
  return reduced;
}

const TAG_KEYS: ReadonlySet<string> = new Set(TAG_ATTRIBUTES);

/** Sets an own property, as JSON.parse does — even for the key "__proto__". */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function sameBytes(bytes: Buffer, a: RawSpan, b: RawSpan): boolean {
  const length = a.end - a.start;
  if (length !== b.end - b.start) return false;
  return bytes.compare(bytes, b.start, b.end, a.start, a.end) === 0;
}

/** A member's value: canonical strings and literals straight from the bytes, the rest parsed. */
function decodeSpan(bytes: Buffer, span: RawSpan): unknown {
  const first = bytes[span.start];
  if (first === 0x22 && span.canonical) return bytes.toString('utf8', span.start + 1, span.end - 1);
  if (first === 0x74 && span.end - span.start === 4) return true;
  if (first === 0x66 && span.end - span.start === 5) return false;
  if (first === 0x6e && span.end - span.start === 4) return null;
  return parseSpan(bytes, span);
}

type ConfigurationSpans = { rootModule?: Span | { variables?: Span } } | Span;

function isSpan(value: object): value is Span {
  return 'start' in value;
}

function buildConfiguration(bytes: Buffer, configuration: ConfigurationSpans): unknown {
  if (isSpan(configuration)) return parseSpan(bytes, configuration);
  const { rootModule } = configuration;
  if (rootModule === undefined) return {};
  if (isSpan(rootModule)) return { root_module: parseSpan(bytes, rootModule) };
  return { root_module: rootModule.variables !== undefined ? { variables: parseSpan(bytes, rootModule.variables) } : {} };
}

function parseSpan(bytes: Buffer, span: Span): unknown {
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
}
