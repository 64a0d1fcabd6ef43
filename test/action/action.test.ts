import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecord, signatureValid, type EncodedRecord } from '../../src/core/approval-record.js';
import { runBundledAction } from '../support/run-action.js';
import { FakeGitHub } from '../support/github-fake.js';
import { repoRoot } from '../support/paths.js';

// The bundled Action (dist/index.js) run the way the Actions runner runs it, against a loopback
// GitHub whose every response is checked against GitHub's OpenAPI description.
const require = createRequire(import.meta.url);
const HEAD = 'c0ffee'.padEnd(40, '0');
const BASE = 'ba5e'.padEnd(40, '0');
const MARKER = '<!-- steer:pull-request-gate -->';
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

const NEW_HEAD = 'decade'.padEnd(40, '0');

/** A webhook payload from GitHub's own examples; only the PR number, author and commits are changed. */
function pullRequestEvent(name: 'pull_request' | 'pull_request_review', action: string, author: { login: string; type: string }, head = HEAD): Record<string, unknown> {
  const example = structuredClone(examples.find((e) => e.name === name)!.examples.find((x) => x.action === action)!) as Record<string, any>;
  Object.assign(example.pull_request, { number: 1, user: { ...example.pull_request.user, login: author.login, type: author.type } });
  example.pull_request.head.sha = head;
  example.pull_request.base.sha = BASE;
  if ('after' in example) Object.assign(example, { before: HEAD, after: head });
  return example;
}

/** The demo plan with one more attribute changed: same verdict, another digest. */
function changeThePlan(): void {
  const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
  plan.resource_changes[1].change.after.description = 'changed after the approval';
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
}

let gh: FakeGitHub;
let dir: string;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
  dir = mkdtempSync(join(tmpdir(), 'steer-action-'));
  copyFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), join(dir, 'plan.json'));
});
afterEach(async () => {
  await gh.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The bundled Action on this test's plan files (plan*.json), as the runner starts it. */
const runAction = (event: Record<string, unknown>, eventName = 'pull_request', extraEnv: Record<string, string> = {}) =>
  runBundledAction(gh, dir, event, eventName, { plans: 'plan*.json', env: '' }, extraEnv);

const AGENT = { login: 'Copilot', type: 'Bot' };
const opened = (author = AGENT) => pullRequestEvent('pull_request', 'opened', author);
const reviewed = () => pullRequestEvent('pull_request_review', 'submitted', AGENT);
const synchronized = () => pullRequestEvent('pull_request', 'synchronize', AGENT, NEW_HEAD);
const writes = () => gh.requests.filter((r) => /^(POST|PATCH|PUT|DELETE) /.test(r));
const approve = (login: string, over: Partial<{ type: 'User' | 'Bot'; commitId: string; submittedAt: string; state: string }> = {}) =>
  gh.reviews.push({ login, type: over.type ?? 'User', state: over.state ?? 'APPROVED', commitId: over.commitId ?? HEAD, submittedAt: over.submittedAt ?? new Date(Date.now() + 60_000).toISOString() });

describe('the GitHub Action, first run on an agent pull request', () => {
  it('comments once, creates the steer check with the digest, labels, outputs, summary — and fails the step until approved', async () => {
    const r = await runAction(opened());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Steer: REVIEW REQUIRED/);
    expect(r.outputs.verdict).toBe('review');
    expect(r.outputs.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(r.outputs.report!, 'utf8')).verdict).toBe('review');

    const comments = gh.steerComments(MARKER);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/Agent-authored pull request/);
    expect(comments[0]!.body).toMatch(/DATA LOSS/);
    expect(comments[0]!.body).not.toContain('hunter2');
    expect(comments[0]!.body.length).toBeLessThanOrEqual(65_536);

    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ name: 'steer', head_sha: HEAD, status: 'completed', conclusion: 'action_required', external_id: `steer:${r.outputs.digest}` });
    expect((gh.checkRuns[0]!.output as { summary: string }).summary).toContain(`head \`${HEAD}\``);
    // The check starts in progress and concludes last, after the comment and labels were written.
    expect(writes()[0]).toBe('POST /repos/octo-org/infra/check-runs');
    expect(writes().at(-1)).toMatch(/^PATCH \/repos\/octo-org\/infra\/check-runs\/\d+$/);
    expect(JSON.stringify(gh.checkRuns[0])).toContain(r.outputs.digest!);
    expect(gh.labels.sort()).toEqual(['steer:destroy', 'steer:review-required']);
    expect(r.summary).toMatch(/Steer: REVIEW REQUIRED/);
  });

  it('re-running updates our comment in place — found across pages, ignoring a planted copy', async () => {
    for (let i = 0; i < 130; i++) gh.comments.push({ id: i + 1, login: 'someone', body: `chatter ${i}` });
    gh.comments.push({ id: 999, login: 'mallory', body: `${MARKER}\nall good, merge it` });
    await runAction(opened());
    await runAction(opened());
    expect(gh.steerComments(MARKER)).toHaveLength(1);
    expect(gh.comments.find((c) => c.id === 999)!.body).toMatch(/all good, merge it/);
    expect(gh.requests.filter((r) => r.startsWith('PATCH /repos/octo-org/infra/issues/comments/'))).toHaveLength(1);
  });

  it('finds its comment when the token is a PAT (GET /user answers)', async () => {
    gh.selfLogin = 'steer-bot-user';
    await runAction(opened());
    await runAction(opened());
    expect(gh.steerComments(MARKER)).toHaveLength(1);
  });

  it("finds its comment when the token is another GitHub App's (its bot user, from the check run's app), ignoring github-actions[bot]'s", async () => {
    gh.checkRunApp = 'steer-gate';
    gh.comments.push({ id: 7, login: 'github-actions[bot]', type: 'Bot', body: `${MARKER}\nplanted by another workflow` });
    await runAction(opened());
    await runAction(opened());
    expect(gh.steerComments(MARKER)).toHaveLength(1);
    expect(gh.steerComments(MARKER)[0]!.login).toBe('steer-gate[bot]');
    expect(gh.comments.find((c) => c.id === 7)!.body).toMatch(/planted/);
  });
});

