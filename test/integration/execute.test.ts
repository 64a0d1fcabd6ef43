import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, ListStackResourcesCommand, waitUntilStackCreateComplete } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/github-fake.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runCliAsync } from '../support/run-cli.js';

// steer execute against a real CloudFormation API (moto_server) with approvals from a loopback GitHub.
let moto: Moto;
let gh: FakeGitHub;
let cfn: CloudFormationClient;
let dir: string;
const HEAD = '0'.repeat(40);
const v1 = { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'steer-exec-q' } }, Alerts: { Type: 'AWS::SNS::Topic' } } };
const v2 = { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'steer-exec-q' } } } };

const KEY = 'k3y-only-the-gate-job-can-read-0123456789';
const env = () => ({ ...moto.env, GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url, STEER_GITHUB_RETRY_BASE_MS: '5', STEER_SIGNING_KEY: KEY });
const resources = async (stack: string) => ((await cfn.send(new ListStackResourcesCommand({ StackName: stack }))).StackResourceSummaries ?? []).map((r) => r.LogicalResourceId).sort();
async function createChangeSet(stack: string, name: string): Promise<{ arn: string; digest: string; verdict: string }> {
  const r = await runCliAsync(['changeset', 'create', '--stack', stack, '--template', join(dir, 'v2.json'), '--name', name, '--env', 'production', '--format', 'json'], { cwd: dir, env: env() });
  const report = JSON.parse(r.stdout);
  return { arn: report.plans[0].changeSetArn, digest: report.digest, verdict: report.verdict };
}
/** The PR gate approved this change set (its ARN pins it): a signed record on the PR's head. */
const approve = (cs: { arn: string; digest: string; verdict: string }) => gh.addSteerCheck({ artifact: cs.arn, digest: cs.digest, verdict: cs.verdict }, HEAD, { key: KEY });
const execute = (stack: string, arn: string) => runCliAsync(['execute', '--stack', stack, '--change-set', arn, '--env', 'production', '--github-pr', '1'], { cwd: dir, env: env() });

beforeAll(async () => {
  moto = await startMoto();
  gh = new FakeGitHub();
  await gh.start();
  cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  dir = mkdtempSync(join(tmpdir(), 'steer-exec-'));
  writeFileSync(join(dir, 'v2.json'), JSON.stringify(v2));
  for (const stack of ['orders', 'billing']) {
    await cfn.send(new CreateStackCommand({ StackName: stack, TemplateBody: JSON.stringify({ Resources: { ...v1.Resources, Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `steer-${stack}-q` } } } }) }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: stack });
  }
});
afterAll(async () => {
  await moto?.stop();
  await gh?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('steer execute', () => {
  it('refuses without an approval: the stack is unchanged', async () => {
    const { arn } = await createChangeSet('orders', 'unapproved');
    const r = await execute('orders', arn);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/steer: refused: review required/);
    expect(await resources('orders')).toEqual(['Alerts', 'Queue']);
  });

  it('executes the approved change set and waits for the stack', async () => {
    const cs = await createChangeSet('orders', 'approved');
    approve(cs);
    const { arn } = cs;
    const r = await execute('orders', arn);
    expect(r.stderr).toMatch(/"outcome":"approved".*"approver":"alice"/);
    expect(r.stderr).toMatch(/steer: stack orders is UPDATE_COMPLETE/);
    expect(r.code).toBe(0);
    expect(await resources('orders')).toEqual(['Queue']);
  });

  it('refuses a change set replaced after approval (another ARN, another digest)', async () => {
    const first = await createChangeSet('billing', 'first');
    approve(first);
    const second = await createChangeSet('billing', 'second');
    expect(second.digest).not.toBe(first.digest);
    const r = await execute('billing', second.arn);
    expect(r.code).toBe(2);
    expect(await resources('billing')).toEqual(['Alerts', 'Queue']);
  });

  it('refuses a change set the gate judged milder than execute does (e.g. the gate read a file without the stack\'s production tag)', async () => {
    const cs = await createChangeSet('billing', 'milder');
    expect(cs.verdict).toBe('review');
    approve({ ...cs, verdict: 'allow' }); // what the gate concluded from what it was shown
    const r = await execute('billing', cs.arn);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Steer judges this plan review here, but the gate judged it allow/);
    expect(await resources('billing')).toEqual(['Alerts', 'Queue']);
  });
});
