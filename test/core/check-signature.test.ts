import { describe, expect, it } from 'vitest';
import { signatureIn, signatureLine, signCheck, verifyCheck } from '../../src/core/check-signature.js';

const check = { repository: 'o/r', checkRunId: 4242, headSha: 'a'.repeat(40), digest: 'd'.repeat(64), conclusion: 'success', title: 'Approved by alice', baseRef: 'main', baseSha: 'b'.repeat(40), reportedAt: '2026-12-03T01:00:00.000Z' };

describe('check signatures', () => {
  it('verify with the same key over the same facts, and only then', () => {
    const sig = signCheck('key', check);
    expect(sig).toMatch(/^steer-check-v1:[0-9a-f]{64}$/);
    expect(verifyCheck('key', check, sig)).toBe(true);
    for (const field of Object.keys(check) as (keyof typeof check)[]) {
      const other = field === 'checkRunId' ? 4243 : field === 'reportedAt' ? '2026-12-03T01:00:01.000Z' : `${check[field]}x`;
      expect(verifyCheck('key', { ...check, [field]: other }, sig), field).toBe(false);
    }
    expect(verifyCheck('key', { ...check, reportedAt: '2026-12-03T01:00:00Z' }, sig)).toBe(true); // the same instant, written without milliseconds
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

describe('check signatures over odd input', () => {
  it('a missing or malformed time never throws, and never verifies against a real one', () => {
    const check = { repository: 'o/r', checkRunId: 1, headSha: 'a', digest: 'd', conclusion: 'success', title: 't', baseRef: 'main', baseSha: 'b', reportedAt: '2026-12-03T01:00:00Z' };
    const sig = signCheck('key', check);
    expect(verifyCheck('key', { ...check, reportedAt: '' }, sig)).toBe(false);
    expect(verifyCheck('key', { ...check, reportedAt: 'not a time' }, sig)).toBe(false);
  });
});
