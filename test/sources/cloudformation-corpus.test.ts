import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { analyze } from '../support/analyze.js';
import { manifestRows } from '../support/manifest.js';
import { corpusDir } from '../support/paths.js';

const corpus = corpusDir();
const dir = join(corpus, 'cloudformation');
const rows = manifestRows(corpus).filter((r) => readdirSync(dir).includes(r.file));

/** "CREATE_COMPLETE / AVAILABLE / Add×2, Remove×1" → { Add: 2, Remove: 1 }. */
function expectedActions(shape: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (shape.split(' / ')[2] ?? '').split(', ')) {
    const m = /^([A-Za-z]+)×(\d+)$/.exec(part.trim());
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

describe('the real CloudFormation corpus', () => {
  it('lists every CloudFormation file in its MANIFEST', () => {
    expect(rows.length).toBe(readdirSync(dir).length);
  });

  for (const row of rows.filter((r) => !r.file.startsWith('variant__') && !r.file.includes('failed-transform'))) {
    it(`${row.file} parses and classifies as "${row.shape}"`, async () => {
      const report = await analyze(join(dir, row.file));
      const counts: Record<string, number> = {};
      for (const c of report.plans[0]!.changes) counts[c.change.sourceActions[0]!] = (counts[c.change.sourceActions[0]!] ?? 0) + 1;
      expect(counts).toEqual(expectedActions(row.shape));
      for (const c of report.plans[0]!.changes) {
        const [action, replacement] = c.change.sourceActions;
        if (action === 'Remove') expect(c.change.action).toBe('delete');
        if (action === 'Add') expect(c.change.action).toBe('create');
        if (action === 'Modify' && replacement === 'Replacement: True') expect(c.change.action).toBe('replace');
      }
      const exec = row.shape.split(' / ')[1];
      const plan = report.plans[0]!.plan;
      if (row.shape.startsWith('FAILED')) expect(plan.noChanges).toBe(true);
      else if (exec !== 'AVAILABLE' && exec !== '-') expect(report.verdict).not.toBe('allow');
    });
  }

  it('a change set that failed for another reason is an error with the reason', async () => {
    const failed = analyze(join(dir, 'localstack__describe-failed-change-set__failed-transform.json'));
    await expect(failed).rejects.toBeInstanceOf(InputError);
    await expect(failed).rejects.toThrowError(/FAILED: Transform AWS::Include failed with: S3 bucket \[doesnotexist\] does not exist/);
  });

  it('the empty change set is a clean "no changes"', async () => {
    const report = await analyze(join(dir, 'localstack__empty-changeset__failed-no-changes.json'));
    expect(report.verdict).toBe('allow');
    expect(report.plans[0]!.plan.noChanges).toBe(true);
    expect(report.plans[0]!.plan.inputNotes.join('\n')).toMatch(/no changes: The submitted information didn't contain changes/);
  });

  it.each(['localstack__create-while-in-review__obsolete.json', 'localstack__name-conflicts__execute-complete.json'])('%s cannot be executed: review', async (file) => {
    const report = await analyze(join(dir, file));
    expect(report.findings.map((f) => f.code)).toContain('STEER-NOT-EXECUTABLE');
    expect(report.verdict).toBe('review');
  });

  it('a replacement with ReplaceAndDelete on a stateful type is data loss on production', async () => {
    const report = await analyze(join(dir, 'localstack__update-parameter-default__replace-prop-values.json'), { env: 'production' });
    const replaced = report.plans[0]!.changes.find((c) => c.change.action === 'replace')!;
    expect(replaced.change.policyAction).toBe('ReplaceAndDelete');
    expect(replaced.change.reasons.forcedBy.length).toBeGreaterThan(0);
  });

  it('an Add carrying Replacement "True" is a create, not a replacement', async () => {
    const report = await analyze(join(dir, 'localstack__condition-update-removes-resource__remove-add-prop-values.json'));
    expect(report.plans[0]!.changes.map((c) => c.change.action).sort()).toEqual(['create', 'delete']);
  });

  it('RequiresRecreation Always and Conditionally are shown as the reason', async () => {
    const report = await analyze(join(dir, 'aws-cfn-user-guide__sample-replacement-true-conditionally.json'));
    expect(report.plans[0]!.changes[0]!.change.reasons.forcedBy).toEqual(['Properties.KeyName', 'Properties.InstanceType (conditionally)']);
  });

  it('BeforeContext as a JSON string and as an object give the same analysis', async () => {
    const report = await analyze(join(dir, 'localstack__stack-deletion-order-ABC__remove-x3-prop-values.json'));
    expect(report.plans[0]!.changes.every((c) => c.change.action === 'delete')).toBe(true);
  });

  it('a nested root and its child are one plan; the child alone cannot be executed', async () => {
    const both = await analyze([join(dir, 'aws-cfn-user-guide__nested-root-stack-change-set.json'), join(dir, 'aws-cfn-user-guide__nested-child-stack-change-set.json')]);
    expect(both.plans).toHaveLength(1);
    expect(both.plans[0]!.changes.map((c) => c.change.address)).toContain('ChildStack');
    expect(both.plans[0]!.changes.some((c) => c.change.module === 'ChildStack')).toBe(true);
    const root = await analyze(join(dir, 'aws-cfn-user-guide__nested-root-stack-change-set.json'));
    expect(root.findings.map((f) => f.code)).toContain('STEER-PLAN-INCOMPLETE');
    const child = await analyze(join(dir, 'aws-cfn-user-guide__nested-child-stack-change-set.json'));
    expect(child.findings.map((f) => f.code)).toContain('STEER-NOT-EXECUTABLE');
  });

  it.each(readdirSync(dir).filter((f) => f.startsWith('variant__')))('rejects the console export %s with a clear message', async (file) => {
    await expect(analyze(join(dir, file))).rejects.toThrowError(/console's "JSON changes" export/);
  });

  it('reads the account and region from the ARN', async () => {
    const report = await analyze(join(dir, 'aws-cli__describe-change-set-example.json'));
    expect(report.plans[0]!.plan.target).toMatchObject({ account: expect.stringMatching(/^\d{12}$/), region: expect.any(String) });
  });
});
