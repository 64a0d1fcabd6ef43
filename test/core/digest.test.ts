import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/digest.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 'x' }] }],
    [{ a: 1, b: { c: null, d: [1.5, 1e21, -0, 'é', '\u2028'] } }],
    [[3, { z: true, y: false }]],
    ['plain'],
    [{ '10': 1, '9': 2, a: { B: 1, a: 2 } }],
  ])('matches RFC 8785 canonicalization for %j', (value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('ignores key order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });
});
