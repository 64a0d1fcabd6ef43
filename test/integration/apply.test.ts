import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { findingKeys } from '../../src/core/approval-record.js';
import { FakeGitHub } from '../support/github-fake.js';
import { builtCli } from '../support/paths.js';
import { runCli, runCliAsync } from '../support/run-cli.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// steer apply with the real terraform CLI; approvals read from a loopback GitHub (OpenAPI-checked).
const tf = requireTerraform();
const V1 = 'resource "terraform_data" "db" { triggers_replace = "v1" }\nresource "terraform_data" "cache" { input = "x" }\n';
const V2 = 'resource "terraform_data" "db" { triggers_replace = "v2" }\n';
const V3 = 'resource "terraform_data" "db" { triggers_replace = "v3" }\nresource "terraform_data" "cache" { input = "x" }\n';
const HEAD = '0'.repeat(39) + '0'; // the fake PR's only commit

const KEY = 'k3y-only-the-gate-job-can-read-0123456789';

let dir: string;
let gh: FakeGitHub;
const env = () => ({ GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url, STEER_GITHUB_RETRY_BASE_MS: '5', TF_CLI_CONFIG_FILE: '/dev/null', GITHUB_EVENT_PATH: undefined, STEER_SIGNING_KEY: KEY });
const plan = (config: string, out: string) => {
  writeFileSync(join(dir, 'main.tf'), config);
  terraform(tf, dir, ['plan', `-out=${out}`, '-input=false']);
};
/** What the PR gate judged of a saved plan: its file's hash, digest and verdict. */
const judged = (file: string) => {
  const r = JSON.parse(runCli(['plan-check', file, '--format', 'json', '--env', 'production'], { cwd: dir }).stdout) as { digest: string; verdict: string; findings: { code: string; severity: string; address?: string }[] };
  return { artifact: `sha256:${createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')}`, digest: r.digest, verdict: r.verdict, findings: findingKeys(r.findings) };
};
/** steer.yml as the gate read it from the base branch, and the same copy where apply runs. */
const basePolicy = (text: string) => {
  gh.baseFiles['steer.yml'] = text;
  writeFileSync(join(dir, 'steer.yml'), text);
};
const stateList = () => terraform(tf, dir, ['state', 'list']).trim().split('\n').sort();
const stateIds = () => terraform(tf, dir, ['show', '-json']);

