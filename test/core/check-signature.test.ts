import { describe, expect, it } from 'vitest';
import { signatureIn, signatureLine, signCheck, verifyCheck } from '../../src/core/check-signature.js';

const check = { repository: 'o/r', headSha: 'a'.repeat(40), digest: 'd'.repeat(64), conclusion: 'success', title: 'Approved by alice', baseRef: 'main', baseSha: 'b'.repeat(40) };

describe('check signatures', () => {
  it('verify with the same key over the same facts, and only then', () => {
    const sig = signCheck('key', check);
    expect(sig).toMatch(/^steer-check-v1:[0-9a-f]{64}$/);
    expect(verifyCheck('key', check, sig)).toBe(true);
    for (const field of Object.keys(check) as (keyof typeof check)[]) expect(verifyCheck('key', { ...check, [field]: `${check[field]}x` }, sig)).toBe(false);
    expect(verifyCheck('other', check, sig)).toBe(false);
    expect(verifyCheck('key', check, undefined)).toBe(false);
    expect(verifyCheck('key', check, 'steer-check-v1:zz')).toBe(false);
    expect(verifyCheck('key', check, sig.replace('v1', 'v0'))).toBe(false);
  });
  it('are found again in a check summary', () => {
    const sig = signCheck('key', check);
    expect(signatureIn(`Verdict **review** · …\n\n${signatureLine(sig)}`)).toBe(sig);
    expect(signatureIn('no signature here')).toBeUndefined();
  });
});
