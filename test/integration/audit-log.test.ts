import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// The audit log that steer apply writes, with the real terraform CLI and the built CLI: a pull
// request can't swallow it or seed it, and `steer audit verify` finds any entry changed after.
const tf = requireTerraform();
const KEY = 'audit-test-signing-key';
let dir: string;
const LOG = () => join(dir, '.steer/audit.jsonl');
const env = (extra: Record<string, string | undefined> = {}) => ({ TF_CLI_CONFIG_FILE: '/dev/null', STEER_SIGNING_KEY: undefined, GITHUB_TOKEN: undefined, GITHUB_EVENT_PATH: undefined, ...extra });

/** A plan that only creates (verdict allow outside production): steer apply runs it without approval. */
function planCreating(name: string): void {
  writeFileSync(join(dir, 'main.tf'), `${readFileSync(join(dir, 'main.tf'), 'utf8')}resource "terraform_data" "${name}" {}\n`);
  terraform(tf, dir, ['plan', '-out=tfplan', '-input=false']);
}
const apply = (extra: Record<string, string | undefined> = {}) => runCli(['apply', 'tfplan'], { cwd: dir, env: env(extra) });
const verify = (extra: Record<string, string | undefined> = {}, file?: string) => runCli(['audit', 'verify', ...(file ? [file] : [])], { cwd: dir, env: env(extra) });
/** The resources in the state ('' before the first apply made one). */
const state = () => (existsSync(join(dir, 'terraform.tfstate')) ? terraform(tf, dir, ['state', 'list']).trim() : '');
const lines = () => readFileSync(LOG(), 'utf8').trimEnd().split('\n');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steer-audit-'));
  writeFileSync(join(dir, 'main.tf'), '');
  terraform(tf, dir, ['init', '-input=false']);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the audit log', () => {
  it('chains every entry to the one before; steer audit verify says it is valid', () => {
    planCreating('a');
    expect(apply().code).toBe(0);
    planCreating('b');
    expect(apply().code).toBe(0);
    expect(state().split('\n')).toEqual(['terraform_data.a', 'terraform_data.b']);
    const entries = lines().map((l) => JSON.parse(l) as { prev: string | null; outcome: string });
    expect(entries.map((e) => e.outcome)).toEqual(['approved', 'applied', 'approved', 'applied']);
    expect(entries[0]!.prev).toBeNull();
    expect(entries[1]!.prev).toMatch(/^[0-9a-f]{64}$/);
    const r = verify();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('.steer/audit.jsonl: valid, 4 entries chained; signatures not checked (STEER_SIGNING_KEY is not set)\n');
  });

  it('names the first bad entry when one was changed, removed or signed with another key', () => {
    planCreating('a');
    expect(apply({ STEER_SIGNING_KEY: KEY }).code).toBe(0);
    expect(verify({ STEER_SIGNING_KEY: KEY }).stdout).toContain('valid, 2 entries chained; every entry signed with STEER_SIGNING_KEY');
    const original = lines();
    writeFileSync(LOG(), `${original[0]!.replace('"approved"', '"refused"')}\n${original[1]}\n`);
    expect(verify({ STEER_SIGNING_KEY: KEY })).toMatchObject({ code: 1, stderr: expect.stringMatching(/^steer: error: \.steer\/audit\.jsonl: entry 1 is bad: its "mac" does not match/) });
    expect(verify()).toMatchObject({ code: 1, stderr: expect.stringMatching(/entry 2 is bad: its "prev" is not the SHA-256 of the entry before it/) });
    writeFileSync(LOG(), `${original[1]}\n`);
    expect(verify()).toMatchObject({ code: 1, stderr: expect.stringMatching(/entry 1 is bad: the first entry must have "prev": null/) });
    writeFileSync(LOG(), `${original.join('\n')}\n`);
    expect(verify({ STEER_SIGNING_KEY: 'another key' })).toMatchObject({ code: 1, stderr: expect.stringMatching(/entry 1 is bad/) });
    expect(verify({ STEER_SIGNING_KEY: KEY }).code).toBe(0);
  });

  it('refuses a log that is a symbolic link (to /dev/null, say): nothing is applied', () => {
    mkdirSync(join(dir, '.steer'));
    symlinkSync('/dev/null', LOG());
    planCreating('a');
    const r = apply();
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd()).toBe('steer: error: .steer/audit.jsonl: refusing to write the audit log: .steer/audit.jsonl is a symbolic link (a pull request could plant one)');
    expect(state()).toBe('');
    expect(verify().stderr).toMatch(/the audit log is a symbolic link/);
  });

  it('refuses a log whose directory is a symbolic link', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'steer-audit-elsewhere-'));
    try {
      symlinkSync(elsewhere, join(dir, '.steer'));
      planCreating('a');
      const r = apply();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/refusing to write the audit log: \.steer is a symbolic link/);
      expect(state()).toBe('');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a log that came with the checkout (git tracks it), even one that verifies', () => {
    planCreating('a');
    expect(apply().code).toBe(0); // a valid log, as a pull request could copy it
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.steer/audit.jsonl');
    git('commit', '-qm', 'seed');
    planCreating('b');
    const r = apply();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^steer: error: \.steer\/audit\.jsonl: refusing to write the audit log: git tracks it, so it came with the checkout/);
    expect(state()).toBe('terraform_data.a');
  });

  it('refuses to append to a log whose chain is already broken (pre-seeded entries)', () => {
    mkdirSync(join(dir, '.steer'));
    writeFileSync(LOG(), '{"outcome":"applied","approver":"mallory"}\n');
    planCreating('a');
    const r = apply();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write the audit log: its entry 1 is bad \(no "prev" field/);
    expect(state()).toBe('');
  });
});
