import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, repoRoot } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

import { rc, tfPlan } from '../support/tfplan.js';

const demo = join(repoRoot, 'examples/demo/agent-drift-fix.plan.json');
const corpus = corpusDir();
const tf = (name: string) => join(corpus, 'terraform', name);
const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'steer-cli-'));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => scratchDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('steer plan-check, the built CLI', () => {
  it('the demo: an agent fixing drift replaces the production database — review required, with the reason', () => {
    const r = runCli(['plan-check', demo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/REVIEW REQUIRED/);
    expect(r.stdout).toMatch(/aws_db_instance\.orders\s+\[database\] DATA LOSS PRODUCTION/);
    expect(r.stdout).toMatch(/forced by: kms_key_id/);
    expect(r.stdout).toMatch(/variable environment = "prod"/);
    expect(r.stdout).toMatch(/production: tag Environment=production$/m);
    expect(r.stdout).not.toContain('hunter2');
  });

  it('SARIF: one rule per finding code, results located on the plan file', () => {
    const sarif = JSON.parse(runCli(['plan-check', demo, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('STEER-DATA-LOSS');
    expect(run.results[0]).toMatchObject({ ruleId: 'STEER-DATA-LOSS', level: 'warning' });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/agent-drift-fix\.plan\.json$/);
  });

  it.each(['text', 'json', 'markdown', 'sarif'])('never prints a sensitive value (%s)', (format) => {
    const r = runCli(['plan-check', demo, '--format', format]);
    expect(r.stdout + r.stderr).not.toContain('hunter2-prod-db-SECRET');
  });

  it('exit 0 when nothing destructive', () => {
    expect(runCli(['plan-check', tf('tf-plan-format__create.json')]).code).toBe(0);
  });

  it('exit 3 for an errored plan', () => {
    const r = runCli(['plan-check', tf('terraform__show-json__plan-error.json')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/STEER-PLAN-ERRORED/);
  });

  it('a reader that stops early (| head) ends the output quietly; the exit code still gives the verdict', () => {
    const plan = join(scratch(), 'big.json');
    const changes = Array.from({ length: 3000 }, (_, i) => rc({ address: `aws_s3_bucket.b${i}`, actions: ['delete'], before: { bucket: `b${i}` } }));
    writeFileSync(plan, JSON.stringify(tfPlan(changes)));
    const verdictCode = runCli(['plan-check', plan, '--env', 'production']).code;
    expect(verdictCode).toBeGreaterThanOrEqual(2);
    for (const format of ['json', 'text']) {
      const r = spawnSync('bash', ['-c', `node dist/cli.js plan-check "${plan}" --env production --format ${format} | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe(`exit=${verdictCode}`);
    }
  });

  it('reads the plan from standard input', () => {
    const r = runCli(['plan-check', '-', '--format', 'json'], { input: readFileSync(demo) });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).plans[0].path).toBe('-');
  });

  it('reads a plan from a pipe given as a path (its size is not known up front)', () => {
    // bash's process substitution: the path is /dev/fd/N, a pipe whose size says 0.
    const r = spawnSync('bash', ['-c', `node dist/cli.js plan-check <(cat "${demo}") --format json`], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).digest).toBe(JSON.parse(runCli(['plan-check', demo, '--format', 'json']).stdout).digest);
  });

  it('works where virtual memory is limited (no WebAssembly memory): the same report, or one line saying what to set', () => {
    // V8 reserves ≈ 10 GB of address space per WebAssembly memory; `ulimit -v` can forbid that.
    const limited = (args: string, env = '') =>
      spawnSync('bash', ['-c', `ulimit -v 4000000 && ${env} node dist/cli.js plan-check "${demo}" ${args}`], { cwd: repoRoot, encoding: 'utf8' });
    const reference = JSON.parse(runCli(['plan-check', demo, '--format', 'json']).stdout);
    const inMemory = limited('--format json');
    expect(inMemory.stderr).toBe('');
    expect(inMemory.status).toBe(2);
    expect(JSON.parse(inMemory.stdout)).toEqual(reference);
    const streamed = limited('--stream');
    expect(streamed.status).toBe(1);
    expect(streamed.stderr).toMatch(/^steer: error: .*agent-drift-fix\.plan\.json: WebAssembly memory could not be reserved .* NODE_OPTIONS=--disable-wasm-trap-handler, which reserves only what is used\n$/);
    const withHint = limited('--stream --format json', 'NODE_OPTIONS=--disable-wasm-trap-handler');
    expect(withHint.status).toBe(2);
    expect(JSON.parse(withHint.stdout).digest).toBe(reference.digest);
  });

  it('several plans → one verdict, a section per plan', () => {
    const r = runCli(['plan-check', tf('tf-plan-format__create.json'), demo, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(2);
    expect(report.plans).toHaveLength(2);
    expect(report.plans.map((p: { verdict: string }) => p.verdict)).toEqual(['allow', 'review']);
  });

  it('--out writes the report and says where on stderr', () => {
    const out = join(scratch(), 'nested/report.json');
    const r = runCli(['plan-check', demo, '--format', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/report written to/);
    expect(JSON.parse(readFileSync(out, 'utf8')).verdict).toBe('review');
  });

  it('the JSON report has the documented fields', () => {
    const report = JSON.parse(runCli(['plan-check', demo, '--format', 'json']).stdout);
    expect(report).toMatchObject({ schemaVersion: 1, verdict: 'review', exitCode: 2 });
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
    const db = report.plans[0].changes.find((c: { address: string }) => c.address === 'aws_db_instance.orders');
    expect(db).toMatchObject({ action: 'replace', stateful: true, dataLoss: true, production: true, replaceOrder: 'delete-before-create', forcedBy: ['kms_key_id'] });
    expect(db.reasons).toContain('kms_key_id forces replacement');
  });

  it('the same plan gives the same digest; a changed value gives another', () => {
    const d1 = JSON.parse(runCli(['plan-check', demo, '--format', 'json']).stdout).digest;
    const plan = JSON.parse(readFileSync(demo, 'utf8'));
    plan.timestamp = '2031-01-01T00:00:00Z';
    const dir = scratch();
    writeFileSync(join(dir, 'same.json'), JSON.stringify(plan));
    expect(JSON.parse(runCli(['plan-check', join(dir, 'same.json'), '--format', 'json']).stdout).digest).toBe(d1);
    plan.resource_changes[0].change.after.instance_class = 'db.r6g.2xlarge';
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(plan));
    expect(JSON.parse(runCli(['plan-check', join(dir, 'changed.json'), '--format', 'json']).stdout).digest).not.toBe(d1);
  });

  describe('fails closed with a one-line error (exit 1)', () => {
    const oneLineError = (r: { code: number; stderr: string; stdout: string }, pattern: RegExp) => {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };

    it('a missing file', () => oneLineError(runCli(['plan-check', 'nope.json']), /^steer: error: nope\.json: file not found/));

    it('a truncated plan', () => {
      const file = join(scratch(), 'truncated.json');
      writeFileSync(file, readFileSync(demo, 'utf8').slice(0, 3000));
      oneLineError(runCli(['plan-check', file]), /truncated\.json: not valid JSON .* the file looks truncated/);
    });

    it('a file that is not a plan', () => {
      const file = join(scratch(), 'package.json');
      writeFileSync(file, '{"name": "x"}');
      oneLineError(runCli(['plan-check', file]), /not a Terraform\/OpenTofu JSON plan/);
    });

    it('an unknown action', () => {
      const plan = JSON.parse(readFileSync(demo, 'utf8'));
      plan.resource_changes[0].change.actions = ['delete', 'obliterate'];
      const file = join(scratch(), 'unknown.json');
      writeFileSync(file, JSON.stringify(plan));
      oneLineError(runCli(['plan-check', file]), /unknown\.json: .*unknown action "obliterate"/);
    });

    it('an empty input', () => oneLineError(runCli(['plan-check', '-'], { input: '' }), /-: the file is empty/));

    it('Terraform state instead of a plan', () => {
      const file = join(scratch(), 'state.json');
      writeFileSync(file, JSON.stringify({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } }));
      oneLineError(runCli(['plan-check', file]), /this is Terraform state, not a plan/);
    });

    it('an invalid steer.yml', () => {
      const dir = scratch();
      writeFileSync(join(dir, 'steer.yml'), 'version: 1\nrules:\n  - verdict: sometimes\n');
      oneLineError(runCli(['plan-check', demo], { cwd: dir }), /steer\.yml: rules\[0\]\.verdict/);
    });

    it('the former --agent, with the flag that replaced it', () =>
      oneLineError(runCli(['plan-check', demo, '--agent']), /^steer: error: --agent is now --agent-authored \(the change was authored by an AI agent\); in "steer init", --agent names the agent runtimes to guard\n$/));

    it('a live change set without a region says how to set one', () => {
      const home = scratch();
      const env = { HOME: home, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') };
      oneLineError(
        runCli(['plan-check', '--stack', 'orders', '--change-set', 'steer-1'], { env }),
        /^steer: error: no AWS region for CloudFormation: give --region, or set AWS_REGION \(or AWS_DEFAULT_REGION\), or a region in your AWS profile/,
      );
    });

    it('a bad option', () => {
      const r = runCli(['plan-check', demo, '--format', 'yaml']);
      expect(r.code).toBe(1);
    });
  });

  it('--agent-authored applies the rules for agent-authored changes', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'steer.yml'), 'version: 1\nrules:\n  - match: { agent: true, stateful: true }\n    verdict: block\n');
    expect(runCli(['plan-check', demo], { cwd: dir }).code).toBe(2);
    expect(runCli(['plan-check', demo, '--agent-authored'], { cwd: dir }).code).toBe(3);
  });

  it('uses steer.yml from the working directory', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'steer.yml'), 'version: 1\nprotected:\n  - types: ["aws_db_instance"]\n    reason: customer data\n');
    const r = runCli(['plan-check', demo], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/protected \(steer\.yml protected: aws_db_instance — customer data\)/);
  });

  it('a directory of change-set pages (a nested root and its child) is one plan', () => {
    const dir = scratch();
    for (const f of ['aws-cfn-user-guide__nested-root-stack-change-set.json', 'aws-cfn-user-guide__nested-child-stack-change-set.json']) {
      writeFileSync(join(dir, f), readFileSync(join(corpus, 'cloudformation', f)));
    }
    const r = runCli(['plan-check', dir, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.plans).toHaveLength(1);
    expect(report.plans[0].changes.length).toBeGreaterThan(1);
  });

  it('a directory input reads the plans and change sets in it and says which other files it skipped', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a-package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    writeFileSync(join(dir, 'plan.json'), readFileSync(demo));
    writeFileSync(join(dir, 'terraform.tfvars.json'), JSON.stringify({ region: 'eu-west-1' }));
    writeFileSync(join(dir, 'x-changes.json'), readFileSync(join(corpus, 'cloudformation', 'localstack__stack-deletion-order-ABC__remove-x3.json')));
    writeFileSync(join(dir, 'notes.txt'), 'not json');
    const r = runCli(['plan-check', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).plans.map((p: { source: string }) => p.source)).toEqual(['terraform', 'cloudformation']);
    expect(r.stderr.trim().split('\n')).toEqual([`steer: skipped ${join(dir, 'a-package.json')}: not a plan or change set`, `steer: skipped ${join(dir, 'terraform.tfvars.json')}: not a plan or change set`]);
  });

  it('a directory with no plan or change set is an error', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    const r = runCli(['plan-check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `steer: skipped ${join(dir, 'package.json')}: not a plan or change set`,
      `steer: error: ${dir}: no file in the directory looks like a plan or change set (JSON starting with format_version or Changes)`,
    ]);
  });

  it('Terraform plans and CloudFormation change sets in one report', () => {
    const r = runCli(['plan-check', demo, join(corpus, 'cloudformation', 'localstack__stack-deletion-order-ABC__remove-x3.json'), '--format', 'json']);
    expect(JSON.parse(r.stdout).plans.map((p: { source: string }) => p.source)).toEqual(['terraform', 'cloudformation']);
  });

  it('colours only on a TTY, and never with NO_COLOR', () => {
    expect(runCli(['plan-check', demo]).stdout).not.toMatch(/\x1b\[/);
  });
});