describe('approvals', () => {
  it('an approval by a human on the head commit after the report turns the check green', async () => {
    await runAction(opened());
    approve('alice');
    const r = await runAction(reviewed(), 'pull_request_review');
    expect(r.code).toBe(0);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'success' });
    expect(gh.labels.sort()).toEqual(['steer:approved', 'steer:destroy']);
    expect(gh.steerComments(MARKER)[0]!.body).toMatch(/Approved by `alice`/);
  });

  it.each([
    ['the author', () => approve('Copilot', { type: 'Bot' })],
    ['a bot', () => approve('deployer[bot]', { type: 'Bot' })],
    ['an agent login', () => approve('claude')],
    ['a human, on an older commit', () => approve('alice', { commitId: 'ba'.padEnd(40, '1') })],
    ['a human, before the plan was reported', () => approve('alice', { submittedAt: '2020-01-01T00:00:00Z' })],
  ])('an approval by %s does not count', async (_who, add) => {
    await runAction(opened());
    add();
    const r = await runAction(opened());
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'action_required' });
  });

  it('a new commit (synchronize) means the earlier approval no longer counts', async () => {
    await runAction(opened());
    approve('alice');
    expect((await runAction(reviewed(), 'pull_request_review')).code).toBe(0);
    const r = await runAction(synchronized());
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: NEW_HEAD, conclusion: 'action_required' });
    expect(gh.steerComments(MARKER)).toHaveLength(1);
    expect(gh.steerComments(MARKER)[0]!.body).toMatch(/approved an older commit/);
    expect(gh.labels).toContain('steer:review-required');
  });

  it('a different plan on the same commit needs a new approval; the same plan again keeps it', async () => {
    await runAction(opened());
    approve('alice', { submittedAt: new Date().toISOString() }); // after the first report, before the next
    const approved = await runAction(reviewed(), 'pull_request_review');
    expect(approved.code).toBe(0);
    expect((await runAction(opened())).code).toBe(0); // same head, same digest: the first report's time holds
    changeThePlan();
    const r = await runAction(opened());
    expect(r.outputs.digest).not.toBe(approved.outputs.digest);
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'action_required', external_id: `steer:${r.outputs.digest}` });
    expect(gh.steerComments(MARKER)[0]!.body).toMatch(/approved before this plan was reported/);
  });

  it('with approvals.teams, only team members count', async () => {
    gh.baseFiles['steer.yml'] = 'version: 1\napprovals:\n  teams: [octo-org/platform]\n';
    gh.teams['octo-org/platform'] = ['bob'];
    await runAction(opened());
    approve('alice');
    expect((await runAction(opened())).code).toBe(1);
    approve('bob');
    expect((await runAction(opened())).code).toBe(0);
  });

  it('requests the reviewers configured in steer.yml while the plan waits for approval', async () => {
    gh.baseFiles['steer.yml'] = 'version: 1\nreviewers:\n  users: [alice, Copilot]\n  teams: [platform]\n';
    await runAction(opened());
    expect(gh.requestedReviewers).toEqual(['alice', 'team:platform']);
  });

  it('a blocked plan stays blocked whatever the reviews', async () => {
    gh.baseFiles['steer.yml'] = 'version: 1\nprotected:\n  - types: ["aws_db_instance"]\n';
    approve('alice');
    const r = await runAction(opened());
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  });
});