/** The PR gate approved this saved plan on the PR's head: what the Action leaves behind (signed with the gate's key). */
const approvedCheck = (file: string, o: Parameters<FakeGitHub['addSteerCheck']>[2] = {}) => gh.addSteerCheck(judged(file), HEAD, { key: KEY, ...o });
const apply = (file: string, extra: string[] = []) => runCliAsync(['apply', file, '--env', 'production', '--github-pr', '1', ...extra], { cwd: dir, env: env() });
const audit = () => readFileSync(join(dir, '.steer/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
  dir = mkdtempSync(join(tmpdir(), 'steer-apply-'));
  writeFileSync(join(dir, 'main.tf'), V1);
  terraform(tf, dir, ['init', '-input=false']);
  terraform(tf, dir, ['apply', '-auto-approve', '-input=false']);
});
afterEach(async () => {
  await gh.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('steer apply', () => {
  it('applies the approved saved plan, and the state changes', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    const r = await apply('tfplan');
    expect(r.stderr).toMatch(/steer audit: .*"outcome":"approved".*"approver":"alice".*"source":"github"/);
    expect(r.code).toBe(0);
    expect(stateList()).toEqual(['terraform_data.db']);
    expect(audit().map((a) => a.outcome)).toEqual(['approved', 'applied']);
  });

  it('refuses a plan re-made after approval (a new digest); state unchanged', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    plan(V3, 'tfplan'); // the agent plans again after the human approved
    const before = stateIds();
    const r = await apply('tfplan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/steer: refused: review required and no valid approval .*not the plan that was reviewed/);
    expect(stateIds()).toBe(before);
    expect(audit()[0]).toMatchObject({ outcome: 'refused' });
  });

  it('refuses without approval when not on a terminal', async () => {
    plan(V2, 'tfplan');
    const r = await runCliAsync(['apply', 'tfplan', '--env', 'production'], { cwd: dir, env: { ...env(), GITHUB_TOKEN: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a terminal/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('refuses an approval that is not a success, or too old, or from another app', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan', { over: { conclusion: 'action_required', title: 'Review required' } });
    expect((await apply('tfplan')).code).toBe(2);
    gh.checkRuns = [];
    approvedCheck('tfplan', { over: { completed_at: '2020-01-01T00:00:00Z' }, record: { concludedAt: '2020-01-01T00:00:00.000Z' } });
    expect((await apply('tfplan')).stderr).toMatch(/old \(limit 72 h\)/);
    gh.checkRuns = [];
    approvedCheck('tfplan', { key: 'another key' });
    expect((await apply('tfplan')).stderr).toMatch(/not signed by the PR gate's key \(the signature does not verify\)/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('only the newest steer check on the head counts: not when it is about another plan, still running, or dated in the future', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    gh.addSteerCheck({ artifact: `sha256:${'e'.repeat(64)}`, digest: 'e'.repeat(64) }, HEAD, { key: KEY }); // the gate ran again on another plan
    expect((await apply('tfplan')).stderr).toMatch(/not the plan that was reviewed/);
    approvedCheck('tfplan', { over: { status: 'in_progress', conclusion: null, completed_at: null } });
    expect((await apply('tfplan')).stderr).toMatch(/is still in_progress: wait for the PR gate/);
    approvedCheck('tfplan', { over: { completed_at: '2099-01-01T00:00:00Z' } });
    expect((await apply('tfplan')).stderr).toMatch(/completed in the future/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('refuses when the branch was behind its base when reviewed (the plan misses the base\'s changes)', async () => {
    plan(V2, 'tfplan');
    const newer = 'a'.repeat(40);
    gh.graph[newer] = { parents: [gh.pullBase], message: 'another change on main', date: '2026-01-10T00:00:00Z' };
    gh.branches.main = newer; // the gate reviewed against main at `newer`, which the head does not contain
    approvedCheck('tfplan');
    const r = await apply('tfplan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not contain the base main at aaaaaaa it was reviewed against \(the branch was behind\)/);
  });

  it('refuses when the base branch moved after the approval', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    gh.branches.main = 'f'.repeat(40);
    const r = await apply('tfplan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the base branch main moved since the plan was approved/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('refuses a stale saved plan, and says why', async () => {
    plan(V2, 'first');
    writeFileSync(join(dir, 'main.tf'), V3);
    terraform(tf, dir, ['plan', '-out=second', '-input=false']);
    approvedCheck('first');
    expect((await apply('first')).code).toBe(0);
    approvedCheck('second'); // the gate ran again: its newest check is about the second plan
    const r = await apply('second');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Saved plan is stale/);
    expect(r.stderr).toMatch(/steer: terraform refused the saved plan because the state changed/);
    expect(audit().at(-1)).toMatchObject({ outcome: 'stale-plan' });
  });

  it('a blocked plan is refused with exit 3', async () => {
    plan(V2, 'tfplan');
    writeFileSync(join(dir, 'steer.yml'), 'version: 1\nprotected:\n  - addresses: ["terraform_data.db"]\n');
    approvedCheck('tfplan');
    const r = await apply('tfplan');
    expect(r.code).toBe(3);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('an allowed plan needs no approval', async () => {
    plan(V1.replace('input = "x"', 'input = "y"'), 'tfplan');
    const r = await runCliAsync(['apply', 'tfplan'], { cwd: dir, env: { ...env(), GITHUB_TOKEN: undefined } });
    expect(r.code).toBe(0);
    expect(audit()[0]).toMatchObject({ outcome: 'approved', source: 'not-needed' });
  });

  it('as terraform-apply.yml runs it: the saved plan elsewhere (the artifact), -c steer.yml, --tf-chdir the configuration', async () => {
    plan(V2, 'tfplan');
    const artifact = mkdtempSync(join(tmpdir(), 'steer-artifact-'));
    try {
      copyFileSync(join(dir, 'tfplan'), join(artifact, 'tfplan'));
      basePolicy('version: 1\napprovals:\n  maxAgeHours: 24\n');
      approvedCheck('tfplan');
      const r = await runCliAsync(['apply', join(artifact, 'tfplan'), '-c', 'steer.yml', '--tf-chdir', '.', '--env', 'production', '--github-pr', '1'], { cwd: dir, env: env() });
      expect(r.code).toBe(0);
      expect(stateList()).toEqual(['terraform_data.db']);
      rmSync(join(dir, 'steer.yml'));
      const missing = await runCliAsync(['apply', join(artifact, 'tfplan'), '-c', 'steer.yml', '--tf-chdir', '.'], { cwd: dir, env: env() });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/steer\.yml: config file not found/);
    } finally {
      rmSync(artifact, { recursive: true, force: true });
    }
  });

  it('refuses JSON: only the saved plan file is applied', async () => {
    writeFileSync(join(dir, 'plan.json'), '{}');
    const r = await runCliAsync(['apply', 'plan.json'], { cwd: dir, env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a saved plan/);
  });
});

describe('who may write what apply trusts', () => {
  const applyWith = (file: string, key: string | undefined) => runCliAsync(['apply', file, '--env', 'production', '--github-pr', '1'], { cwd: dir, env: { ...env(), STEER_SIGNING_KEY: key } });

  it('by default an unsigned steer check is refused, even one by GitHub Actions: any workflow could write it', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan', { key: undefined });
    const r = await applyWith('tfplan', undefined);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/set STEER_SIGNING_KEY .* or approvals\.gateApp/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('with the key, unsigned, wrongly signed, altered or copied records are refused', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan', { key: undefined });
    expect((await applyWith('tfplan', KEY)).stderr).toMatch(/not signed by the PR gate's key \(no signature\)/);
    gh.checkRuns = [];
    approvedCheck('tfplan');
    expect((await applyWith('tfplan', 'another-key-just-as-long-as-the-gates-0000')).stderr).toMatch(/the signature does not verify/);
    // Altered: the same record with another verdict, keeping the signature.
    const run = gh.checkRuns[0]! as { output: { summary: string } };
    run.output.summary = run.output.summary.replace(/steer-approval-record (\S+)/, (_m, b64: string) => `steer-approval-record ${Buffer.from(Buffer.from(b64, 'base64url').toString().replace('"verdict":"review"', '"verdict":"block"')).toString('base64url')}`);
    expect((await applyWith('tfplan', KEY)).stderr).toMatch(/the signature does not verify/);
    // Copied: a valid signed record replayed in a new run (another workflow) names another run id.
    gh.checkRuns = [];
    const original = approvedCheck('tfplan');
    gh.addSteerCheck(judged('tfplan'), HEAD, { over: { output: structuredClone(original.output) } });
    expect((await applyWith('tfplan', KEY)).stderr).toMatch(/copied from elsewhere/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('with approvals.gateApp, a check by that GitHub App is trusted without a key, and one by GitHub Actions is not', async () => {
    plan(V2, 'tfplan');
    basePolicy('version: 1\napprovals:\n  gateApp: steer-gate\n');
    approvedCheck('tfplan', { key: undefined });
    expect((await applyWith('tfplan', undefined)).stderr).toMatch(/written by github-actions, not by the gate's GitHub App steer-gate/);
    gh.checkRuns = [];
    gh.checkRunApp = 'steer-gate';
    approvedCheck('tfplan', { key: undefined, review: false });
    const r = await applyWith('tfplan', undefined);
    expect(r.code).toBe(0);
    expect(stateList()).toEqual(['terraform_data.db']);
  });

  it('approvals.trustUnsignedChecks is the loudly warned opt-out', async () => {
    plan(V2, 'tfplan');
    basePolicy('version: 1\napprovals:\n  trustUnsignedChecks: true\n');
    approvedCheck('tfplan', { key: undefined });
    const r = await applyWith('tfplan', undefined);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/WARNING: approvals\.trustUnsignedChecks is set/);
  });

  it('approvals.signedChecks without a key refuses rather than trusting an unsigned check', async () => {
    plan(V2, 'tfplan');
    writeFileSync(join(dir, 'steer.yml'), 'version: 1\napprovals:\n  signedChecks: true\n  trustUnsignedChecks: true\n');
    approvedCheck('tfplan', { key: undefined });
    const r = await applyWith('tfplan', undefined);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/approvals\.signedChecks is set, but STEER_SIGNING_KEY is not/);
  });
});

describe('steer apply after the merge (a push workflow on the base branch)', () => {
  const applyOnPush = (file: string, sha: string) => runCliAsync(['apply', file, '--env', 'production'], { cwd: dir, env: { ...env(), GITHUB_EVENT_NAME: 'push', GITHUB_SHA: sha } });
  const headOfPull = () => gh.pullCommits().at(-1)!.sha;

  it.each(['merge', 'squash'] as const)('applies the approved plan of the pull request merged (%s) onto the reviewed base', async (method) => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    const tip = gh.merge(method);
    const r = await applyOnPush('tfplan', tip);
    expect(r.stderr).toMatch(/"source":"github"/);
    expect(r.code).toBe(0);
    expect(audit()[0].detail).toMatch(/merged pull request #1 .*merged by merge or squash/);
    expect(stateList()).toEqual(['terraform_data.db']);
  });

  it('applies after a rebase merge: the rebased commits are the pull request\'s, in order', async () => {
    gh.commitMessages = ['fix drift', 'address review'];
    plan(V2, 'tfplan');
    gh.addSteerCheck(judged('tfplan'), headOfPull(), { key: KEY });
    const tip = gh.merge('rebase');
    const r = await applyOnPush('tfplan', tip);
    expect(r.code).toBe(0);
    expect(audit()[0].detail).toMatch(/merged by rebase/);
  });

  it('refuses when something else landed on the base branch between review and merge', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    const other = 'c'.repeat(40);
    gh.graph[other] = { parents: [gh.pullBase], message: 'another pull request', date: '2026-01-15T00:00:00Z' };
    const tip = gh.merge('squash', other);
    const r = await applyOnPush('tfplan', tip);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/#1 was merged, but 2 commits lie between the reviewed base ba5e000 and the merge d000000, not only this pull request's/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });

  it('refuses a pull request closed without merging, and a push no merged pull request made', async () => {
    plan(V2, 'tfplan');
    approvedCheck('tfplan');
    gh.pull.state = 'closed';
    expect((await apply('tfplan')).stderr).toMatch(/#1 was closed without being merged/);
    const r = await applyOnPush('tfplan', 'f'.repeat(40));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no merged pull request made commit fffffff/);
    expect(stateList()).toEqual(['terraform_data.cache', 'terraform_data.db']);
  });
});

describe('steer apply on a terminal', () => {
  // A real pseudo-terminal (tmux): the human types the workspace name to approve.
  const tmux = (args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  const waitFor = async (session: string, pattern: RegExp) => {
    for (let i = 0; i < 100; i++) {
      const screen = tmux(['capture-pane', '-p', '-t', session]);
      if (pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} in:\n${tmux(['capture-pane', '-p', '-t', session])}`);
  };

  it.each([
    ['the workspace name approves and applies', 'default', 0],
    ['anything else refuses', 'prod', 2],
  ])('%s', async (_what, typed, expected) => {
    if (spawnSync('sh', ['-c', 'command -v tmux']).status !== 0) throw new Error('tmux is needed for the terminal test: apt-get install tmux');
    plan(V2, 'tfplan');
    const session = `steer-${process.pid}-${typed}`;
    const script = `cd ${dir} && NO_COLOR=1 TF_CLI_CONFIG_FILE=/dev/null ${process.execPath} ${builtCli} apply tfplan --env production; echo "EXIT=$?"; sleep 30`;
    tmux(['new-session', '-d', '-x', '200', '-y', '50', '-s', session, script]);
    try {
      await waitFor(session, /Type the name "default" to approve/);
      tmux(['send-keys', '-t', session, typed, 'Enter']);
      const screen = await waitFor(session, /EXIT=\d/);
      expect(screen).toMatch(new RegExp(`EXIT=${expected}`));
      expect(stateList()).toEqual(expected === 0 ? ['terraform_data.db'] : ['terraform_data.cache', 'terraform_data.db']);
      expect(audit()[0]).toMatchObject(expected === 0 ? { outcome: 'approved', source: 'interactive' } : { outcome: 'refused' });
    } finally {
      tmux(['kill-session', '-t', session]);
    }
  });
});
