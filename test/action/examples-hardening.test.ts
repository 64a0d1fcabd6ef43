import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/paths.js';

// What the example workflows (and `steer init --ci github`, which writes them) must keep against
// an agent that controls the pull request: after the merge its files are main's, and a
// pull_request_target job that runs its code carries the default branch's identity.
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; 'working-directory'?: string };
type Job = { environment?: string; steps: Step[] };
type Workflow = { jobs: Record<string, Job> };
const workflow = (name: string) => parse(readFileSync(join(repoRoot, 'examples/github', name), 'utf8')) as Workflow;
const checkouts = (j: Job) => j.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
const BEFORE = '${{ github.event.before }}';

describe.each(['terraform-apply.yml', 'cloudformation-execute.yml'])('examples/github/%s', (name) => {
  const jobs = Object.values(workflow(name).jobs);

  it('installs and runs Steer, and reads its policy, from main as it was before the merge — never the pull request\'s lock file or steer.yml', () => {
    for (const j of jobs) {
      const base = checkouts(j).find((s) => s.with?.ref === BEFORE);
      expect(base, 'a checkout of github.event.before').toBeDefined();
      const at = String(base!.with?.path ?? '.');
      const installs = j.steps.filter((s) => /\bnpm (ci|install)\b/.test(s.run ?? ''));
      expect(installs.length).toBeGreaterThan(0);
      for (const s of installs) expect(s['working-directory'] ?? '.').toBe(at);
      const script = j.steps.map((s) => s.run ?? '').join('\n');
      const steer = [...script.matchAll(/^\s*(?:npx --no-install )?(\S*steer) (apply|execute)\b.*$/gm)];
      expect(steer.length).toBe(1);
      const bin = steer[0]![1];
      expect(bin).toBe(at === '.' ? 'steer' : `${at}/node_modules/.bin/steer`);
      expect(steer[0]![0]).toContain(`-c ${at === '.' ? '' : `${at}/`}steer.yml`);
      // The merged tree, when it is checked out too, is only terraform's configuration.
      for (const other of checkouts(j).filter((s) => s !== base)) expect(other.with?.path ?? '.').not.toBe(at);
    }
  });

  it('restores no cache (a pull_request_target job running pull-request code shares the default branch\'s cache scope)', () => {
    for (const s of jobs.flatMap((j) => j.steps)) {
      expect(s.uses ?? '').not.toMatch(/^actions\/cache/);
      expect(s.with?.cache).toBeUndefined();
    }
  });
});

describe('examples/github/terraform-apply.yml', () => {
  it('applies only a plan artifact made by the gate workflow on pull_request_target', () => {
    const script = Object.values(workflow('terraform-apply.yml').jobs).flatMap((j) => j.steps).map((s) => s.run ?? '').join('\n');
    expect(script).toMatch(/= "pull_request_target \.github\/workflows\/steer\.yml" \]/);
  });
});

describe.each(['terraform.yml', 'cloudformation.yml'])('examples/github/%s', (name) => {
  it('runs the job that plans (pull-request input, OIDC) in an environment of its own, so no apply role can trust its token', () => {
    const w = workflow(name);
    for (const j of Object.values(w.jobs).filter((x) => !x.steps.some((s) => s.uses === './node_modules/@steer-gate/cli'))) {
      expect(j.environment).toBe('steer-plan');
    }
  });

  it('restores no cache in any job', () => {
    for (const s of Object.values(workflow(name).jobs).flatMap((j) => j.steps)) {
      expect(s.uses ?? '').not.toMatch(/^actions\/cache/);
      expect(s.with?.cache).toBeUndefined();
    }
  });
});
