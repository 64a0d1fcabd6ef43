import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessedChange, Report } from '../../src/core/report.js';
import { analyze } from '../support/analyze.js';
import { fixturesDir } from '../support/paths.js';

// Hand-written change sets for what the real corpus and moto lack (fixtures/cloudformation/README.md).
const fixture = (...names: string[]) => names.map((n) => join(fixturesDir, 'cloudformation', n));
const byAddress = (report: Report): Record<string, AssessedChange> => Object.fromEntries(report.plans[0]!.changes.map((c) => [c.change.address, c]));
const codes = (report: Report) => report.findings.map((f) => f.code);

describe('hand-written CloudFormation change sets', () => {
  it('top-level Replacement Conditional may replace, shows the property, and needs review on production', async () => {
    const report = await analyze(fixture('replacement-conditional.json'));
    const db = byAddress(report).OrdersDb!;
    expect(db.change).toMatchObject({ action: 'update', mayReplace: true, replacementUnknown: false, reasons: { forcedBy: ['Properties.EngineVersion (conditionally)'] } });
    expect(db.change.reasons.notes.join('\n')).toMatch(/PolicyAction not given/);
    expect(db.dataLoss).toBe(true);
    expect(codes(report)).toContain('STEER-MAY-REPLACE-PROD');
    expect(report.verdict).toBe('review');
  });

  it('Import is an import, and allowed', async () => {
    const report = await analyze(fixture('import.json'));
    expect(byAddress(report).Archive!.change).toMatchObject({ action: 'import', importing: true, destroys: false });
    expect(report.verdict).toBe('allow');
  });

  it('Action Dynamic is known only at execution: review', async () => {
    const report = await analyze(fixture('dynamic-action.json'));
    expect(byAddress(report).Jobs!.change).toMatchObject({ replacementUnknown: true, sourceActions: ['Dynamic'] });
    expect(codes(report)).toContain('STEER-REPLACE-UNKNOWN');
    expect(report.verdict).toBe('review');
  });

  it('PolicyAction Retain/Snapshot/ReplaceAndRetain/ReplaceAndSnapshot are shown but are not data loss; Delete is', async () => {
    const report = await analyze(fixture('policy-actions.json'));
    const c = byAddress(report);
    for (const [address, policy] of [['Uploads', 'Retain'], ['LegacyDb', 'Snapshot'], ['Sessions', 'ReplaceAndRetain'], ['Ledger', 'ReplaceAndSnapshot']] as const) {
      expect(c[address]!.change.policyAction, address).toBe(policy);
      expect(c[address]!.dataLoss, address).toBe(false);
    }
    expect(c.Events!.dataLoss).toBe(true);
    expect(report.findings.filter((f) => f.code === 'STEER-DATA-LOSS').map((f) => f.address)).toEqual(['Events']);
    expect(report.verdict).toBe('review');
  });

  it('a DeletionPolicy/UpdateReplacePolicy change on a stateful type weakens its protection', async () => {
    const report = await analyze(fixture('scope-deletion-policy.json'));
    expect(byAddress(report).Orders!.change.protectionWeakened).toMatch(/DeletionPolicy and UpdateReplacePolicy/);
    expect(codes(report)).toContain('STEER-PROTECTION-WEAKENED');
    expect(report.verdict).toBe('review');
  });

  it('the property-values warning (aws-cdk-cli#1780) makes a file incomplete: review', async () => {
    const report = await analyze(fixture('property-values-warning.json'));
    expect(report.plans[0]!.plan.complete).toBe(false);
    expect(codes(report)).toContain('STEER-PLAN-INCOMPLETE');
    expect(report.verdict).toBe('review');
  });

  it('BeforeContext/AfterContext as JSON strings and as objects give the same analysis and digest', async () => {
    const strings = await analyze(fixture('contexts/as-strings.json'));
    const objects = await analyze(fixture('contexts/as-objects.json'));
    expect(objects.plans[0]!.changes.map((c) => c.change)).toEqual(strings.plans[0]!.changes.map((c) => c.change));
    expect(objects.digest).toBe(strings.digest);
    expect(strings.plans[0]!.changes[0]!.change.tagsBefore).toEqual({ team: 'orders' });
  });

  it('property values reach the model only for the properties that force a replacement; other changes keep their names', async () => {
    const report = await analyze(fixture('contexts/as-strings.json', 'property-values-warning.json'));
    const model = JSON.stringify(report.plans.map((p) => p.plan));
    expect(model).not.toMatch(/"60"|VisibilityTimeout":"30/);
    expect(report.plans[0]!.changes[0]!.change.forcedValues).toEqual([{ attribute: 'Properties.TopicName', before: '"orders-alerts"', after: '"orders-alerts-v2"' }]);
    expect(report.plans[1]!.changes[0]!.change.changedAttributes).toEqual(['VisibilityTimeout']);
  });

  it('two pages of one change set, given as a directory, are one plan', async () => {
    const report = await analyze(fixture('pages'));
    expect(report.plans).toHaveLength(1);
    expect(Object.keys(byAddress(report)).sort()).toEqual(['Api', 'Cache', 'Reports']);
    expect(report.plans[0]!.plan.target.changeSetArn).toMatch(/changeSet\/big-change\//);
  });

  it('a root change set with its nested child and grandchild is one plan, changes under the nested stack path', async () => {
    const report = await analyze(fixture('nested'));
    expect(report.plans).toHaveLength(1);
    const c = byAddress(report);
    expect(c['Data.Index']!.change).toMatchObject({ module: 'Data', action: 'delete' });
    expect(c['Data.Archive.Bucket']!.change).toMatchObject({ module: 'Data.Archive', action: 'replace', policyAction: 'ReplaceAndDelete' });
    const plan = report.plans[0]!.plan;
    expect(plan).toMatchObject({ complete: true, target: { stack: 'orders-prod', account: '123456789012', region: 'eu-west-1' } });
    expect(plan.notExecutable).toBeUndefined();
    expect(plan.target.changeSetArn).toMatch(/changeSet\/nested-fix\//);
  });

  it('the nested change sets change the digest: a different grandchild, a different digest', async () => {
    const all = await analyze(fixture('nested/root.json', 'nested/child.json', 'nested/grandchild.json'));
    const rootOnly = await analyze(fixture('nested/root.json'));
    expect(all.digest).not.toBe(rootOnly.digest);
  });

  it('a nested child without its root is analyzed but cannot be executed', async () => {
    const report = await analyze(fixture('nested/child.json', 'nested/grandchild.json'));
    expect(report.plans).toHaveLength(1);
    expect(report.plans[0]!.plan.notExecutable).toMatch(/executable only from its root change set/);
    expect(Object.keys(byAddress(report))).toContain('Archive.Bucket');
    expect(codes(report)).toContain('STEER-NOT-EXECUTABLE');
  });
});
