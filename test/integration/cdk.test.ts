import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type Moto } from '../support/moto.js';
import { runCli } from '../support/run-cli.js';

// A real AWS CDK app (aws-cdk-lib, a devDependency) synthesized here; its change sets are created
// against a real CloudFormation API (moto_server) and analyzed, never executed.
const require = createRequire(import.meta.url);
let moto: Moto;
let dir: string;

function synth(withAsset: boolean): string {
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const outdir = join(dir, withAsset ? 'cdk-assets.out' : 'cdk.out');
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'OrdersProd', { stackName: 'orders-prod', synthesizer: new cdk.LegacyStackSynthesizer() });
  new cdk.aws_sqs.Queue(stack, 'Jobs', { queueName: 'steer-cdk-jobs' });
  new cdk.aws_dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'id', type: cdk.aws_dynamodb.AttributeType.STRING } });
  if (withAsset) {
    writeFileSync(join(dir, 'handler.txt'), 'data');
    new cdk.aws_s3_assets.Asset(stack, 'Seed', { path: join(dir, 'handler.txt') });
  }
  app.synth();
  return outdir;
}

beforeAll(async () => {
  moto = await startMoto();
  dir = mkdtempSync(join(tmpdir(), 'steer-cdk-'));
});
afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('steer changeset create --cdk', () => {
  it('creates a change set from a synthesized CDK stack and analyzes it, never executing it', async () => {
    const out = synth(false);
    const r = runCli(['changeset', 'create', '--cdk', out, '--format', 'json'], { cwd: dir, env: moto.env });
    expect(r.stderr).toMatch(/created CREATE change set arn:aws:cloudformation:[^ ]+:changeSet\//);
    const report = JSON.parse(r.stdout);
    expect(report.plans[0].stack).toBe('orders-prod');
    expect(report.plans[0].changes.map((c: { type: string }) => c.type).sort()).toEqual(['AWS::CDK::Metadata', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue'].filter((t) => report.plans[0].changes.some((c: { type: string }) => c.type === t)));
    expect(report.plans[0].changes.every((c: { action: string }) => c.action === 'create')).toBe(true);
    const cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'orders-prod' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('REVIEW_IN_PROGRESS'); // created for the change set, nothing executed
  });

  it('a stack with unpublished assets is refused by name, not skipped', () => {
    const out = synth(true);
    const r = runCli(['changeset', 'create', '--cdk', out], { cwd: dir, env: moto.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out of scope: orders-prod needs asset asset\.[0-9a-f]+\.txt .*cdk deploy --method=prepare-change-set/);
  });
});
