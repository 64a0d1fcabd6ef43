import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKeys, policyDigest } from '../../src/core/approval-record.js';
import { STREAM_THRESHOLD } from '../../src/app/plan-check.js';
import { parseConfig } from '../../src/config/parse.js';
import { runCliAsync } from '../support/run-cli.js';
import { TF_ENV, useTerraformChain } from '../support/terraform-chain.js';

// An independent attack on the approval chain (issue 14), each attack run against the real parts:
// the real terraform makes the saved plans, the bundled Action gates them against the loopback
// GitHub (OpenAPI-checked), and the built CLI's `steer apply` is asked to run them. The agent
// controls the pull request (its files, its plan job, its own workflows) and holds a token with
// the rights of GITHUB_TOKEN (it can create and edit check runs as GitHub Actions).
const KEY = 'attack-suite-gate-signing-key-0123456789abcdef';
const PROD = 'variable "environment" {\n  default = "production"\n}\n';
const CONFIG = `${PROD}resource "terraform_data" "db" {\n  triggers_replace = "v1"\n}\n`;
const REPLACE = CONFIG.replace('"v1"', '"v2"');

const chain = useTerraformChain({ key: KEY, config: CONFIG });
const { planJob, gate, approve, lastCheck, lastRecord, resources } = chain;
const gh = () => chain.gh();
const root = () => chain.root();
const applyArtifact = chain.apply;
const dbId = () => chain.idOf('terraform_data.db');
/** The agent's token: any workflow's GITHUB_TOKEN may edit a check run GitHub Actions created. */
const patchCheck = (id: number, body: Record<string, unknown>) =>
  fetch(`${gh().url}/repos/${gh().owner}/${gh().repo}/check-runs/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** Both steer.yml copies: the base branch's (what the gate reads through the API) and the checkout's (what apply reads). */
const policy = (base: string | undefined, checkout: string | undefined) => {
  if (base === undefined) delete gh().baseFiles['steer.yml'];
  else gh().baseFiles['steer.yml'] = base;
  if (checkout === undefined) rmSync(join(root(), 'steer.yml'), { force: true });
  else writeFileSync(join(root(), 'steer.yml'), checkout);
};

describe('what apply runs is what the gate judged, whatever the verdict', () => {
  it('a plan Steer allows, but that the gate never saw (another artifact under the same name), is not applied on the pull request\'s word', async () => {
    planJob(`${CONFIG}resource "terraform_data" "extra" {}\n`);
    expect((await gate()).code).toBe(0);
    expect(lastRecord().verdict).toBe('allow');
    // Another workflow (a second pull request's, a fork's) uploads steer-plan-<head> later: apply downloads the newest.
    planJob(`${CONFIG}resource "terraform_data" "backdoor" {}\n`, 'other');
    const r = await applyArtifact('other');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not the plan that was reviewed/);
    expect(resources()).toEqual(['terraform_data.db']);
    const ok = await applyArtifact();
    expect(ok.stderr).toMatch(/"outcome":"approved".*"source":"github"/);
    expect(ok.code).toBe(0);
    expect(resources()).toEqual(['terraform_data.db', 'terraform_data.extra']);
  });

  it('a re-made plan with the same digest (same changes, a provisioner added) does not inherit the approval of the one reviewers read', async () => {
    planJob(REPLACE);
    await gate();
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    const approved = lastRecord();
    // The agent closes and reopens its pull request: the plan job runs again on the same head,
    // and its code (an external data source, a provider) leaves another saved plan behind.
    const withHook = REPLACE.replace('triggers_replace = "v2"', `triggers_replace = "v2"\n  provisioner "local-exec" {\n    command = "touch ${join(root(), 'pwned')}"\n  }`);
    planJob(withHook);
    const rerun = await gate({ action: 'reopened' });
    expect(lastRecord().digest).toBe(approved.digest); // the same changes: the digest can't tell them apart
    expect(lastRecord().plans[0]!.artifact).not.toBe(approved.plans[0]!.artifact);
    expect(rerun.code).toBe(1);
    expect(lastCheck().conclusion).toBe('action_required');
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(existsSync(join(root(), 'pwned'))).toBe(false);
  });
});

describe('what the gate was shown is what apply finds', () => {
  it('a rendering without the provisioner the saved plan carries (same changes, same digest): apply refuses what the reviewers were not shown', async () => {
    const withHook = REPLACE.replace('triggers_replace = "v2"', `triggers_replace = "v2"\n  provisioner "local-exec" {\n    command = "touch ${join(root(), 'pwned')}"\n  }`);
    const out = planJob(withHook);
    // The plan job runs the pull request's code: it can write any tfplan.json beside the real tfplan.
    const json = JSON.parse(readFileSync(join(out, 'tfplan.json'), 'utf8'));
    for (const r of json.configuration.root_module.resources) delete r.provisioners;
    writeFileSync(join(out, 'tfplan.json'), JSON.stringify(json));
    await gate();
    expect(gh().comments.at(-1)!.body).not.toMatch(/STEER-APPLY-TIME-CODE|local-exec/);
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/STEER-APPLY-TIME-CODE/);
    expect(existsSync(join(root(), 'pwned'))).toBe(false);
  });
});

describe('the policy apply runs under is the one the gate judged with', () => {
  it('a steer.yml the pull request merged (trustUnsignedChecks) does not make apply trust a check another workflow wrote', async () => {
    policy(undefined, 'version: 1\napprovals:\n  trustUnsignedChecks: true\n');
    const evil = planJob(REPLACE, 'evil');
    const judged = JSON.parse((await runCliAsync(['plan-check', join(evil, 'tfplan'), '--tf-chdir', chain.work(), '--format', 'json', '-c', join(root(), 'steer.yml')], { cwd: root(), env: TF_ENV })).stdout);
    // The agent's own workflow writes a steer check as GitHub Actions, its record claiming the merged policy.
    const merged = policyDigest(parseConfig(readFileSync(join(root(), 'steer.yml'), 'utf8'), 'steer.yml'));
    gh().addSteerCheck({ artifact: judged.plans[0].artifact, digest: judged.digest, verdict: 'review', findings: findingKeys(judged.findings) }, chain.head(), { record: { policy: { path: 'steer.yml', sha256: merged } } });
    const before = dbId();
    const r = await applyArtifact('evil', { STEER_SIGNING_KEY: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/steer\.yml .*not the policy the gate judged with/);
    expect(dbId()).toBe(before);
  });

  it('a steer.yml changed by the merge (a longer approval lifetime) is refused; the base branch\'s copy applies', async () => {
    const base = 'version: 1\napprovals:\n  maxAgeHours: 24\n';
    policy(base, base.replace('24', '100000'));
    planJob(REPLACE);
    await gate();
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/steer\.yml .*not the policy the gate judged with/);
    policy(base, undefined); // no steer.yml where apply runs: the defaults are not the gate's policy either
    expect((await applyArtifact()).code).toBe(2);
    policy(base, base);
    expect((await applyArtifact()).code).toBe(0);
  });
});

describe('the gate\'s record, not what other workflows can edit, says when', () => {
  it('an expired approval stays expired when another workflow moves the check\'s completion time', async () => {
    const base = 'version: 1\napprovals:\n  maxAgeHours: 0.0005\n'; // 1.8 s
    policy(base, base);
    planJob(REPLACE);
    await gate();
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    await new Promise((r) => setTimeout(r, 2_500));
    const before = dbId();
    expect((await applyArtifact()).stderr).toMatch(/h old/);
    expect((await patchCheck(lastCheck().id, { completed_at: new Date().toISOString() })).status).toBe(200);
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/h old/);
    expect(dbId()).toBe(before);
  });
});

describe('the gate runs no code of the pull request', () => {
  /** A probe in front of the real terraform on the gate's PATH: it records the environment it was started with. */
  const probe = () => {
    const bin = join(root(), 'bin');
    mkdirSync(bin, { recursive: true });
    const real = spawnSync('sh', ['-c', `command -v ${chain.tf}`], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'terraform'), `#!/bin/sh\nenv > "${join(root(), 'terraform-env')}"\nexec "${real}" "$@"\n`);
    chmodSync(join(bin, 'terraform'), 0o755);
    return { PATH: `${bin}:${process.env.PATH ?? ''}` };
  };

  it('a saved plan without its JSON rendering is refused; terraform (the providers the pull request chose) never runs beside the signing key', async () => {
    planJob(REPLACE, 'artifact', { json: false });
    const r = await gate({ env: probe() });
    expect(existsSync(join(root(), 'terraform-env'))).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tfplan\.json/);
    expect(lastCheck().conclusion).toBe('failure');
  });

  it('nor does it for a saved plan larger than the streaming threshold (256 MB): its rendering is what the gate reads', async () => {
    const out = planJob(REPLACE);
    truncateSync(join(out, 'tfplan'), STREAM_THRESHOLD + 1); // padded (sparse): the plan job's code writes what it likes
    const r = await gate({ env: probe() });
    expect(existsSync(join(root(), 'terraform-env'))).toBe(false);
    expect(r.stdout).toMatch(/::error::Steer: REVIEW REQUIRED/); // judged from the rendering, not failed
    expect(lastRecord().plans[0]).toMatchObject({ artifact: expect.stringMatching(/^sha256:/), verdict: 'review' });
  });
});

