import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../support/analyze.js';
import { fixturesDir } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// Plans made by the real terraform CLI (fixtures/terraform/regenerate.sh).
const plan = (scenario: string) => join(fixturesDir, 'terraform', scenario, 'plan.json');
const byAddress = async (scenario: string, options: Parameters<typeof analyze>[1] = {}) => {
  const report = await analyze(plan(scenario), options);
  return { report, changes: Object.fromEntries(report.plans[0]!.changes.map((c) => [c.change.address, c])) };
};

describe('real Terraform 1.11 plans', () => {
  it('basic actions: create, update, delete, replace, no-op and an output', async () => {
    const { changes, report } = await byAddress('basic-actions');
    expect(changes['terraform_data.new']!.change.action).toBe('create');
    expect(changes['terraform_data.update']!.change.action).toBe('update');
    expect(changes['terraform_data.gone']!.change).toMatchObject({ action: 'delete', destroys: true, reasons: { actionReason: 'delete_because_no_resource_config' } });
    expect(changes['terraform_data.swap']!.change).toMatchObject({ action: 'replace', replaceOrder: 'delete-before-create', reasons: { forcedBy: ['triggers_replace'] } });
    expect(changes['terraform_data.keep']!.change.action).toBe('no-op');
    expect(report.plans[0]!.plan.outputs).toEqual([{ name: 'version', action: 'update', sensitive: false }]);
  });

  it('create_before_destroy is a replacement that creates first', async () => {
    const { changes } = await byAddress('create-before-destroy');
    expect(changes['terraform_data.web']!.change).toMatchObject({ action: 'replace', replaceOrder: 'create-before-destroy', destroys: true });
  });

  it('-replace and replace_triggered_by explain themselves', async () => {
    expect((await byAddress('replace-by-request')).changes['terraform_data.db']!.change.reasons.notes).toContain('replacement was requested (-replace)');
    expect((await byAddress('replace-by-triggers')).changes['terraform_data.app']!.change.reasons.notes).toContain('replace_triggered_by fired');
  });

  it('a removed block with destroy = false forgets: not a deletion', async () => {
    const { changes, report } = await byAddress('forget', { env: 'production' });
    expect(changes['terraform_data.legacy']!.change).toMatchObject({ action: 'forget', destroys: false, forgets: true });
    expect(report.findings.map((f) => f.code)).toEqual(['STEER-FORGET-PROD']);
  });

  it('moved blocks: a pure rename is a move, a rename with changes keeps its action', async () => {
    const { changes } = await byAddress('moved');
    expect(changes['terraform_data.new_name']!.change).toMatchObject({ action: 'move', previousAddress: 'terraform_data.old_name', destroys: false });
    expect(changes['terraform_data.new_changed']!.change).toMatchObject({ action: 'update', previousAddress: 'terraform_data.old_changed' });
  });

  it('count, for_each and module removals are deletions with their reasons', async () => {
    const { changes } = await byAddress('count-and-each');
    expect(changes['terraform_data.counted[2]']!.change.reasons.actionReason).toBe('delete_because_count_index');
    expect(changes['terraform_data.each["b"]']!.change.reasons.actionReason).toBe('delete_because_each_key');
    expect(changes['module.child.terraform_data.inner']!.change).toMatchObject({ action: 'delete', module: 'module.child' });
  });

  it('an errored plan is blocked', async () => {
    const { report } = await byAddress('precondition-error');
    expect(report.verdict).toBe('block');
    expect(report.findings[0]!.code).toBe('STEER-PLAN-ERRORED');
  });

  it('a targeted plan (complete: false) needs review', async () => {
    const { report } = await byAddress('targeted');
    expect(report.verdict).toBe('review');
    expect(report.findings[0]!.code).toBe('STEER-PLAN-INCOMPLETE');
  });

  it('-destroy deletes everything; -refresh-only plans nothing', async () => {
    expect((await analyze(plan('destroy'), { env: 'prod' })).plans[0]!.changes.map((c) => c.change.action)).toEqual(['delete', 'delete']);
    const refresh = await analyze(plan('refresh-only'));
    expect(refresh.plans[0]!.changes).toEqual([]);
    expect(refresh.verdict).toBe('allow');
  });

  it('the environment variable marks production; the sensitive variable never leaves (all formats)', async () => {
    const { changes } = await byAddress('sensitive');
    expect(changes['terraform_data.db']!.production.map((s) => s.detail)).toContain('variable environment = "prod"');
    for (const format of ['text', 'json', 'markdown']) {
      const r = runCli(['plan-check', plan('sensitive'), '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
    }
  });
});
