import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCheck } from '../../src/app/plan-check.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { assess } from '../../src/core/assess.js';
import type { Report } from '../../src/core/report.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { repoRoot } from '../support/paths.js';

/** What a golden file pins: each destroyed or replaced resource and its dependents, worst first. */
function radii(report: Report): unknown {
  return report.plans.map((p) => ({
    sources: p.plan.dependencies?.sources ?? [],
    magnitude: p.magnitude,
    blastRadius: p.blastRadius.map((r) => ({ address: r.address, stateful: r.stateful, production: r.production, dependents: r.dependents.map((d) => `${d.address}${d.stateful ? ` (${d.stateful})` : ''}`) })),
  }));
}

const check = (input: string, templates?: string[]): Promise<Report> =>
  planCheck({ inputs: [join(repoRoot, input)], config: DEFAULT_CONFIG, tfBin: 'terraform', agentAuthored: false, ...(templates ? { templates: templates.map((t) => join(repoRoot, t)) } : {}) });

describe('blast radius', () => {
  it('of a replaced VPC reaches count instances, for_each module instances and a module output reader', async () => {
    await expect(JSON.stringify(radii(await check('fixtures/terraform/judgment-vpc-replace/plan.json')), null, 2)).toMatchFileSnapshot('golden/vpc-replace.json');
  });

  it('is the same from the configuration alone (module inputs, outputs, depends_on) as with prior_state', async () => {
    const doc = JSON.parse(readFileSync(join(repoRoot, 'fixtures/terraform/judgment-vpc-replace/plan.json'), 'utf8')) as Record<string, unknown>;
    const withState = assess([parseTerraformPlan(doc, { path: 'p.json' })], { config: DEFAULT_CONFIG });
    delete doc.prior_state;
    const configOnly = assess([parseTerraformPlan(doc, { path: 'p.json' })], { config: DEFAULT_CONFIG });
    expect(configOnly.plans[0]!.blastRadius).toEqual(withState.plans[0]!.blastRadius);
    expect(configOnly.plans[0]!.plan.dependencies?.sources).toEqual(['configuration references']);
  });

  it('of a replaced database lists what references it and what depends_on it', async () => {
    await expect(JSON.stringify(radii(await check('fixtures/terraform/judgment-db-replace/plan.json')), null, 2)).toMatchFileSnapshot('golden/db-replace.json');
  });

  it('of a removed module call: its resources depend on each other, not on anything outside', async () => {
    await expect(JSON.stringify(radii(await check('fixtures/terraform/judgment-module-teardown/plan.json')), null, 2)).toMatchFileSnapshot('golden/module-teardown.json');
  });

  it('through a nested stack, from the change set\'s CausingEntity alone', async () => {
    await expect(JSON.stringify(radii(await check('fixtures/cloudformation/judgment-nested')), null, 2)).toMatchFileSnapshot('golden/cloudformation-nested.json');
  });

  it('is nothing at all for a plan that says nothing about dependencies', async () => {
    const report = await check('fixtures/terraform/judgment-staging-replace/plan.json');
    expect(report.plans[0]!.blastRadius.map((r) => r.dependents.map((d) => d.address))).toEqual([['terraform_data.health_check']]);
  });
});
