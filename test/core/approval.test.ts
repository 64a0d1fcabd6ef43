import { describe, expect, it } from 'vitest';
import { decideApproval, type Review } from '../../src/core/approval.js';

const HEAD = 'a'.repeat(40);
const ctx = { prAuthor: 'octo-agent', headSha: HEAD, reportedAt: '2026-11-24T10:00:00Z', verdict: 'review' as const };
const rules = { required: 1, users: [], agentLogins: [] };
const review = (over: Partial<Review>): Review => ({ id: 1, login: 'alice', userType: 'User', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-24T10:05:00Z', ...over });

describe('approvals bound to the exact plan', () => {
  it('a human approval on the head commit after the report counts', () => {
    expect(decideApproval([review({})], rules, ctx)).toMatchObject({ approved: true, approvers: ['alice'] });
  });

  it.each([
    ['the author', review({ login: 'octo-agent' }), /author/],
    ['a bot', review({ login: 'deploy[bot]', userType: 'Bot' }), /bot/],
    ['Copilot (type Bot, no [bot] suffix)', review({ login: 'Copilot', userType: 'Bot' }), /agent/],
    ['an older commit', review({ commitId: 'b'.repeat(40) }), /older commit/],
    ['before the plan was reported', review({ submittedAt: '2026-11-24T09:59:00Z' }), /before this plan/],
    ['a comment', review({ state: 'COMMENTED' }), undefined],
  ])('an approval by %s does not count', (_what, r, why) => {
    const d = decideApproval([r], rules, ctx);
    expect(d.approved).toBe(false);
    if (why) expect(d.rejected.join()).toMatch(why);
  });

  it('a configured agent login cannot approve', () => {
    expect(decideApproval([review({ login: 'our-agent' })], { ...rules, agentLogins: ['our-agent'] }, ctx).approved).toBe(false);
  });

  it('a later "changes requested" withdraws an approval', () => {
    expect(decideApproval([review({}), review({ id: 2, state: 'CHANGES_REQUESTED', submittedAt: '2026-11-24T10:06:00Z' })], rules, ctx).approved).toBe(false);
  });

  it('only listed approvers count, and N approvals are needed', () => {
    const two = { required: 2, users: ['alice', 'bob'], agentLogins: [] };
    expect(decideApproval([review({}), review({ id: 2, login: 'mallory' })], two, ctx).approved).toBe(false);
    expect(decideApproval([review({}), review({ id: 2, login: 'Bob' })], two, ctx).approved).toBe(true);
  });

  it('a blocked plan cannot be approved; an allowed one needs none', () => {
    expect(decideApproval([review({})], rules, { ...ctx, verdict: 'block' }).approved).toBe(false);
    expect(decideApproval([], rules, { ...ctx, verdict: 'allow' }).approved).toBe(true);
  });

  it('a dismissed approval does not count', () => {
    expect(decideApproval([review({}), review({ id: 2, state: 'DISMISSED', submittedAt: '2026-11-24T10:05:00Z' })], rules, ctx).approved).toBe(false);
  });

  it('a comment after an approval leaves the approval standing', () => {
    expect(decideApproval([review({}), review({ id: 2, state: 'COMMENTED', submittedAt: '2026-11-24T10:07:00Z' })], rules, ctx).approved).toBe(true);
  });

  it('a pending review (not submitted) does not count', () => {
    const { submittedAt: _, ...pending } = review({ state: 'PENDING' });
    expect(decideApproval([pending], rules, ctx).approved).toBe(false);
  });

  it('the author is recognised whatever the case of the login', () => {
    expect(decideApproval([review({ login: 'Octo-Agent' })], rules, ctx).approved).toBe(false);
  });

  it('an approval in the same second as the report does not count (GitHub times have whole seconds)', () => {
    expect(decideApproval([review({ submittedAt: '2026-11-24T10:00:00Z' })], rules, ctx).approved).toBe(false);
  });

  it('when steer.yml names approvers but none resolved (no team member reviewed), no one approves', () => {
    expect(decideApproval([review({})], { ...rules, restricted: true }, ctx).approved).toBe(false);
  });

  it('two approvals by the same person count once', () => {
    const two = { required: 2, users: [], agentLogins: [] };
    expect(decideApproval([review({}), review({ id: 2, submittedAt: '2026-11-24T10:09:00Z' })], two, ctx)).toMatchObject({ approved: false, approvers: ['alice'] });
  });
});
