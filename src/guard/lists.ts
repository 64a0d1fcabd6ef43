import type { GuardLists } from './decide.js';

/**
 * The `guard:` section of steer.yml, read on its own so a hook doesn't load the whole config
 * schema (zod and every section) on each agent command. Accepts and rejects exactly what `guard`
 * in config/schema.ts does; test/guard/lists.test.ts keeps the two in step.
 */
export function guardListsOf(doc: unknown): GuardLists {
  if (doc === null || doc === undefined) return { deny: [], allow: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping at the top level');
  const section = (doc as Record<string, unknown>).guard;
  if (section === undefined) return { deny: [], allow: [] };
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw new Error('guard: expected a mapping with deny and allow');
  const unknown = Object.keys(section).find((k) => k !== 'deny' && k !== 'allow');
  if (unknown) throw new Error(`guard.${unknown}: unknown key (guard takes deny and allow)`);
  const s = section as Record<string, unknown>;
  return { deny: patterns(s.deny, 'guard.deny'), allow: patterns(s.allow, 'guard.allow') };
}

function patterns(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${path}: expected a list of command patterns`);
  value.forEach((p, i) => {
    if (typeof p !== 'string' || p.length === 0) throw new Error(`${path}.${i}: expected a non-empty command pattern`);
  });
  return value as string[];
}
