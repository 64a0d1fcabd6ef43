import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const planOf = (changes: Record<string, unknown>[], extra: Record<string, unknown> = {}, workspace?: string) =>
  parseTerraformPlan(tfPlan(changes, extra), { path: 'plan.json', ...(workspace ? { workspace } : {}) });
const del = (extra: Record<string, unknown> = {}) => rc({ address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', actions: ['delete'], ...extra });
// Without the note that a deleted resource left the configuration (apply-time code): another matter.
const codes = (r: ReturnType<typeof assess>) => r.findings.map((f) => f.code).filter((c) => c !== 'STEER-APPLY-TIME-CODE');
const envs = parseConfig(
  'version: 1\nproduction:\n  environments:\n    - name: production\n      production: true\n      match: { workspaces: [main] }\n    - name: staging\n      production: false\n      match: { workspaces: [stage-*], tags: { Stage: [qa] } }\n',
  'steer.yml',
);

describe('a destructive change where no signal says production or non-production', () => {
  it('needs review, with a finding saying so and how to declare the environment', () => {
    const r = assess([planOf([del(), rc({ address: 'aws_instance.web', type: 'aws_instance', actions: ['delete', 'create'] })])], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(codes(r)).toContain('STEER-ENV-UNKNOWN');
    expect(r.findings.filter((f) => f.code !== 'STEER-APPLY-TIME-CODE').map((f) => [f.code, f.severity, f.address])).toEqual([
      ['STEER-ENV-UNKNOWN', 'review', 'aws_s3_bucket.logs'],
      ['STEER-ENV-UNKNOWN', 'review', 'aws_instance.web'],
    ]);
    const message = r.findings[0]!.message;
    expect(message).toContain('no signal says whether this is production or not');
    expect(message).toContain('--env NAME');
    expect(message).toContain('production.environments');
    expect(r.plans[0]!.changes.every((c) => c.unknownEnvironment === true && c.verdict === 'review')).toBe(true);
  });

  it('the headline never claims "no destructive change on production"', async () => {
    const { headline } = await import('../../src/render/summary.js');
    const r = assess([planOf([del()])], { config: DEFAULT_CONFIG });
    expect(headline(r)).not.toMatch(/on production/);
    expect(headline(r)).toMatch(/no signal says whether this is production or not/);
  });

  it('creates and in-place updates need no environment', () => {
    const r = assess([planOf([rc({ actions: ['create'] }), rc({ address: 'aws_instance.b', actions: ['update'] })])], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('allow');
    expect(codes(r)).not.toContain('STEER-ENV-UNKNOWN');
  });

  it('--env with a non-production name declares the environment', () => {
    const r = assess([planOf([del()])], { config: DEFAULT_CONFIG, explicitEnv: 'staging' });
    expect(r.verdict).toBe('allow');
    expect(codes(r)).toEqual(['STEER-DESTROY']);
  });

  it('a steer.yml environment with production: false that matches declares it', () => {
    const r = assess([planOf([del()], {}, 'stage-eu')], { config: envs });
    expect(r.verdict).toBe('allow');
    expect(codes(r)).toEqual(['STEER-DESTROY']);
  });

  it('a configured environment that does not match leaves it unknown', () => {
    const r = assess([planOf([del()], {}, 'feature-x')], { config: envs });
    expect(codes(r)).toContain('STEER-ENV-UNKNOWN');
  });

  it("a non-production tag counts only when the object had it before: a change can't add its way out of review", () => {
    const before = assess([planOf([del({ before: { tags: { Stage: 'qa' } } })])], { config: envs });
    expect(codes(before)).toEqual(['STEER-DESTROY']);
    const added = assess([planOf([rc({ address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', actions: ['delete', 'create'], before: { tags: {} }, after: { tags: { Stage: 'qa' } } })])], { config: envs });
    expect(codes(added)).toContain('STEER-ENV-UNKNOWN');
  });

  it('an environment variable that names another environment declares it', () => {
    const r = assess([planOf([del()], { variables: { environment: { value: 'dev' } } })], { config: DEFAULT_CONFIG });
    expect(codes(r)).toEqual(['STEER-DESTROY']);
  });

  it('a rule for non-production changes does not match where the environment is unknown', () => {
    const config = parseConfig('version: 1\nrules:\n  - match: { environment: non-production }\n    verdict: allow\n', 'steer.yml');
    expect(codes(assess([planOf([del()])], { config }))).toEqual(['STEER-ENV-UNKNOWN']);
    expect(codes(assess([planOf([del()])], { config, explicitEnv: 'dev' }))).toEqual(['STEER-RULE']);
  });

  it('production signals are unchanged: production is production', () => {
    const r = assess([planOf([del()], {}, 'main')], { config: envs });
    expect(codes(r)).toEqual(['STEER-DATA-LOSS']);
  });
});
