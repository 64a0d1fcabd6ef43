import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand, ListStackResourcesCommand, waitUntilStackCreateComplete } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type Moto } from '../support/moto.js';
import { runCli } from '../support/run-cli.js';

// The real AWS SDK speaking HTTP to a real CloudFormation API (moto_server) on loopback.
let moto: Moto;
let cfn: CloudFormationClient;
let dir: string;

const table = (name: string) => ({ Type: 'AWS::DynamoDB::Table', Properties: { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } });
const v1 = {
  Resources: {
    Data: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'steer-orders-data' } },
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'steer-jobs' } },
    Alerts: { Type: 'AWS::SNS::Topic' },
    Orders: table('steer-orders'),
    Flag: { Type: 'AWS::SSM::Parameter', Properties: { Name: 'steer-flag', Type: 'String', Value: 'on' } },
  },
};
// Renames the bucket and the table (replacements on real AWS), changes the queue, removes the topic and the parameter.
const v2 = { Resources: { Data: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'steer-orders-data-2' } }, Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'steer-jobs', DelaySeconds: 5 } }, Orders: table('steer-orders-2') } };

const snapshot = async (stack: string) => {
  const s = (await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks![0]!;
  const r = (await cfn.send(new ListStackResourcesCommand({ StackName: stack }))).StackResourceSummaries ?? [];
  return { status: s.StackStatus, resources: r.map((x) => `${x.LogicalResourceId}:${x.PhysicalResourceId}:${x.ResourceStatus}`).sort() };
};

beforeAll(async () => {
  moto = await startMoto();
  cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await cfn.send(new CreateStackCommand({ StackName: 'orders-prod', TemplateBody: JSON.stringify(v1), Tags: [{ Key: 'Environment', Value: 'production' }] }));
  await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: 'orders-prod' });
  dir = mkdtempSync(join(tmpdir(), 'steer-cfn-'));
  writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1));
  writeFileSync(join(dir, 'v2.json'), JSON.stringify(v2));
});
afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('steer changeset create, against a real CloudFormation API', () => {
  it('creates an UPDATE change set, analyzes it, prints its ARN, and never executes it', async () => {
    const before = await snapshot('orders-prod');
    const r = runCli(['changeset', 'create', '--stack', 'orders-prod', '--template', join(dir, 'v2.json'), '--name', 'agent-fix', '--format', 'json'], { env: moto.env, cwd: dir });
    expect(r.stderr).toMatch(/created UPDATE change set arn:aws:cloudformation:us-east-1:\d{12}:changeSet\/agent-fix\/\S+ \(not executed\)/);
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(2);
    const plan = report.plans[0];
    expect(plan.changeSetArn).toMatch(/changeSet\/agent-fix\//);
    const byId = Object.fromEntries(plan.changes.map((c: { address: string }) => [c.address, c]));
    expect(byId.Alerts).toMatchObject({ action: 'delete', production: true });
    expect(byId.Flag).toMatchObject({ action: 'delete', type: 'AWS::SSM::Parameter' });
    expect(byId.Orders).toMatchObject({ action: 'update', replacementUnknown: true, stateful: true, dataLoss: true });
    // moto does not say whether a Modify replaces: Steer treats it as unknown, never as safe.
    expect(byId.Data).toMatchObject({ action: 'update', replacementUnknown: true, stateful: true, dataLoss: true });
    expect(plan.production.signals.map((s: { detail: string }) => s.detail)).toContain('stack tag Environment=production');
    expect(await snapshot('orders-prod')).toEqual(before);
  });

  it('plan-check --stack --change-set analyzes an existing change set, giving the same digest', () => {
    const created = JSON.parse(runCli(['changeset', 'create', '--stack', 'orders-prod', '--template', join(dir, 'v2.json'), '--name', 'again', '--format', 'json'], { env: moto.env, cwd: dir }).stdout);
    const arn = created.plans[0].changeSetArn;
    const byName = runCli(['plan-check', '--stack', 'orders-prod', '--change-set', 'again', '--format', 'json'], { env: moto.env, cwd: dir });
    const byArn = runCli(['plan-check', '--change-set', arn, '--format', 'json'], { env: moto.env, cwd: dir });
    expect(byName.code).toBe(2);
    expect(JSON.parse(byName.stdout).digest).toBe(created.digest);
    expect(JSON.parse(byArn.stdout).digest).toBe(created.digest);
  });

  it('plan-check --stack --change-set reads the templates (GetTemplate, proposed and deployed): their references give the blast radius', async () => {
    const withPolicy = (queue: string) => ({
      Resources: {
        Work: { Type: 'AWS::SQS::Queue', Properties: { QueueName: queue } },
        WorkPolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Work' }], PolicyDocument: { Statement: [] } } },
      },
    });
    await cfn.send(new CreateStackCommand({ StackName: 'queues-prod', TemplateBody: JSON.stringify(withPolicy('steer-work')) }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: 'queues-prod' });
    // The queue goes, and the policy that refers to it with it: the deployed template says who depends on it.
    writeFileSync(join(dir, 'queues-v2.json'), JSON.stringify({ Resources: { Other: { Type: 'AWS::SNS::Topic' } } }));
    runCli(['changeset', 'create', '--stack', 'queues-prod', '--template', join(dir, 'queues-v2.json'), '--name', 'rename', '--format', 'json'], { env: moto.env, cwd: dir });
    const report = JSON.parse(runCli(['plan-check', '--stack', 'queues-prod', '--change-set', 'rename', '--format', 'json'], { env: moto.env, cwd: dir }).stdout);
    const plan = report.plans[0];
    expect(plan.dependencySources.join(' ')).toMatch(/GetTemplate/);
    expect(plan.blastRadius.find((r: { address: string }) => r.address === 'Work')?.resources.map((d: { address: string }) => d.address)).toContain('WorkPolicy');
  });

  it('creates a CREATE change set for a new stack', () => {
    const r = runCli(['changeset', 'create', '--stack', 'new-dev-stack', '--template', join(dir, 'v1.json'), '--format', 'json'], { env: moto.env, cwd: dir });
    expect(r.stderr).toMatch(/created CREATE change set/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plans[0].changes.every((c: { action: string }) => c.action === 'create')).toBe(true);
  });

  it('the same template again: a clean "no changes" (the empty change set), exit 0', async () => {
    const steady = { Resources: { Audit: { Type: 'AWS::SNS::Topic' } } };
    writeFileSync(join(dir, 'steady.json'), JSON.stringify(steady));
    await cfn.send(new CreateStackCommand({ StackName: 'steady', TemplateBody: JSON.stringify(steady) }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: 'steady' });
    const r = runCli(['changeset', 'create', '--stack', 'steady', '--template', join(dir, 'steady.json'), '--format', 'json'], { env: moto.env, cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    // moto lists a change even in its empty change set; nothing can be executed from a FAILED one.
    expect(report.plans[0].changes).toEqual([]);
    expect(report.plans[0].noChanges).toBe(true);
    expect(report.findings.map((f: { message: string }) => f.message).join('\n')).toMatch(/no changes: The submitted information didn't contain changes/);
  });

  it('a change set that does not exist is an error, not a pass', () => {
    const r = runCli(['plan-check', '--stack', 'orders-prod', '--change-set', 'nope'], { env: moto.env, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^steer: error: CloudFormation DescribeChangeSet failed/);
  });

  it('an unreachable API is an error, not a pass', () => {
    const r = runCli(['plan-check', '--stack', 'orders-prod', '--change-set', 'x'], { env: { ...moto.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, cwd: dir });
    expect(r.code).toBe(1);
  });
});
