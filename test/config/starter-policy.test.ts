import { describe, expect, it } from 'vitest';
import { STARTER_POLICY } from '../../src/app/init-templates.js';
import { parseConfig } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

describe('the steer.yml that steer init writes', () => {
  const config = parseConfig(STARTER_POLICY, 'steer.yml');
  const deleteIn = (workspace: string) =>
    assess([parseTerraformPlan(tfPlan([rc({ address: 'aws_instance.web', type: 'aws_instance', actions: ['delete'] })]), { path: 'plan.json', workspace })], { config });

  it('declares production and non-production environments explicitly', () => {
    const environments = config.production.environments ?? [];
    expect(environments.some((e) => e.production)).toBe(true);
    expect(environments.some((e) => !e.production)).toBe(true);
  });

  it('places a staging workspace outside production and a prod workspace in it', () => {
    expect(deleteIn('staging').findings.map((f) => f.code).filter((c) => c !== 'STEER-APPLY-TIME-CODE')).toEqual(['STEER-DESTROY']);
    expect(deleteIn('prod').findings.map((f) => f.code).filter((c) => c !== 'STEER-APPLY-TIME-CODE')).toEqual(['STEER-DESTROY-PROD']);
  });

  it('leaves any other environment unknown: reviewed, not allowed', () => {
    expect(deleteIn('feature-42').findings.map((f) => f.code).filter((c) => c !== 'STEER-APPLY-TIME-CODE')).toEqual(['STEER-ENV-UNKNOWN']);
  });
});
