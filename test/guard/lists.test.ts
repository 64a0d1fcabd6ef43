import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { guardListsOf } from '../../src/guard/lists.js';

// The guard reads its section of steer.yml with its own small schema (start-up time); it must
// accept and reject exactly what the config schema does for that section.
const samples: unknown[] = [
  {},
  { guard: { deny: ['kubectl delete'], allow: ['terraform apply -target=module.sandbox*'] } },
  { guard: { deny: [] } },
  { guard: { deny: [''] } },
  { guard: { deny: 'kubectl delete' } },
  { guard: { deny: [1] } },
  { guard: { denied: ['x'] } },
  { guard: null },
];

describe('guard lists from steer.yml', () => {
  it.each(samples.map((s) => [JSON.stringify(s), s]))('agrees with the config schema on %s', (_name, sample) => {
    const full = configSchema.safeParse({ version: 1, ...(sample as object) });
    let mine: unknown;
    try {
      mine = guardListsOf(sample);
    } catch {
      mine = undefined;
    }
    expect(mine === undefined).toBe(!full.success);
    if (full.success) expect(mine).toEqual({ deny: full.data.guard.deny, allow: full.data.guard.allow });
  });
  it('names the field in its error', () => {
    expect(() => guardListsOf({ guard: { deny: [''] } })).toThrow(/guard\.deny\.0/);
  });
});
