import { describe, expect, it } from 'vitest';
import { parseConfig, DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const planOf = (changes: Record<string, unknown>[], extra: Record<string, unknown> = {}, path = 'plan.json', workspace?: string) =>
  parseTerraformPlan(tfPlan(changes, extra), { path, ...(workspace ? { workspace } : {}) });
const prodVars = { variables: { environment: { value: 'prod' } } };
const db = (actions: string[], extra: Partial<Parameters<typeof rc>[0]> = {}) => rc({ address: 'aws_db_instance.main', type: 'aws_db_instance', actions, ...extra });
const codes = (r: ReturnType<typeof assess>) => r.findings.map((f) => f.code);

describe('defaults with no steer.yml', () => {
  it('a stateful replace on production needs review and is marked data loss', () => {
    const r = assess([planOf([db(['delete', 'create'])], prodVars)], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(codes(r)).toContain('STEER-DATA-LOSS');
    const c = r.plans[0]!.changes[0]!;
    expect(c.dataLoss).toBe(true);
    expect(c.stateful).toBe('database');
    expect(c.production[0]!.detail).toBe('variable environment = "prod"');
  });

  it('a stateless delete on production needs review without data loss', () => {
    const r = assess([planOf([rc({ address: 'aws_security_group.x', type: 'aws_security_group', actions: ['delete'] })], prodVars)], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(codes(r)).toEqual(['STEER-DESTROY-PROD']);
    expect(r.plans[0]!.changes[0]!.dataLoss).toBe(false);
  });

  it('destroying outside production is allowed and still reported', () => {
    const r = assess([planOf([db(['delete'])], { variables: { environment: { value: 'staging' } } })], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('allow');
    expect(codes(r)).toEqual(['STEER-DESTROY']);
  });

  it('forgetting a production resource needs review', () => {
    const r = assess([planOf([db(['forget'])], prodVars)], { config: DEFAULT_CONFIG });
    expect(codes(r)).toEqual(['STEER-FORGET-PROD']);
    expect(r.plans[0]!.changes[0]!.dataLoss).toBe(false);
  });

  it('an errored plan is blocked', () => {
    expect(assess([planOf([], { errored: true })], { config: DEFAULT_CONFIG }).verdict).toBe('block');
  });

  it('a partial plan needs review even with nothing destructive', () => {
    const r = assess([planOf([rc({ actions: ['create'] })], { complete: false })], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(codes(r)).toEqual(['STEER-PLAN-INCOMPLETE']);
  });

  it('creates and updates on production are allowed', () => {
    expect(assess([planOf([db(['update']), db(['create'], { address: 'aws_db_instance.b' })], prodVars)], { config: DEFAULT_CONFIG }).verdict).toBe('allow');
  });

  it('aggregates several plans into the worst verdict, with one digest', () => {
    const a = planOf([db(['delete'])], prodVars, 'a.json');
    const b = planOf([], { errored: true }, 'b.json');
    const r = assess([a, b], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('block');
    expect(r.plans.map((p) => p.verdict)).toEqual(['review', 'block']);
    expect(r.digest).toBe(assess([b, a], { config: DEFAULT_CONFIG }).digest);
  });
});

describe('production signals', () => {
  const del = [rc({ address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', actions: ['delete'] })];
  const prod = (plan: ReturnType<typeof planOf>, env?: string) =>
    assess([plan], { config: DEFAULT_CONFIG, ...(env ? { explicitEnv: env } : {}) }).plans[0]!.changes[0]!.production.map((s) => s.kind);

  it.each(['prod', 'production', 'prd', 'live', 'prod-eu-1', 'Production'])('workspace %s is production', (ws) => {
    expect(prod(planOf(del, {}, 'plan.json', ws))).toEqual(['workspace']);
  });

  it.each(['staging', 'product', 'dev', 'preprod-like-product'])('workspace %s is not', (ws) => {
    expect(prod(planOf(del, {}, 'plan.json', ws))).toEqual([]);
  });

  it('the plan path names production', () => {
    expect(prod(planOf(del, {}, 'envs/prod/plan.json'))).toEqual(['path']);
  });

  it('--env adds production', () => {
    expect(prod(planOf(del), 'production')).toEqual(['env']);
    expect(prod(planOf(del), 'dev')).toEqual([]);
  });

  it('a tag before the change counts even when the change removes it', () => {
    const plan = planOf([rc({ address: 'aws_s3_bucket.x', type: 'aws_s3_bucket', actions: ['delete', 'create'], before: { tags: { Environment: 'production' } }, after: { tags: { Environment: 'dev' } } })]);
    const c = assess([plan], { config: DEFAULT_CONFIG }).plans[0]!.changes[0]!;
    expect(c.production.map((s) => s.detail)).toEqual(['tag Environment=production (before)']);
  });

  it('the module path names production', () => {
    const plan = planOf([rc({ address: 'module.prod_db.aws_db_instance.x', module_address: 'module.prod_db', type: 'aws_db_instance', actions: ['delete'] })]);
    expect(prod(plan)).toEqual(['module']);
  });

  it('configured environments match workspaces, paths, variables, tags and modules', () => {
    const config = parseConfig(
      `version: 1\nproduction:\n  names: []\n  environments:\n    - name: main\n      production: true\n      match:\n        workspaces: ["blue-*"]\n        paths: ["stacks/core/**"]\n        variables: { tier: ["gold"] }\n        tags: { CostCenter: ["cc-1*"] }\n        modules: ["module.core"]\n`,
      'steer.yml',
    );
    const plan = parseTerraformPlan(
      tfPlan([rc({ address: 'module.core.aws_s3_bucket.x', module_address: 'module.core', type: 'aws_s3_bucket', actions: ['delete'], before: { tags: { costcenter: 'cc-100' } } })], { variables: { tier: { value: 'gold' } } }),
      { path: 'stacks/core/eu/plan.json', workspace: 'blue-7' },
    );
    const kinds = assess([plan], { config }).plans[0]!.changes[0]!.production.map((s) => s.kind).sort();
    expect(kinds).toEqual(['module', 'path', 'tag', 'variable', 'workspace']);
  });
});

describe('steer.yml rules, limits and protected resources', () => {
  const config = (yaml: string) => parseConfig(`version: 1\n${yaml}`, 'steer.yml');

  it('the first matching rule decides', () => {
    const r = assess([planOf([db(['delete'])], prodVars)], {
      config: config(`rules:\n  - name: no prod db deletes\n    match: { environment: production, stateful: true, actions: [delete, replace] }\n    verdict: block\n  - match: {}\n    verdict: allow\n`),
    });
    expect(r.verdict).toBe('block');
    expect(r.findings[0]!.message).toMatch(/rule "no prod db deletes" says block/);
  });

  it('a rule can allow what the defaults would review', () => {
    const r = assess([planOf([db(['delete'])], prodVars)], { config: config(`rules:\n  - match: { types: ["aws_db_*"] }\n    verdict: allow\n    reason: ephemeral test databases\n`) });
    expect(r.verdict).toBe('allow');
  });

  it('rules can be stricter for agent-authored changes', () => {
    const cfg = config(`rules:\n  - match: { agent: true, actions: [delete] }\n    verdict: block\n`);
    const plan = planOf([rc({ actions: ['delete'] })]);
    expect(assess([plan], { config: cfg, agentAuthored: true }).verdict).toBe('block');
    expect(assess([plan], { config: cfg, agentAuthored: false }).verdict).toBe('allow');
  });

  it('protected resources block even when a rule allows, and even when the block was deleted from the code', () => {
    const r = assess([planOf([db(['delete'], { action_reason: 'delete_because_no_resource_config' })])], {
      config: config(`protected:\n  - addresses: ["aws_db_instance.main"]\n    reason: the orders database\nrules:\n  - match: {}\n    verdict: allow\n`),
    });
    expect(r.verdict).toBe('block');
    expect(codes(r)).toContain('STEER-PROTECTED');
  });

  it('protected types match too, with globs', () => {
    expect(assess([planOf([db(['delete', 'create'])])], { config: config(`protected:\n  - types: ["aws_db_*"]\n`) }).verdict).toBe('block');
  });

  it('limits count deletions and replacements per environment', () => {
    const plan = planOf([rc({ address: 'a.b', actions: ['delete'] }), rc({ address: 'a.c', actions: ['delete'] })]);
    const r = assess([plan], { config: config(`limits:\n  - maxDeletes: 1\n`) });
    expect(r.verdict).toBe('block');
    expect(r.findings[0]!.message).toBe('2 deletions exceed the limit of 1.');
  });
});

describe('steer.yml validation', () => {
  it('points at the field', () => {
    expect(() => parseConfig('version: 1\nrules:\n  - match: {}\n    verdict: maybe\n', 'steer.yml')).toThrowError(/^steer\.yml: rules\[0\]\.verdict: .* \(line 4, column 14\)$/);
  });
  it('rejects unknown keys (typos would silently do nothing)', () => {
    expect(() => parseConfig('version: 1\nprotect:\n  - types: [x]\n', 'steer.yml')).toThrowError(/^steer\.yml: Unrecognized key: "protect" \(line 2, column 1\)$/);
  });
  it('reports YAML syntax errors with the line', () => {
    expect(() => parseConfig('rules: [\n', 'steer.yml')).toThrowError(/steer\.yml: invalid YAML \(line \d+/);
  });
  it('an empty file, or one without version, is an error naming the file', () => {
    for (const text of ['', '\n', '# just a comment\n', '~\n']) expect(() => parseConfig(text, 'steer.yml')).toThrowError(/^steer\.yml: the policy file is empty: it starts with "version: 1"/);
    expect(() => parseConfig('rules: []\n', 'steer.yml')).toThrowError(/^steer\.yml: no "version": the policy file starts with "version: 1"$/);
    expect(() => parseConfig('version: 2\n', 'steer.yml')).toThrowError(/^steer\.yml: version: .* \(line 1, column 10\)$/);
    expect(() => parseConfig('- version: 1\n', 'steer.yml')).toThrowError(/^steer\.yml: expected the policy's settings .*, found a list \(line 1, column 1\)$/);
    expect(parseConfig('version: 1\n', 'steer.yml')).toEqual(DEFAULT_CONFIG);
  });
  it('points at nested fields and unknown keys with their line and column', () => {
    const text = 'version: 1\nproduction:\n  environments:\n    - name: main\n      match:\n        workspace: [prod]\napprovals:\n  required: two\n';
    expect(() => parseConfig(text, 'steer.yml')).toThrowError(/^steer\.yml: production\.environments\[0\]\.match: Unrecognized key: "workspace" \(line 6, column 9\) \(and 1 more problem\(s\)\)$/);
    expect(() => parseConfig('version: 1\napprovals:\n  required: two\n', 'steer.yml')).toThrowError(/^steer\.yml: approvals\.required: .* \(line 3, column 13\)$/);
  });
});