describe('trust', () => {
  it('with a signing key, the concluded check carries a signature of what it says, and the key appears nowhere', async () => {
    const key = 'k3y-only-the-gate-job-can-read-0123456789';
    await runAction(opened());
    approve('alice');
    const r = await runAction(reviewed(), 'pull_request_review', { 'INPUT_SIGNING-KEY': key });
    expect(r.code).toBe(0);
    const check = gh.checkRuns.at(-1) as { id: number; started_at: string; conclusion: string; output: { title: string; summary: string; text: string } };
    const decoded = decodeRecord(check.output.summary) as EncodedRecord;
    expect(decoded.record).toMatchObject({ checkRunId: check.id, headSha: HEAD, digest: r.outputs.digest, verdict: 'review', conclusion: 'success', approvers: [{ login: 'alice' }] });
    expect(signatureValid(key, decoded)).toBe(true);
    expect(signatureValid(key, { ...decoded, record: { ...decoded.record, approvers: [{ login: 'mallory', reviewId: 9, submittedAt: '' }] } })).toBe(false);
    expect(signatureValid('another key', decoded)).toBe(false);
    expect(signatureValid(key, { ...decoded, record: { ...decoded.record, checkRunId: check.id + 1 } })).toBe(false); // a copy in another run
    const everything = JSON.stringify(gh.checkRuns) + JSON.stringify(gh.comments) + r.stdout + r.summary + readFileSync(join(dir, 'output'), 'utf8');
    expect(everything).not.toContain(key);
  });

  it('the policy comes from the base branch, not from the pull request', async () => {
    gh.baseFiles['steer.yml'] = 'version: 1\nprotected:\n  - addresses: ["aws_db_instance.orders"]\n';
    writeFileSync(join(dir, 'steer.yml'), 'version: 1\nrules:\n  - match: {}\n    verdict: allow\n'); // the agent's copy
    const r = await runAction(opened());
    expect(r.outputs.verdict).toBe('block');
  });

  it('a pull request that changes the policy needs review, with a finding saying so', async () => {
    gh.prFiles = ['main.tf', 'steer.yml'];
    copyFileSync(join(repoRoot, 'fixtures/terraform/basic-actions/plan.json'), join(dir, 'plan.json'));
    const r = await runAction(opened({ login: 'alice', type: 'User' }));
    expect(r.outputs.verdict).toBe('review');
    expect(gh.steerComments(MARKER)[0]!.body).toMatch(/`STEER-POLICY-CHANGED` This pull request changes the Steer policy steer\.yml/);
  });

  it('a pull request that changes a workflow needs review, with a finding saying so', async () => {
    gh.prFiles = ['main.tf', '.github/workflows/steer.yml'];
    copyFileSync(join(repoRoot, 'fixtures/terraform/basic-actions/plan.json'), join(dir, 'plan.json'));
    const r = await runAction(opened({ login: 'alice', type: 'User' }));
    expect(r.outputs.verdict).toBe('review');
    expect(gh.steerComments(MARKER)[0]!.body).toMatch(/`STEER-WORKFLOW-CHANGED` This pull request changes \.github\/workflows\/steer\.yml/);
  });

  it('a plans pattern that matches nothing fails the step, and the steer check says failure', async () => {
    rmSync(join(dir, 'plan.json'));
    const r = await runAction(opened());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Steer: input "plans": plan\*\.json matches no file/);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: 'failure', external_id: 'steer:error' });
  });

  it('a pull_request event without its pull request fails the step', async () => {
    const r = await runAction({ action: 'opened' }, 'pull_request_target');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Steer: .*pull_request_target event without its pull_request payload/);
    expect(gh.requests).toEqual([]);
  });
});

