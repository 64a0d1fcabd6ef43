import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationSchema, isPlainConfiguration } from '../../src/sources/terraform/configuration.js';
import { isPlainResourceChange, resourceChangeSchema } from '../../src/sources/terraform/schema.js';
import { corpusDir, fixturesDir } from '../support/paths.js';

// The hand checks run before the schemas (a resource_changes entry, a configuration) must never
// accept what the schema refuses (they are the schema's fast path, not a second rule), and
// should take everything real plans hold (else they save nothing).

const corpus = join(corpusDir(), 'terraform');
const plans = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.json') && !f.startsWith('encoding__')).map((f) => join(corpus, f)),
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')),
];
const docs = plans.flatMap((file) => {
  try {
    return [JSON.parse(readFileSync(file, 'utf8')) as { resource_changes?: unknown; configuration?: unknown }];
  } catch {
    return [];
  }
});
const entries = docs.flatMap((doc) => (Array.isArray(doc.resource_changes) ? (doc.resource_changes as Record<string, unknown>[]) : []));
const configurations = docs.flatMap((doc) => (doc.configuration != null ? [doc.configuration as Record<string, unknown>] : []));

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

/** Every object and array in a value, with the key (or index) it sits at in its parent. */
function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0): [Record<string, unknown> | unknown[], string | number][] {
  if (depth > 8 || typeof value !== 'object' || value === null) return out;
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), places(v, out, depth + 1)));
  else for (const [k, v] of Object.entries(value)) (out.push([value as Record<string, unknown>, k]), places(v, out, depth + 1));
  return out;
}

const CONFIGURATION_KEYS = ['root_module', 'provider_config', 'resources', 'module_calls', 'variables', 'outputs', 'address', 'mode', 'type', 'name', 'provisioners', 'when', 'depends_on', 'sensitive', 'source', 'module', 'full_name', 'expressions'];

describe('the configuration check before the schema', () => {
  it('takes every configuration of the corpus and the fixtures that the schema accepts', () => {
    expect(configurations.length).toBeGreaterThan(10);
    for (const configuration of configurations) expect(isPlainConfiguration(configuration)).toBe(configurationSchema.safeParse(configuration).success);
  });

  it('never accepts what the schema refuses (10,000 damaged configurations)', () => {
    const next = random(11);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    let refusedBySchema = 0;
    for (let i = 0; i < 10_000; i++) {
      const configuration = structuredClone(configurations[i % configurations.length]!);
      const at = places(configuration);
      for (let n = 1 + Math.floor(next() * 2); n > 0 && at.length > 0; n--) {
        const [parent, key] = pick(at);
        const name = Array.isArray(parent) || next() < 0.5 ? key : pick(CONFIGURATION_KEYS);
        if (next() < 0.15 && !Array.isArray(parent)) delete parent[name as string];
        else (parent as Record<string | number, unknown>)[name] = structuredClone(pick(ODD_VALUES));
      }
      const schema = configurationSchema.safeParse(configuration).success;
      if (!schema) refusedBySchema++;
      if (isPlainConfiguration(configuration)) expect(schema, JSON.stringify(configuration).slice(0, 300)).toBe(true);
    }
    expect(refusedBySchema).toBeGreaterThan(2_000);
  });

  it('refuses, with the schema, each field Steer reads in the wrong shape', () => {
    const resource = { address: 'terraform_data.x', mode: 'managed', type: 'terraform_data' };
    const bad = [
      { root_module: { resources: [{ ...resource, provisioners: [{ type: 'local-exec', when: 'sometimes' }] }] } },
      { root_module: { resources: [{ ...resource, provisioners: [{ when: 'destroy' }] }] } },
      { root_module: { resources: [{ ...resource, provisioners: {} }] } },
      { root_module: { resources: [{ ...resource, depends_on: [1] }] } },
      { root_module: { resources: [{ ...resource, mode: 'both' }] } },
      { root_module: { outputs: { o: 1 } } },
      { root_module: { variables: { v: { sensitive: 'yes' } } } },
      { root_module: { module_calls: { m: { module: 1 } } } },
      { root_module: { module_calls: { m: { source: 2 } } } },
      { provider_config: { aws: { alias: 'a' } } },
      { root_module: [] },
    ];
    for (const configuration of bad) {
      expect(configurationSchema.safeParse(configuration).success, JSON.stringify(configuration)).toBe(false);
      expect(isPlainConfiguration(configuration), JSON.stringify(configuration)).toBe(false);
    }
  });

  it('leaves a configuration with a "__proto__" key to the schema (whose copies drop it)', () => {
    const configuration = JSON.parse('{"root_module":{"variables":{"__proto__":{"sensitive":true}}}}') as unknown;
    expect(isPlainConfiguration(configuration)).toBe(false);
    expect(configurationSchema.safeParse(configuration).success).toBe(true);
  });
});
