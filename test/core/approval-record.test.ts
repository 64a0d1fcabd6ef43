import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, RECORD_VERSION, signatureValid, type ApprovalRecord, type EncodedRecord } from '../../src/core/approval-record.js';
import { commentTampering } from '../../src/core/approval.js';

const record: ApprovalRecord = {
  v: RECORD_VERSION, repository: 'o/r', pull: 1, checkRunId: 7, headSha: 'a'.repeat(40), base: { ref: 'main', sha: 'b'.repeat(40) },
  reportedAt: '2026-12-01T00:00:00.000Z', reviewedFrom: '2026-12-01T00:00:00.000Z', verdict: 'review', digest: 'd'.repeat(64),
  plans: [{ name: 'tfplan', artifact: `sha256:${'e'.repeat(64)}`, digest: 'd'.repeat(64), verdict: 'review', findings: ['STEER-DESTROY-PROD terraform_data.db'] }],
  conclusion: 'success', required: 1, approvers: [{ login: 'alice', reviewId: 3, submittedAt: '2026-12-01T00:01:00Z' }],
  comment: { id: 9, sha256: 'f'.repeat(64), updatedAt: '2026-12-01T00:00:01Z' },
  policy: { path: 'steer.yml', sha256: 'c'.repeat(64) }, concludedAt: '2026-12-01T00:02:00.000Z',
};
const reencoded = (mutate: (raw: Record<string, unknown>) => void) => {
  const raw = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  mutate(raw);
  return `<!-- steer-approval-record ${Buffer.from(JSON.stringify(raw)).toString('base64url')} -->`;
};

describe('the approval record', () => {
  it('round-trips, and its signature covers every field', () => {
    const decoded = decodeRecord(`Verdict **review**\n\n${encodeRecord(record, 'key')}`) as EncodedRecord;
    expect(decoded.record).toEqual(record);
    expect(signatureValid('key', decoded)).toBe(true);
    for (const changed of [{ ...record, verdict: 'allow' as const }, { ...record, checkRunId: 8 }, { ...record, plans: [] }, { ...record, reviewedFrom: '2026-12-02T00:00:00.000Z' }]) {
      expect(signatureValid('key', { ...decoded, record: changed })).toBe(false);
    }
    expect(signatureValid('other', decoded)).toBe(false);
    expect(signatureValid('key', decodeRecord(encodeRecord(record, undefined)) as EncodedRecord)).toBe(false);
  });

  it.each([
    ['none', 'Approved by alice', /no approval record/],
    ['two', `${encodeRecord(record, undefined)}\n${encodeRecord(record, undefined)}`, /more than one/],
    ['not base64 JSON', '<!-- steer-approval-record !!! -->', /malformed/],
    ['another version', reencoded((r) => (r.v = 99)), /version 99/],
    ['an unknown field', reencoded((r) => (r.extra = true)), /fields this Steer does not know/],
    ['a wrong shape', reencoded((r) => (r.plans = 'all')), /unexpected shape/],
  ])('is refused when there is %s', (_what, summary, why) => {
    const decoded = decodeRecord(summary);
    expect('problem' in decoded && decoded.problem).toMatch(why);
  });
});

describe("the gate's comment", () => {
  const at = { id: 9, sha256: 'f'.repeat(64), updatedAt: '2026-12-01T00:00:01Z' };
  it('is as the gate left it only with the same id, body and edit time', () => {
    expect(commentTampering(at, at)).toBeUndefined();
    expect(commentTampering(undefined, undefined)).toBeUndefined();
    expect(commentTampering(at, { ...at, updatedAt: '2026-12-01T00:05:00Z' })).toMatch(/edited at 2026-12-01T00:05:00Z/); // restored text, new edit time
    expect(commentTampering(at, { ...at, sha256: '0'.repeat(64) })).toMatch(/edited/);
    expect(commentTampering(at, undefined)).toMatch(/deleted/);
    expect(commentTampering(at, { ...at, id: 10 })).toMatch(/replaced/);
    expect(commentTampering(undefined, at)).toMatch(/no trusted record/);
  });
});
