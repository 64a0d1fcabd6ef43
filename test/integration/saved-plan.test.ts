import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// A saved (binary) plan made by the real terraform CLI with the built-in terraform_data resource.
const tf = requireTerraform();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steer-saved-'));
  writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "keep" { input = "a" }\nresource "terraform_data" "gone" { input = "b" }\nresource "terraform_data" "swap" { triggers_replace = "v1" }\n');
  terraform(tf, dir, ['init', '-input=false']);
  terraform(tf, dir, ['apply', '-auto-approve', '-input=false']);
  writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "keep" { input = "a2" }\nresource "terraform_data" "swap" { triggers_replace = "v2" }\n');
  terraform(tf, dir, ['plan', '-out=tfplan', '-input=false']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saved plans', () => {
  it('are rendered with terraform show -json and analyzed', () => {
    const r = runCli(['plan-check', 'tfplan', '--format', 'json'], { cwd: dir, env: { TF_CLI_CONFIG_FILE: '/dev/null' } });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const actions = Object.fromEntries(report.plans[0].changes.map((c: { address: string; action: string }) => [c.address, c.action]));
    expect(actions).toEqual({ 'terraform_data.keep': 'update', 'terraform_data.gone': 'delete', 'terraform_data.swap': 'replace' });
    expect(report.plans[0].inputNotes[0]).toMatch(/saved plan rendered with "terraform show -json"/);
    expect(report.plans[0].changes.find((c: { address: string }) => c.address === 'terraform_data.swap').forcedBy).toEqual(['triggers_replace']);
  });

  it('digest the same as their JSON rendering', () => {
    const json = terraform(tf, dir, ['show', '-json', 'tfplan']);
    writeFileSync(join(dir, 'plan.json'), json);
    const fromSaved = JSON.parse(runCli(['plan-check', 'tfplan', '--format', 'json'], { cwd: dir }).stdout).digest;
    const fromJson = JSON.parse(runCli(['plan-check', 'plan.json', '--format', 'json'], { cwd: dir }).stdout).digest;
    expect(fromSaved).toBe(fromJson);
  });

  it('a missing terraform binary is a one-line error (exit 1)', () => {
    const r = runCli(['plan-check', 'tfplan', '--tf-bin', 'no-such-terraform'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^steer: error: "no-such-terraform" not found on PATH/);
  });

  it('cannot come from standard input', () => {
    const r = runCli(['plan-check', '-'], { cwd: dir, input: readFileSync(join(dir, 'tfplan')) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a saved plan can't be read from standard input/);
  });

  it('a file terraform cannot read as a plan is an error, not a pass', () => {
    writeFileSync(join(dir, 'fake.tfplan'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    const r = runCli(['plan-check', 'fake.tfplan'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fake\.tfplan: "terraform show -json" failed/);
  });
});
