import { describe, expect, it } from 'vitest';
import { RECORD_VERSION, type ApprovalRecord } from '../../src/core/approval-record.js';
import { verifyApproval, type ApplyFacts } from '../../src/core/approval.js';

// verifyApproval's rules added by the second attack on the approval chain (issue 14), each alone.
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const NOW = new Date('2026-12-01T12:00:00.000Z');
const ART = `sha256:${'e'.repeat(64)}`;
const record = (over: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
  v: RECORD_VERSION, repository: 'o/r', pull: 1, checkRunId: 7, headSha: HEAD, base: { ref: 'main', sha: BASE },
  reportedAt: '2026-12-01T10:00:00.000Z', reviewedFrom: '2026-12-01T10:00:00.000Z', verdict: 'allow', digest: 'd'.repeat(64),
  plans: [{ name: 'tfplan', artifact: ART, digest: 'd'.repeat(64), verdict: 'allow', findings: [] }],
  conclusion: 'success', required: 1, approvers: [], policy: { path: 'steer.yml', sha256: 'p'.repeat(64) }, concludedAt: '2026-12-01T11:00:00.000Z', ...over,
});
const facts = (over: Partial<ApplyFacts> = {}, r: ApprovalRecord = record()): ApplyFacts => ({
  repository: 'o/r',
  local: { artifact: ART, digest: 'd'.repeat(64), verdict: 'allow', reasons: [], policy: 'p'.repeat(64), findings: [] },
  pull: { number: 1, state: 'open', merged: false, headSha: HEAD, author: 'Copilot' },
  check: { id: 7, status: 'completed', conclusion: 'success', appSlug: 'github-actions', completedAt: '2026-12-01T11:00:00Z' },
  record: { record: r, signature: 'x' },
  signature: 'valid',
  trust: { signingKey: true, trustUnsigned: false },
  reviews: [], pushers: [], rules: { required: 1, users: [], agentLogins: [] },
  basePolicy: { sha256: 'p'.repeat(64) }, baseContained: true, place: { merged: false, baseTip: BASE },
  now: NOW, maxAgeHours: 72,
  ...over,
});
const reason = (f: ApplyFacts) => {
  const d = verifyApproval(f);
  return d.ok ? 'ok' : d.reason;
};

describe('verifyApproval', () => {
  it('accepts the gate\'s record of an allowed plan, without approvals', () => {
    expect(reason(facts())).toBe('ok');
  });

  it('refuses a policy here other than the one at the reviewed base, and a record naming another', () => {
    expect(reason(facts({ local: { ...facts().local, policy: 'q'.repeat(64) } }))).toMatch(/steer\.yml here .* is not the policy the gate judged with \(steer\.yml at base bbbbbbb/);
    expect(reason(facts({ basePolicy: { sha256: 'q'.repeat(64) }, local: { ...facts().local, policy: 'q'.repeat(64) } }))).toMatch(/the gate's record names another policy/);
    expect(reason(facts({ basePolicy: { problem: 'steer.yml: bad' } }))).toMatch(/can't be read: steer\.yml: bad/);
  });

  it('counts the age from the record\'s conclusion, whatever the check run says', () => {
    expect(reason(facts({ check: { ...facts().check!, completedAt: NOW.toISOString() } }, record({ concludedAt: '2026-11-01T00:00:00.000Z' })))).toMatch(/h old \(limit 72 h\)/);
    expect(reason(facts({}, record({ concludedAt: '2027-01-01T00:00:00.000Z' })))).toMatch(/the gate concluded in the future/);
  });

  it('refuses a finding from beyond the digest that the gate did not report; one it reported is fine', () => {
    const hook = 'STEER-APPLY-TIME-CODE terraform_data.db';
    expect(reason(facts({ local: { ...facts().local, findings: [hook] } }))).toMatch(/did not report: STEER-APPLY-TIME-CODE terraform_data\.db/);
    expect(reason(facts({ local: { ...facts().local, findings: [hook] } }, record({ plans: [{ ...record().plans[0]!, findings: [hook] }] })))).toBe('ok');
    const { findings: _none, ...changeSet } = facts().local;
    expect(reason(facts({ local: changeSet }))).toBe('ok'); // execute: a change set's findings are not compared
  });

  it('passes GitHub\'s missing merge rule on as a warning, never as a refusal', () => {
    const d = verifyApproval(facts({ mergeRuleGap: 'no ruleset requires steer' }));
    expect(d.ok && d.warnings).toEqual(['no ruleset requires steer']);
  });
});
