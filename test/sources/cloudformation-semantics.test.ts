import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { cloudFormationPlans } from '../../src/sources/cloudformation/parse.js';
import { cfnChange, changeSet, CS_ARN, type CfnChangeOptions } from '../support/changeset.js';

const plans = (...docs: Record<string, unknown>[]) => cloudFormationPlans(docs.map((doc, i) => ({ path: `cs${i}.json`, doc, notes: [] })));
const one = (o: CfnChangeOptions) => plans(changeSet([cfnChange(o)]))[0]!.changes[0]!;
const report = (...docs: Record<string, unknown>[]) => assess(plans(...docs), { config: DEFAULT_CONFIG });

describe('CloudFormation change semantics', () => {
  it('Remove is a delete; Modify with Replacement True a replacement (created first)', () => {
    expect(one({ action: 'Remove', policyAction: 'Delete' })).toMatchObject({ action: 'delete', destroys: true });
    expect(one({ action: 'Modify', replacement: 'True', policyAction: 'ReplaceAndDelete' })).toMatchObject({ action: 'replace', destroys: true, replaceOrder: 'create-before-destroy' });
  });

  it('Replacement Conditional may replace', () => {
    expect(one({ action: 'Modify', replacement: 'Conditional', details: [{ name: 'Engine', requiresRecreation: 'Conditionally' }] })).toMatchObject({
      action: 'update',
      mayReplace: true,
      reasons: { forcedBy: ['Properties.Engine (conditionally)'] },
    });
  });

  it('RequiresRecreation Always evaluated dynamically, or missing, means conditionally', () => {
    const c = one({ action: 'Modify', replacement: 'Conditional', details: [{ name: 'A', requiresRecreation: 'Always', evaluation: 'Dynamic' }, { name: 'B' }] });
    expect(c.mayReplace).toBe(true);
    expect(c.reasons.forcedBy).toEqual(['Properties.A (conditionally)', 'Properties.B (conditionally)']);
  });

  it('Replacement False beside a recreating property known only at execution is unknown: review, never safe', () => {
    const r = report(changeSet([cfnChange({ id: 'Queue', type: 'AWS::SQS::Queue', action: 'Modify', replacement: 'False', details: [{ name: 'QueueName', requiresRecreation: 'Always', evaluation: 'Dynamic' }] })]));
    const c = r.plans[0]!.changes[0]!.change;
    expect(c).toMatchObject({ replacementUnknown: true, mayReplace: false, reasons: { forcedBy: ['Properties.QueueName (conditionally)'] } });
    expect(r.verdict).toBe('review');
    expect(one({ action: 'Modify', replacement: 'False', details: [{ name: 'DisplayName', requiresRecreation: 'Never', evaluation: 'Dynamic' }] }).replacementUnknown).toBe(false);
  });

  it('tag values masked by CloudFormation (NoEcho) are redacted; others feed production detection', () => {
    const c = one({ action: 'Modify', replacement: 'False', before: { Properties: { Tags: [{ Key: 'Token', Value: '****' }, { Key: 'env', Value: 'prod' }] } } });
    expect(c.tagsBefore).toEqual({ Token: '(sensitive value)', env: 'prod' });
  });

  it('a Modify that does not say whether it replaces is unknown: review, never safe', () => {
    const r = report(changeSet([cfnChange({ id: 'Queue', type: 'AWS::SQS::Queue', action: 'Modify' })]));
    expect(r.plans[0]!.changes[0]!.change.replacementUnknown).toBe(true);
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => f.code)).toContain('STEER-REPLACE-UNKNOWN');
  });

  it('Dynamic is known only at execution: review', () => {
    const r = report(changeSet([cfnChange({ action: 'Dynamic' })]));
    expect(r.verdict).toBe('review');
  });

  it('Import is an import', () => {
    expect(one({ action: 'Import' })).toMatchObject({ action: 'import', importing: true });
  });

  it.each([
    ['Delete', true],
    ['ReplaceAndDelete', true],
    ['Retain', false],
    ['Snapshot', false],
    ['ReplaceAndRetain', false],
    ['ReplaceAndSnapshot', false],
  ])('PolicyAction %s decides data loss (loss: %s), and is shown either way', (policy, loss) => {
    const action = policy.startsWith('Replace') ? 'Modify' : 'Remove';
    const r = assess(plans(changeSet([cfnChange({ action, replacement: 'True', policyAction: policy })])), { config: DEFAULT_CONFIG, explicitEnv: 'prod' });
    const c = r.plans[0]!.changes[0]!;
    expect(c.dataLoss).toBe(loss);
    expect(c.change.policyAction).toBe(policy);
  });

  it('no PolicyAction: says so and assumes loss for a stateful type', () => {
    const r = assess(plans(changeSet([cfnChange({ action: 'Remove' })])), { config: DEFAULT_CONFIG, explicitEnv: 'prod' });
    expect(r.plans[0]!.changes[0]!.dataLoss).toBe(true);
    expect(r.plans[0]!.changes[0]!.change.reasons.notes.join()).toMatch(/PolicyAction not given/);
    expect(r.findings[0]!.code).toBe('STEER-DATA-LOSS');
  });

  it('a DeletionPolicy change on a stateful type on production is flagged', () => {
    const r = assess(plans(changeSet([cfnChange({ action: 'Modify', replacement: 'False', scope: ['DeletionPolicy'] })])), { config: DEFAULT_CONFIG, explicitEnv: 'prod' });
    expect(r.findings.map((f) => f.code)).toContain('STEER-PROTECTION-WEAKENED');
    expect(r.verdict).toBe('review');
  });

  it('stack name, tags and parameters feed production detection; NoEcho values are redacted', () => {
    const r = report(changeSet([cfnChange({ action: 'Remove', type: 'AWS::SNS::Topic' })], { StackName: 'orders', Tags: [{ Key: 'Environment', Value: 'production' }], Parameters: [{ ParameterKey: 'DbPassword', ParameterValue: '****' }, { ParameterKey: 'Stage', ParameterValue: 'prod' }] }));
    const details = r.plans[0]!.production.map((s) => s.detail);
    expect(details).toContain('stack tag Environment=production');
    expect(details).toContain('variable Stage = "prod"');
    expect(r.plans[0]!.plan.target.variables.DbPassword).toBe('(sensitive value)');
    expect(r.plans[0]!.plan.target).toMatchObject({ account: '123456789012', region: 'eu-west-1', changeSetArn: CS_ARN });
  });

  it('merges the pages of one change set, whatever their order', () => {
    const page1 = changeSet([cfnChange({ id: 'A', action: 'Remove' })], { NextToken: 'tok' });
    const page2 = changeSet([cfnChange({ id: 'B', action: 'Add' })]);
    const merged = plans(page2, page1);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.changes.map((c) => c.address).sort()).toEqual(['A', 'B']);
    expect(merged[0]!.digest).toBe(plans(page1, page2)[0]!.digest);
  });

  it('refuses a change set whose last page is missing', () => {
    expect(() => plans(changeSet([cfnChange({ action: 'Remove' })], { NextToken: 'tok' }))).toThrowError(/more pages \(NextToken\) that were not given/);
  });

  it('the digest binds to the ARN and to every change', () => {
    const base = changeSet([cfnChange({ action: 'Modify', replacement: 'False' })]);
    const d = plans(base)[0]!.digest;
    expect(plans(changeSet([cfnChange({ action: 'Modify', replacement: 'False' })], { ChangeSetId: `${CS_ARN}x` }))[0]!.digest).not.toBe(d);
    expect(plans(changeSet([cfnChange({ action: 'Modify', replacement: 'True' })]))[0]!.digest).not.toBe(d);
    expect(plans(changeSet([cfnChange({ action: 'Modify', replacement: 'False' })], { CreationTime: 'later', ExecutionStatus: 'AVAILABLE' }))[0]!.digest).toBe(d);
  });

  it('a property-values warning makes the plan incomplete (aws-cdk-cli#1780)', () => {
    const r = report(changeSet([], { StatusReason: '[WARN] --include-property-values option can return incomplete ChangeSet data' }));
    expect(r.verdict).toBe('review');
  });

  it('refuses an unknown action and a change set still being created', () => {
    expect(() => plans(changeSet([{ Type: 'Resource', ResourceChange: { Action: 'Obliterate', LogicalResourceId: 'X' } }]))).toThrowError(/unknown action \(CloudFormation writes Add, Modify/);
    expect(() => plans(changeSet([], { Status: 'CREATE_IN_PROGRESS' }))).toThrowError(/still being created/);
  });
});
