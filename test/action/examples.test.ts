import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertValidRequest } from '../support/github-openapi.js';
import { repoRoot } from '../support/paths.js';

// The example workflows are what users copy: they must keep the gate's safety properties.
type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = { permissions?: Record<string, string>; if?: string; needs?: string | string[]; environment?: string; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const read = (name: string) => readFileSync(join(repoRoot, 'examples/github', name), 'utf8');
const workflow = (name: string) => parse(read(name)) as Workflow;
const perms = (w: Workflow, j: Job) => j.permissions ?? w.permissions ?? {};
const writes = (p: Record<string, string>) => Object.entries(p).filter(([k, v]) => v === 'write' && k !== 'id-token').map(([k]) => k);
const checksOutPr = (j: Job) => j.steps.some((s) => s.uses?.startsWith('actions/checkout') && String(s.with?.ref ?? '').includes('pull_request.head'));
const runsSteer = (s: Step) => s.uses === './node_modules/@steer-gate/cli';
/** The only commands a job that holds a write token or the signing key may run: installing Steer from the base branch's lock file, without install scripts. */
const BASE_BRANCH_INSTALL = 'npm ci --ignore-scripts --no-audit --no-fund';

describe.each(['terraform.yml', 'cloudformation.yml'])('examples/github/%s', (name) => {
  const w = workflow(name);

  it('runs from the base branch (pull_request_target), never as a pull_request workflow', () => {
    expect(Object.keys(w.on)).toContain('pull_request_target');
    expect(Object.keys(w.on)).not.toContain('pull_request');
  });

  it('hands no secret to a job that runs pull-request code; the signing key only to the gate, through its environment', () => {
    for (const j of Object.values(w.jobs)) {
      if (!JSON.stringify(j).includes('secrets.')) continue;
      expect(checksOutPr(j)).toBe(false);
      expect(j.steps.filter((s) => s.run).map((s) => s.run!.trim())).toEqual([BASE_BRANCH_INSTALL]);
      expect(j.environment).toBe('steer-gate');
      expect(JSON.stringify(j).match(/secrets\.[A-Z_]+/g)).toEqual(['secrets.STEER_SIGNING_KEY']);
    }
  });

  it('never keeps the checkout credentials', () => {
    for (const j of Object.values(w.jobs)) for (const s of j.steps.filter((x) => x.uses?.startsWith('actions/checkout'))) expect(s.with?.['persist-credentials']).toBe(false);
  });

  it('the gate always runs and is never skipped', () => {
    const gates = Object.values(w.jobs).filter((j) => j.steps.some(runsSteer));
    expect(gates).toHaveLength(1);
    const gate = gates[0]!;
    if (gate.needs || gate.if) expect(gate.if).toMatch(/always\(\)/);
    const step = gate.steps.find(runsSteer)!;
    if (gate.steps.indexOf(step) > 0 && gate.steps.slice(0, gate.steps.indexOf(step)).some((s) => s.run)) expect(step.if).toMatch(/always\(\)/);
    expect(writes(perms(w, gate)).sort()).toEqual(['checks', 'issues', 'pull-requests']);
  });

  it('reads plans the workflow made (in the runner temp dir), not files from the checkout', () => {
    const step = Object.values(w.jobs).flatMap((j) => j.steps).find(runsSteer)!;
    expect(String(step.with?.plans)).toMatch(/^\$\{\{ runner\.temp \}\}\//);
  });
});

describe('examples/github/terraform.yml', () => {
  it('runs terraform (PR code) only in a job without a write token', () => {
    const w = workflow('terraform.yml');
    for (const j of Object.values(w.jobs).filter((x) => x.steps.some((s) => /\bterraform (plan|init)\b/.test(s.run ?? '')))) {
      expect(checksOutPr(j)).toBe(true);
      expect(writes(perms(w, j))).toEqual([]);
      expect(j.steps.some(runsSteer)).toBe(false);
    }
  });
});

describe('examples/github/terraform-apply.yml', () => {
  const w = workflow('terraform-apply.yml');
  const steps = Object.values(w.jobs).flatMap((j) => j.steps);
  const script = steps.map((s) => s.run ?? '').join('\n');

  it('runs after the merge, on the base branch, in the protected environment', () => {
    expect(Object.keys(w.on)).toEqual(['push']);
    expect((w.on.push as { branches: string[] }).branches).toEqual(['main']);
    for (const j of Object.values(w.jobs)) expect(j.environment).toBe('production');
  });

  it('applies only through steer apply, the saved plan from the pull request, never a new plan', () => {
    expect(script).toMatch(/\.steer-base\/node_modules\/\.bin\/steer apply "\$RUNNER_TEMP\/steer-plan\/tfplan" -c \.steer-base\/steer\.yml/);
    expect(script).not.toMatch(/terraform (plan|apply)/);
    expect(script).toMatch(/steer-plan-\$head/);
    expect(read('terraform.yml')).toMatch(/name: steer-plan-\$\{\{ github\.event\.pull_request\.head\.sha \}\}/);
  });

  it('verifies the gate\'s signature, with a token that can only read', () => {
    const apply = steps.find((s) => /steer apply/.test(s.run ?? ''))! as Step & { env?: Record<string, string> };
    expect(apply.env?.STEER_SIGNING_KEY).toBe('${{ secrets.STEER_SIGNING_KEY }}');
    for (const j of Object.values(w.jobs)) expect(writes(perms(w, j))).toEqual([]);
    for (const s of steps.filter((x) => x.uses?.startsWith('actions/checkout'))) expect(s.with?.['persist-credentials']).toBe(false);
  });
});

describe('examples/github/cloudformation-execute.yml', () => {
  const w = workflow('cloudformation-execute.yml');
  const steps = Object.values(w.jobs).flatMap((j) => j.steps);
  const script = steps.map((s) => s.run ?? '').join('\n');

  it('runs after the merge in the protected environment, and executes only through steer execute', () => {
    expect(Object.keys(w.on)).toEqual(['push']);
    for (const j of Object.values(w.jobs)) expect(j.environment).toBe('production');
    expect(script).toMatch(/npx --no-install steer execute --stack \$\{\{ vars\.STEER_STACK \}\} --change-set "pr-\$pr-\$head" -c steer\.yml/);
    expect(script).not.toMatch(/aws cloudformation (execute-change-set|deploy|update-stack)/);
    expect(read('cloudformation.yml')).toMatch(/--name "pr-\$\{\{ github\.event\.pull_request\.number \}\}-\$\{\{ github\.event\.pull_request\.head\.sha \}\}"/);
  });

  it('verifies the gate\'s signature, with a token that can only read', () => {
    const step = steps.find((s) => /steer execute/.test(s.run ?? ''))! as Step & { env?: Record<string, string> };
    expect(step.env?.STEER_SIGNING_KEY).toBe('${{ secrets.STEER_SIGNING_KEY }}');
    for (const j of Object.values(w.jobs)) expect(writes(perms(w, j))).toEqual([]);
  });
});

describe('examples/github/README.md', () => {
  it('its ruleset is a valid request to GitHub (POST /repos/{owner}/{repo}/rulesets) that requires the steer check', () => {
    const json = /```json\n([\s\S]*?)```/.exec(read('README.md'))![1]!;
    const ruleset = JSON.parse(json) as { rules: { type: string; parameters?: { required_status_checks?: { context: string }[] } }[] };
    assertValidRequest('POST', '/repos/octo-org/infra/rulesets', ruleset);
    expect(ruleset.rules.find((r) => r.type === 'required_status_checks')!.parameters!.required_status_checks!.map((c) => c.context)).toEqual(['steer']);
  });
});

describe.each(['terraform.yml', 'terraform-apply.yml', 'cloudformation.yml', 'cloudformation-execute.yml'])('examples/github/%s works unmodified', (name) => {
  it('has no placeholder: every action is a public one or the installed package, Steer comes from the lock file', () => {
    const text = read(name);
    expect(text).not.toMatch(/your-org|<[A-Z_]+>|TODO|CHANGE ?ME/i);
    for (const s of Object.values(workflow(name).jobs).flatMap((j) => j.steps)) {
      if (s.uses) expect(s.uses).toMatch(/^(actions\/(checkout|setup-node|upload-artifact|download-artifact)@v4|hashicorp\/setup-terraform@v3|aws-actions\/configure-aws-credentials@v4|\.\/node_modules\/@steer-gate\/cli)$/);
    }
    expect(text).not.toMatch(/examples\/github\/README/);
  });
});