describe('workflow_dispatch', () => {
  it('analyzes, writes outputs and the summary, and touches no pull request', async () => {
    const r = await runAction({ inputs: {} }, 'workflow_dispatch');
    expect(r.outputs.verdict).toBe('review');
    expect(r.summary).toMatch(/Steer: REVIEW REQUIRED/);
    expect(gh.comments).toHaveLength(0);
    expect(gh.checkRuns).toHaveLength(0);
  });
});

describe('GitHub errors', () => {
  it('a 5xx is retried', async () => {
    gh.failures.push({ method: 'POST', pathPrefix: '/repos/octo-org/infra/check-runs', status: 502, times: 2 });
    const r = await runAction(opened());
    expect(gh.checkRuns).toHaveLength(1);
    expect(r.outputs.verdict).toBe('review');
  });

  it('a rate limit is waited out and retried', async () => {
    gh.failures.push({ method: 'GET', pathPrefix: '/repos/octo-org/infra/pulls/1/reviews', status: 429, times: 1, headers: { 'retry-after': '1' } });
    await runAction(opened());
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('a primary rate limit (403, x-ratelimit-remaining 0) is waited out until the reset and retried', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    gh.failures.push({ method: 'GET', pathPrefix: '/repos/octo-org/infra/pulls/1/commits', status: 403, times: 1, message: 'API rate limit exceeded for installation ID 1.', headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    const r = await runAction(opened());
    expect(r.stdout).toMatch(/::warning::GitHub primary rate limit .*retrying/);
    expect(gh.checkRuns).toHaveLength(1);
    expect(r.outputs.verdict).toBe('review');
  });

  it('a secondary rate limit (403 with retry-after) is waited out and retried', async () => {
    gh.failures.push({ method: 'POST', pathPrefix: '/repos/octo-org/infra/issues/1/comments', status: 403, times: 1, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '2' } });
    const r = await runAction(opened());
    expect(r.stdout).toMatch(/::warning::GitHub secondary rate limit .*retrying in 2 s/);
    expect(gh.steerComments(MARKER)).toHaveLength(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'action_required' });
  });

  it('errors that persist fail the step and never report success', async () => {
    approve('alice');
    gh.failures.push({ method: 'GET', pathPrefix: '/repos/octo-org/infra/pulls/1/reviews', status: 500, times: 99 });
    const r = await runAction(opened());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Steer failed: GitHub API 500/);
    expect(gh.checkRuns.filter((c) => c.conclusion === 'success')).toHaveLength(0);
    expect(gh.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('a rate limit that resets in an hour is not waited for: the step fails now, the check says failure', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    gh.failures.push({ method: 'GET', pathPrefix: '/repos/octo-org/infra/pulls/1/commits', status: 403, times: 99, message: 'API rate limit exceeded for installation ID 1.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    const started = Date.now();
    const r = await runAction(opened());
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Steer failed: GitHub API 403/);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: 'failure', external_id: 'steer:error' });
  });

  it('a failure after an approved run replaces the green check with a failed one', async () => {
    await runAction(opened());
    approve('alice');
    expect((await runAction(reviewed(), 'pull_request_review')).code).toBe(0);
    gh.failures.push({ method: 'POST', pathPrefix: '/repos/octo-org/infra/issues/1/labels', status: 502, times: 99 });
    gh.labels = [];
    const r = await runAction(reviewed(), 'pull_request_review');
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
  });
});
