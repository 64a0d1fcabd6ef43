import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/run-cli.js';

/*
 * What moto_server can't show (it never pages, never nests change sets, never sends the
 * property-values warning): a scripted CloudFormation endpoint on loopback speaking the real
 * wire protocol (AWS Query, XML), read by the built CLI through the real AWS SDK.
 */
const ACC = '123456789012';
const ROOT = `arn:aws:cloudformation:eu-west-1:${ACC}:changeSet/nested-fix/00000000-0000-4000-8000-000000000001`;
const CHILD = `arn:aws:cloudformation:eu-west-1:${ACC}:changeSet/orders-Data-1ABC-nested-fix/00000000-0000-4000-8000-000000000002`;
const FAILED = `arn:aws:cloudformation:eu-west-1:${ACC}:changeSet/broken/00000000-0000-4000-8000-000000000003`;
const STACK = `arn:aws:cloudformation:eu-west-1:${ACC}:stack/orders/00000000-0000-4000-8000-0000000000aa`;
const WARN = '[WARN] --include-property-values option can return incomplete ChangeSet data because the change set contains resource types that do not support property values';
const SECRET_CONTEXT = JSON.stringify({ Properties: { TableName: 'orders-index', SSESpecification: { KMSMasterKeyId: 'do-not-leak-me' } } });

const change = (rc: Record<string, unknown>) => ({ Type: 'Resource', ResourceChange: rc });
const dataStack = change({ Action: 'Modify', LogicalResourceId: 'Data', ResourceType: 'AWS::CloudFormation::Stack', Replacement: 'False', Scope: ['Properties'], ChangeSetId: CHILD });
const reports = change({ Action: 'Remove', LogicalResourceId: 'Reports', ResourceType: 'AWS::S3::Bucket', PolicyAction: 'Delete', Scope: [] });
const head = { ChangeSetName: 'nested-fix', ChangeSetId: ROOT, StackId: STACK, StackName: 'orders', Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE', IncludeNestedStacks: true };

/** DescribeChangeSet responses by change set, property values, and page token. */
function describeChangeSet(p: URLSearchParams): Record<string, unknown> | undefined {
  const name = p.get('ChangeSetName');
  const values = p.get('IncludePropertyValues') === 'true';
  const token = p.get('NextToken');
  if (name === 'nested-fix' || name === ROOT) {
    // With property values the second page silently lacks the Remove (aws-cdk-cli#1780).
    if (!token) return { ...head, ...(values ? { StatusReason: WARN } : {}), NextToken: 'page-2', Changes: [values ? change({ ...dataStack.ResourceChange, BeforeContext: '{"Properties":{}}' }) : dataStack] };
    if (token === 'page-2') return { ...head, ...(values ? { StatusReason: WARN } : {}), Changes: values ? [] : [reports] };
  }
  if (name === CHILD) {
    return {
      ChangeSetName: 'orders-Data-1ABC-nested-fix', ChangeSetId: CHILD, StackName: 'orders-Data-1ABC', Status: 'CREATE_COMPLETE', ExecutionStatus: 'UNAVAILABLE',
      ParentChangeSetId: ROOT, RootChangeSetId: ROOT,
      Changes: [change({ Action: 'Remove', LogicalResourceId: 'Index', ResourceType: 'AWS::DynamoDB::Table', PolicyAction: 'Delete', Scope: [], ...(values ? { BeforeContext: SECRET_CONTEXT } : {}) })],
    };
  }
  if (name === 'broken') return { ChangeSetName: 'broken', ChangeSetId: FAILED, StackId: STACK, StackName: 'orders', Status: 'FAILED', ExecutionStatus: 'UNAVAILABLE', StatusReason: 'Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template', Changes: [] };
  return undefined;
}

/** AWS Query XML: lists as <member>, structures as nested elements. */
function xml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<member>${xml(v)}</member>`).join('');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => `<${k}>${xml(v)}</${k}>`).join('');
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const requests: URLSearchParams[] = [];
let server: Server;
let env: Record<string, string>;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const p = new URLSearchParams(body);
      requests.push(p);
      const action = p.get('Action') ?? '';
      const result =
        action === 'DescribeChangeSet' ? describeChangeSet(p) : action === 'DescribeStacks' ? { Stacks: [{ StackName: 'orders', StackId: STACK, StackStatus: 'UPDATE_COMPLETE', CreationTime: '2026-01-01T00:00:00Z', Tags: [{ Key: 'Environment', Value: 'production' }] }] } : undefined;
      res.setHeader('content-type', 'text/xml');
      if (!result) {
        res.statusCode = 400;
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>ChangeSetNotFound</Code><Message>ChangeSet [${xml(p.get('ChangeSetName'))}] does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
        return;
      }
      res.end(`<${action}Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><${action}Result>${xml(result)}</${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env = { AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('plan-check --stack --change-set: describing a change set through the AWS SDK', () => {
  it('follows every page and every nested change set, and describes again without property values after the warning', async () => {
    requests.length = 0;
    const r = await runCliAsync(['plan-check', '--stack', 'orders', '--change-set', 'nested-fix', '--format', 'json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const plan = JSON.parse(r.stdout).plans[0];
    expect(plan.changeSetArn).toBe(ROOT);
    // "Reports" is only on the page described without property values: it was merged back in.
    expect(plan.changes.map((c: { address: string }) => c.address).sort()).toEqual(['Data', 'Data.Index', 'Reports']);
    expect(plan.changes.find((c: { address: string }) => c.address === 'Data.Index')).toMatchObject({ module: 'Data', action: 'delete', dataLoss: true });
    expect(plan.complete).toBe(true);
    expect(plan.production.signals.map((s: { detail: string }) => s.detail)).toContain('stack tag Environment=production');

    const described = requests.filter((p) => p.get('Action') === 'DescribeChangeSet').map((p) => `${p.get('ChangeSetName')}|${p.get('IncludePropertyValues')}|${p.get('NextToken') ?? ''}`);
    expect(described).toEqual(['nested-fix|true|', 'nested-fix|true|page-2', 'nested-fix|false|', 'nested-fix|false|page-2', `${CHILD}|true|`]);
  });

  it('property values are read but never printed', async () => {
    const r = await runCliAsync(['plan-check', '--stack', 'orders', '--change-set', 'nested-fix', '--format', 'json'], { env });
    const text = await runCliAsync(['plan-check', '--stack', 'orders', '--change-set', 'nested-fix'], { env });
    for (const out of [r.stdout, r.stderr, text.stdout, text.stderr]) expect(out).not.toContain('do-not-leak-me');
  });

  it('a FAILED change set (not the empty one) is an error with its reason', async () => {
    const r = await runCliAsync(['plan-check', '--stack', 'orders', '--change-set', 'broken'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED: Template format error: Unresolved resource dependencies \[Missing\]/);
  });
});
