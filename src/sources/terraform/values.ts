import { REDACTED, UNKNOWN_VALUE, type ForcedValue } from '../../core/model.js';
import { valueText } from '../value-text.js';

/**
 * Reading Terraform values without keeping them. `*_sensitive` masks mirror the value's
 * shape: `true` marks a sensitive value, objects/arrays recurse, anything else is "not sensitive".
 */

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The part of a sensitivity mask that applies to `key` (a property or an index). */
export function maskAt(mask: Json, key: string | number): Json {
  if (mask === true) return true;
  if (Array.isArray(mask) && typeof key === 'number') return mask[key];
  if (isRecord(mask) && typeof key === 'string') return mask[key];
  return undefined;
}

/** True when anything in the value is marked sensitive. */
export function containsSensitive(mask: Json): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsSensitive);
  if (isRecord(mask)) return Object.values(mask).some(containsSensitive);
  return false;
}

/** Attribute names that may hold an environment tag or label. */
export const TAG_ATTRIBUTES = ['tags', 'tags_all', 'labels', 'user_labels', 'resource_labels'] as const;

/** String-valued tags/labels of an object, with sensitive values replaced by REDACTED. */
export function extractTags(value: Json, mask: Json, keep: Keep = same): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!isRecord(value)) return tags;
  for (const attribute of TAG_ATTRIBUTES) {
    const map = value[attribute];
    if (!isRecord(map)) continue;
    const mapMask = maskAt(mask, attribute);
    for (const key of Object.keys(map)) {
      const tagValue = map[key];
      // Own properties only: a tag may be called "constructor" or "__proto__".
      if (typeof tagValue !== 'string' || Object.hasOwn(tags, key)) continue;
      setOwn(tags, keep(key, true), maskAt(mapMask, key) === true ? REDACTED : keep(tagValue, true));
    }
  }
  return tags;
}

/** `record[key] = value` as an own property, also for "__proto__" (which assignment would take as the prototype). */
function setOwn(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/**
 * Top-level attributes whose value differs between before and after, or becomes unknown.
 * Only names leave this function, never values.
 */
export function changedAttributes(before: Json, after: Json, afterUnknown: Json, keep: Keep = same): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const unknown = isRecord(afterUnknown) ? afterUnknown : {};
  if (!isRecord(before) || !isRecord(after)) return [];
  const names = new Set([...Object.keys(b), ...Object.keys(a), ...Object.keys(unknown)]);
  const changed: string[] = [];
  for (const name of names) {
    // Own properties only: an attribute called "constructor" or "__proto__" is an attribute.
    const inBefore = Object.hasOwn(b, name);
    const differs = inBefore !== Object.hasOwn(a, name) || (inBefore && !jsonEqual(b[name], a[name]));
    if ((Object.hasOwn(unknown, name) && unknown[name] === true) || differs) changed.push(keep(name, true));
  }
  return changed.sort();
}

/** `["tags", "Name"]` → `tags["Name"]`; `["disk", 0, "size"]` → `disk[0].size`. */
export function formatAttributePath(path: readonly (string | number)[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) text += text === '' ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}

/** A variable's value as a string for production matching (objects/lists are not matched). */
export function variableText(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Deep equality of two JSON values (no allocation, unlike comparing their JSON text). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k])) return false;
  }
  return true;
}

/** How strings the model keeps are taken: as they are, or shared when they repeat (`shared`: the byte readers, in memory and streamed). */
export type Keep = (text: string, intern?: boolean) => string;
export const same: Keep = (text) => text;

const interned = new Map<string, string>();

/**
 * A string the model keeps, shared when it repeats (types, providers, modules, tag keys and
 * values): a plan holds one copy of each, however many resources repeat it. (The strings come
 * from parsing each entry's own text, so none keeps a piece of the input alive.)
 */
export function shared(text: string, intern = false): string {
  if (!intern) return text;
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(text, text);
  return text;
}

type PathStep = string | number;

/** The value at `path` inside `value` (undefined when it isn't there). */
function valueAt(value: Json, path: readonly PathStep[]): Json {
  let at = value;
  for (const step of path) {
    if (typeof step === 'number' ? !Array.isArray(at) : !isRecord(at) || !Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string | number, Json>)[step];
  }
  return at;
}

/** The part of a mask (`*_sensitive`, `after_unknown`) at `path`: `true` anywhere above it covers it. */
function maskAtPath(mask: Json, path: readonly PathStep[]): Json {
  let at = mask;
  for (const step of path) {
    if (at === true) return true;
    at = maskAt(at, step);
  }
  return at;
}

export interface ForcingMaterial {
  readonly paths: readonly (readonly PathStep[])[];
  readonly before: Json;
  readonly after: Json;
  readonly beforeSensitive: Json;
  readonly afterSensitive: Json;
  readonly afterUnknown: Json;
}

/**
 * The values at `replace_paths`, before → after, masked as Terraform masks them: anything the
 * sensitivity masks cover (sensitive variables and attributes included) is "(sensitive value)",
 * an after value not known yet is "(known after apply)". Only these short texts leave.
 */
export function forcedValues(m: ForcingMaterial, keep: Keep = same): ForcedValue[] {
  return m.paths.map((path) => {
    const before = containsSensitive(maskAtPath(m.beforeSensitive, path)) ? REDACTED : valueText(valueAt(m.before, path));
    const after = containsSensitive(maskAtPath(m.afterSensitive, path))
      ? REDACTED
      : containsSensitive(maskAtPath(m.afterUnknown, path)) // `true` somewhere in it: (partly) unknown
        ? UNKNOWN_VALUE
        : valueText(valueAt(m.after, path));
    return { attribute: keep(formatAttributePath(path), true), before, after };
  });
}
