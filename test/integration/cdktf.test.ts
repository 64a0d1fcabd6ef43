import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// A small real CDK for Terraform app (the archived cdktf library, a devDependency only),
// synthesized here, applied with the real terraform CLI, changed, and gated by steer.
const tf = requireTerraform();
let dir: string;

class DataStack extends TerraformStack {
  constructor(scope: Construct, id: string, version: string) {
    super(scope, id);
    new TerraformResource(this, 'db', { terraformResourceType: 'terraform_data' }).addOverride('triggers_replace', version);
  }
}

function synth(version: string): string {
  const outdir = join(dir, 'cdktf.out');
  const app = new App({ outdir });
  new DataStack(app, 'orders-prod', version);
  new DataStack(app, 'sandbox', 'v1');
  app.synth();
  return outdir;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steer-cdktf-'));
  process.chdir(dir); // cdktf's local backend keeps state beside the synth directory
  const out = synth('v1');
  for (const stack of ['orders-prod', 'sandbox']) {
    terraform(tf, join(out, 'stacks', stack), ['init', '-input=false']);
    terraform(tf, join(out, 'stacks', stack), ['apply', '-auto-approve', '-input=false']);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('steer plan-check --cdktf', () => {
  it('plans every stack with terraform and gives one report', () => {
    const out = synth('v2');
    const r = runCli(['plan-check', '--cdktf', out, '--format', 'json'], { cwd: dir, env: { TF_CLI_CONFIG_FILE: '/dev/null' } });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.plans).toHaveLength(2);
    const prod = report.plans.find((p: { path: string }) => p.path.includes('orders-prod'));
    expect(prod.changes[0]).toMatchObject({ address: 'terraform_data.db', action: 'replace', production: true });
    // The sandbox stack's resource is unchanged: counted in the summary, not listed (JSON report 1.1).
    expect(report.plans.find((p: { path: string }) => p.path.includes('sandbox')).changes).toEqual([]);
    expect(report.summary['no-op']).toBe(1);
    expect(r.code).toBe(2);
  });

  it('a directory without a cdktf manifest is an error', () => {
    const r = runCli(['plan-check', '--cdktf', dir], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/manifest\.json: not a cdktf output manifest/);
  });
});
