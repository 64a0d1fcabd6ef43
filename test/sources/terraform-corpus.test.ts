import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCounts, analyze } from '../support/analyze.js';
import { expectedTerraformActions, manifestRows } from '../support/manifest.js';
import { corpusDir } from '../support/paths.js';

const corpus = corpusDir();
const rows = manifestRows(corpus).filter((r) => readdirSync(join(corpus, 'terraform')).includes(r.file));

describe('the real Terraform/OpenTofu corpus', () => {
  it('lists every Terraform file of the corpus in its MANIFEST', () => {
    expect(rows.length).toBe(readdirSync(join(corpus, 'terraform')).length);
  });

  for (const row of rows.filter((r) => !r.file.startsWith('variant__'))) {
    it(`${row.file} parses and classifies as "${row.shape}"`, async () => {
      const report = await analyze(join(corpus, 'terraform', row.file));
      expect(actionCounts(report)).toEqual(expectedTerraformActions(row.shape));
      const plan = report.plans[0]!.plan;
      if (plan.errored) expect(report.verdict).toBe('block');
      else if (plan.complete === false) expect(report.verdict).not.toBe('allow');
      // Destroyed means "delete" somewhere in the tuple; drift is never planned work.
      for (const c of report.plans[0]!.changes) {
        expect(c.change.destroys).toBe(c.change.sourceActions.includes('delete'));
      }
    });
  }

  it('decodes the UTF-16LE plan PowerShell writes, and says so', async () => {
    const report = await analyze(join(corpus, 'terraform', 'encoding__checkov__tfplan_win_utf16le_bom.json'));
    expect(actionCounts(report)).toEqual({ create: 1 });
    expect(report.findings.some((f) => f.code === 'STEER-INPUT-NOTE' && /UTF-16LE/.test(f.message))).toBe(true);
  });

  it('handles the HCP Terraform redacted plan explicitly', async () => {
    const report = await analyze(join(corpus, 'terraform', 'variant__terraform__cloud__plan-json-basic-redacted.json'));
    expect(actionCounts(report)).toEqual({ create: 1 });
    expect(report.findings.some((f) => f.code === 'STEER-INPUT-NOTE' && /HCP Terraform redacted plan/.test(f.message))).toBe(true);
  });

  it('never counts resource_drift deletes or a no-op with a delete action_reason as deletions', async () => {
    const report = await analyze(join(corpus, 'terraform', 'tf-summarize__example.json'));
    const p = report.plans[0]!;
    expect(p.plan.drift.filter((d) => d.action === 'delete')).toHaveLength(3);
    expect(p.changes.filter((c) => c.change.destroys)).toHaveLength(0);
    expect(p.changes.find((c) => c.change.reasons.actionReason === 'delete_because_no_resource_config')?.change.action).toBe('no-op');
  });

  it('reads OpenTofu plans (no applyable/complete keys) and names the tool', async () => {
    const report = await analyze(join(corpus, 'terraform', 'opentofu__equivalence__simple_object_replace.json'));
    expect(report.plans[0]!.plan.source).toBe('opentofu');
    expect(report.plans[0]!.changes[0]!.change.action).toBe('replace');
  });

  it('an errored plan with no resource_changes is blocked, not "no changes"', async () => {
    const report = await analyze(join(corpus, 'terraform', 'terraform__show-json__plan-error.json'));
    expect(report.verdict).toBe('block');
    expect(report.findings[0]!.code).toBe('STEER-PLAN-ERRORED');
  });

  it('a targeted plan (complete: false) needs review', async () => {
    const report = await analyze(join(corpus, 'terraform', 'infracost__plan_with_target.json'));
    const plan = report.plans[0]!.plan;
    if (plan.complete === false) expect(report.verdict).toBe('review');
  });
});
