import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlainResourceChange, resourceChangeSchema } from '../../src/sources/terraform/schema.js';
import { corpusDir, fixturesDir } from '../support/paths.js';

// The entry check the collector runs before the schema must never accept what the schema
// refuses (it is the schema's fast path, not a second rule), and should take every entry real
// plans hold (else it saves nothing).

const corpus = join(corpusDir(), 'terraform');
const plans = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.json') && !f.startsWith('encoding__')).map((f) => join(corpus, f)),
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')),
];
const entries: Record<string, unknown>[] = plans.flatMap((file) => {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource_changes?: unknown };
    return Array.isArray(doc.resource_changes) ? (doc.resource_changes as Record<string, unknown>[]) : [];
  } catch {
    return [];
  }
});

/** A deterministic pseudo-random sequence (the same damage on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, '', 'x', 'delete', 'managed', 'data', 'no-op', [], [[]], [['a', 0]], [[{}]], [[null]], ['create'], ['bogus'], [1], {}, { id: 5 }, { id: 'i' }, { a: 1 }];
const KEYS = ['address', 'type', 'mode', 'name', 'index', 'previous_address', 'module_address', 'provider_name', 'deposed', 'action_reason', 'change', 'extra'];
const CHANGE_KEYS = ['actions', 'before', 'after', 'after_unknown', 'before_sensitive', 'after_sensitive', 'replace_paths', 'importing', 'generated_config', 'extra'];

/** The entry with one to three fields, of it or of its change, removed or given another value. */
function damaged(entry: Record<string, unknown>, next: () => number): unknown {
  const copy: Record<string, unknown> = { ...entry, change: typeof entry.change === 'object' && entry.change !== null ? { ...(entry.change as object) } : entry.change };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    const inChange = next() < 0.5 && typeof copy.change === 'object' && copy.change !== null && !Array.isArray(copy.change);
    const target = inChange ? (copy.change as Record<string, unknown>) : copy;
    const key = pick(inChange ? CHANGE_KEYS : KEYS);
    if (next() < 0.2) delete target[key];
    else target[key] = structuredClone(pick(ODD_VALUES));
  }
  return next() < 0.02 ? structuredClone(pick(ODD_VALUES)) : copy;
}

describe('the resource_changes entry check before the schema', () => {
  it('takes every entry of the corpus and the fixtures that the schema accepts', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) expect(isPlainResourceChange(entry), String(entry.address)).toBe(resourceChangeSchema.safeParse(entry).success);
  });

  it('leaves an entry with a "__proto__" key to the schema (whose copy drops it)', () => {
    const entry = JSON.parse('{"address":"a.b","type":"a","__proto__":{"deposed":"x"},"change":{"actions":["delete"]}}') as unknown;
    expect(isPlainResourceChange(entry)).toBe(false);
    expect(isPlainResourceChange(JSON.parse('{"address":"a.b","type":"a","change":{"actions":["delete"],"importing":{"__proto__":{}}}}'))).toBe(false);
    expect(resourceChangeSchema.safeParse(entry).success).toBe(true);
  });

  it('never accepts what the schema refuses (20,000 damaged entries)', () => {
    const next = random(7);
    let refusedBySchema = 0;
    for (let i = 0; i < 20_000; i++) {
      const entry = damaged(entries[i % entries.length]!, next);
      const schema = resourceChangeSchema.safeParse(entry).success;
      if (!schema) refusedBySchema++;
      if (isPlainResourceChange(entry)) expect(schema, JSON.stringify(entry).slice(0, 300)).toBe(true);
    }
    expect(refusedBySchema).toBeGreaterThan(5_000);
  });
});