describe('apply-time settings that change what terraform runs are refused', () => {
  const cases: [string, Record<string, string>][] = [
    ['TF_CLI_ARGS_apply', { TF_CLI_ARGS_apply: '-parallelism=1' }],
    ['TF_CLI_ARGS', { TF_CLI_ARGS: '-no-color' }],
    ['TF_REATTACH_PROVIDERS', { TF_REATTACH_PROVIDERS: '{}' }],
  ];
  it.each(cases)('%s', async (name, env) => {
    planJob(REPLACE);
    await gate();
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    const before = dbId();
    const r = await applyArtifact('artifact', env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(name);
    expect(dbId()).toBe(before);
  });

  it('a CLI configuration with provider dev_overrides (a provider binary the lock file does not pin)', async () => {
    planJob(REPLACE);
    await gate();
    approve();
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    const rc = join(root(), 'dev.tfrc');
    writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "hashicorp/null" = "${root()}"\n  }\n  direct {}\n}\n`);
    const before = dbId();
    const r = await applyArtifact('artifact', { TF_CLI_CONFIG_FILE: rc });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dev_overrides/);
    expect(dbId()).toBe(before);
  });
});

describe('GitHub failing is never an approval', () => {
  it('a rate-limited activity API (who pushed) fails the gate and apply; it does not drop the pushers', async () => {
    gh().pushes.push({ actor: 'carol', ref: 'refs/heads/changes' });
    // The head branch's repository (the example pull request's: Codertocat/Hello-World) answers 403 "rate limit exceeded", reset in an hour.
    const limited = () =>
      gh().failures.push({ method: 'GET', pathPrefix: '/repos/Codertocat/Hello-World/activity', status: 403, times: 100, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } });
    planJob(REPLACE);
    await gate();
    approve('carol');
    limited();
    const second = await gate({ event: 'pull_request_review' });
    expect(second.code).toBe(1);
    expect(lastCheck().conclusion).not.toBe('success');
    // Even with a green check (made while GitHub answered), apply's re-read must not pass on a rate limit.
    gh().failures = [];
    gh().pushes = [];
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0);
    gh().pushes.push({ actor: 'carol', ref: 'refs/heads/changes' });
    limited();
    const before = dbId();
    const r = await applyArtifact();
    expect(r.code).toBe(1);
    expect(dbId()).toBe(before);
  });
});

describe('every page is read', () => {
  it('the newest steer check counts even when it is on the second page; reviews past the first hundred count too', async () => {
    planJob(REPLACE);
    await gate();
    for (let i = 0; i < 120; i++) gh().reviews.push({ login: `drive-by-${i}`, state: 'COMMENTED', commitId: chain.head(), submittedAt: new Date().toISOString() });
    approve('alice');
    expect((await gate({ event: 'pull_request_review' })).code).toBe(0); // alice's review is on the second page
    const approved = lastCheck();
    // The agent's token writes checks named steer: older ids first in GitHub's list (page 1 ends
    // with the gate's approved check), newer ones after it (page 2). The newest of all counts.
    const forged = (id: number) => ({ ...structuredClone(approved), id, output: { ...approved.output, summary: 'forged' } });
    gh().checkRuns = [...Array.from({ length: 98 }, (_, i) => forged(i + 1)), ...gh().checkRuns, ...Array.from({ length: 60 }, (_, i) => forged(approved.id + 1 + i))];
    expect(gh().checkRuns.indexOf(approved)).toBe(99);
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no approval record|not signed/);
  });
});

describe('the signing key', () => {
  it('a short key (its HMACs are public in the check run: guessable offline) is refused by the gate and by apply', async () => {
    planJob(REPLACE);
    const g = await gate({ key: 'changeme' });
    expect(g.code).toBe(1);
    expect(g.stdout).toMatch(/signing-key.*at least 32/);
    const r = await applyArtifact('artifact', { STEER_SIGNING_KEY: 'changeme' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/STEER_SIGNING_KEY .*at least 32/);
  });

  it('a key handed to a pull_request workflow (the pull request\'s own copy of the workflow could print it) is warned about', async () => {
    planJob(REPLACE);
    const g = await gate({ event: 'pull_request' });
    expect(g.stdout).toMatch(/::warning::.*signing-key.*pull_request/);
  });
});

describe('GitHub settings Steer cannot enforce are checked and said', () => {
  it('a base branch that does not require the steer check is warned about, by the gate and by apply', async () => {
    planJob(`${CONFIG}resource "terraform_data" "extra" {}\n`);
    expect((await gate()).stdout).not.toMatch(/requires the steer check/);
    gh().rulesetChecks = {};
    const g = await gate();
    expect(g.code).toBe(0); // said, not decided on: the gate's own check can't make GitHub wait for it
    expect(g.stdout).toMatch(/::warning::Steer: no ruleset or branch protection of main requires the steer check/);
    const r = await applyArtifact();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/WARNING: no ruleset or branch protection of main requires the steer check/);
    gh().protectionChecks = { main: ['steer'] }; // classic branch protection counts too
    expect((await gate()).stdout).not.toMatch(/requires the steer check/);
  });
});

describe('provider builds committed to the repository need review', () => {
  it.each(['terraform.d/plugins/registry.terraform.io/hashicorp/aws/5.0.0/linux_amd64/terraform-provider-aws', 'infra/.terraform/providers/registry.terraform.io/hashicorp/aws/5.0.0/linux_amd64/terraform-provider-aws'])('%s', async (file) => {
    planJob(`${CONFIG}resource "terraform_data" "extra" {}\n`);
    gh().prFiles = ['main.tf', file];
    expect((await gate()).code).toBe(1);
    expect(lastRecord().verdict).toBe('review');
    expect(gh().comments.at(-1)!.body).toMatch(/terraform init can take provider builds from there/);
  });
});

describe('changes to what decides which Steer runs need review', () => {
  it.each(['package-lock.json', 'package.json', '.npmrc', 'npm-shrinkwrap.json'])('%s', async (file) => {
    planJob(`${CONFIG}resource "terraform_data" "extra" {}\n`);
    gh().prFiles = ['main.tf', file];
    expect((await gate()).code).toBe(1);
    expect(lastRecord().verdict).toBe('review');
    expect(gh().comments.at(-1)!.body).toContain(file);
  });
});
