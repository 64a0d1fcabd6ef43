import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, ListStackResourcesCommand, waitUntilStackCreateComplete } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/github-fake.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runCliAsync } from '../support/run-cli.js';

// Attacks on `steer execute` (issue 14) against a real CloudFormation API (moto_server) and the
// loopback GitHub: the change set ARN is what was judged, on its own stack, whatever the verdict.
let moto: Moto;
let gh: FakeGitHub;
let cfn: CloudFormationClient;
let dir: string;
const HEAD = '0'.repeat(40);
const KEY = 'execute-attacks-gate-signing-key-0123456789';
const queue = (stack: string) => ({ Type: 'AWS::SQS::Queue', Properties: { QueueName: `steer-${stack}-attack-q` } });
const env = () => ({ ...moto.env, GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url, STEER_GITHUB_RETRY_BASE_MS: '5', STEER_SIGNING_KEY: KEY, STEER_CFN_POLL_MS: '200' });
const resources = async (stack: string) => ((await cfn.send(new ListStackResourcesCommand({ StackName: stack }))).StackResourceSummaries ?? []).map((r) => r.LogicalResourceId).sort();
async function changeSet(stack: string, name: string, template: Record<string, unknown>, extra: string[] = []): Promise<{ arn: string; digest: string; verdict: string }> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(template));
  const r = await runCliAsync(['changeset', 'create', '--stack', stack, '--template', file, '--name', name, '--format', 'json', ...extra], { cwd: dir, env: env() });
  const report = JSON.parse(r.stdout);
  return { arn: report.plans[0].changeSetArn, digest: report.digest, verdict: report.verdict };
}
const execute = (stack: string, arn: string, extra: string[] = []) => runCliAsync(['execute', '--stack', stack, '--change-set', arn, '--github-pr', '1', ...extra], { cwd: dir, env: env() });

beforeAll(async () => {
  moto = await startMoto();
  gh = new FakeGitHub();
  await gh.start();
  cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  dir = mkdtempSync(join(tmpdir(), 'steer-exec-attack-'));
  for (const stack of ['payments', 'sandbox']) {
    await cfn.send(new CreateStackCommand({ StackName: stack, TemplateBody: JSON.stringify({ Resources: { Queue: queue(stack), Alerts: { Type: 'AWS::SNS::Topic' } } }) }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: stack });
  }
});
afterAll(async () => {
  await moto?.stop();
  await gh?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('steer execute, attacked', () => {
  it('a change set of one stack is not executed under the name of another (--stack is where tags are read and what is waited for)', async () => {
    const cs = await changeSet('payments', 'drop-alerts', { Resources: { Queue: queue('payments') } }, ['--env', 'production']);
    gh.addSteerCheck({ artifact: cs.arn, digest: cs.digest, verdict: cs.verdict }, HEAD, { key: KEY });
    const r = await execute('sandbox', cs.arn, ['--env', 'production']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/belongs to stack payments, not to --stack sandbox/);
    expect(await resources('payments')).toEqual(['Alerts', 'Queue']);
  });

  it('a change set Steer allows is executed only when the pull request\'s gate judged that very ARN', async () => {
    gh.checkRuns = [];
    // A new stack: change sets that only create (outside production, Steer allows them).
    const judged = await changeSet('fresh', 'create-topic', { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }, ['--env', 'staging']);
    expect(judged.verdict).toBe('allow');
    gh.addSteerCheck({ artifact: judged.arn, digest: judged.digest, verdict: 'allow' }, HEAD, { key: KEY, review: false });
    // Another change set for the same stack, by whoever can create them, that Steer would allow too.
    const other = await changeSet('fresh', 'create-other', { Resources: { Other: { Type: 'AWS::SNS::Topic' } } }, ['--env', 'staging']);
    expect(other.verdict).toBe('allow');
    const r = await execute('fresh', other.arn, ['--env', 'staging']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not the plan that was reviewed/);
    const ok = await execute('fresh', judged.arn, ['--env', 'staging']);
    expect(ok.stderr).toMatch(/"outcome":"approved".*"source":"github"/);
    expect(ok.code).toBe(0);
    expect(await resources('fresh')).toEqual(['Topic']);
  });
});
