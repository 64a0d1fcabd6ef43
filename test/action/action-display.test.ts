import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBundledAction } from '../support/run-action.js';
import { FakeGitHub } from '../support/github-fake.js';
import { rc, tfPlan } from '../support/tfplan.js';

// What the bundled Action (dist/index.js) shows of names it does not control: every production
// destructive change before any cut, whatever the names' length; no character that reorders or
// breaks the text, in any of its outputs.
const require = createRequire(import.meta.url);
const HEAD = 'c0ffee'.padEnd(40, '0');
const MARKER = '<!-- steer:pull-request-gate -->';
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, any>[] }[];

/** Each character class a name must not smuggle into a human-facing output. */
const UNSAFE = ['\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029', '\u001b', '\u0085', '\u0007'];
const HOSTILE = `aws_db_instance.evil["${UNSAFE.join('x')}"]`;

let gh: FakeGitHub;
let dir: string;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
  dir = mkdtempSync(join(tmpdir(), 'steer-action-display-'));
});
afterEach(async () => {
  await gh.stop();
  rmSync(dir, { recursive: true, force: true });
});

function opened(): Record<string, unknown> {
  const example = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!);
  Object.assign(example.pull_request, { number: 1, user: { ...example.pull_request.user, login: 'octocat', type: 'User' } });
  example.pull_request.head.sha = HEAD;
  example.pull_request.base.sha = gh.pullBase;
  return example;
}

/** The bundled Action on one plan, for a newly opened pull request. */
async function runAction(plan: unknown): Promise<{ code: number; stdout: string; summary: string }> {
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return runBundledAction(gh, dir, opened(), 'pull_request', { plans: 'plan.json', env: '' }, { GITHUB_RUN_ID: undefined });
}

const production = { variables: { environment: { value: 'production' } } };
const deleted = (address: string) => rc({ address, type: address.split('.')[0]!, actions: ['delete'] });
/** Everything the Action wrote for humans: comment, check run (title, summary, text), annotations, job summary, log. */
function everything(r: { stdout: string; summary: string }): string {
  const run = gh.checkRuns[0]!;
  return [gh.steerComments(MARKER)[0]!.body, JSON.stringify(run.output), JSON.stringify(gh.annotations[run.id as number] ?? []), r.summary, r.stdout].join('\n');
}

describe('the PR comment budget', () => {
  it('shows every production destructive change although one name is a 64k-character for_each key, and keeps two long names apart', async () => {
    const long = (middle: string) => `aws_s3_bucket.logs["${'k'.repeat(32_000)}${middle}${'k'.repeat(32_000)}"]`;
    const changes = [deleted(long('A')), deleted(long('B')), ...Array.from({ length: 40 }, (_, i) => deleted(`aws_instance.web_${i}`))];
    const r = await runAction(tfPlan(changes, production));
    expect(r.code).toBe(1);
    const body = gh.steerComments(MARKER)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const needs = body.slice(body.indexOf('### Needs a human'), body.indexOf('<details>'));
    for (let i = 0; i < 40; i++) expect(needs).toContain(`\`aws_instance.web_${i}\``);
    const shortened = [...needs.matchAll(/`(aws_s3_bucket\.logs\[[^`]*)`/g)].map((m) => m[1]!);
    expect(shortened).toHaveLength(2);
    expect(shortened[0]).toMatch(/…\[\+\d+ chars #[0-9a-f]{8}\]…/);
    expect(shortened[0]).not.toBe(shortened[1]);
    expect(needs).not.toContain('more not shown');
    const annotations = gh.annotations[gh.checkRuns[0]!.id as number]!;
    expect(annotations.every((a) => String(a.title).length <= 255 && String(a.message).length <= 1000)).toBe(true);
    expect(new Set(annotations.map((a) => a.title)).size).toBe(annotations.length);
  });

  it('when more destructive changes exist than fit, shows one line for each that fits first and counts the rest', async () => {
    const changes = Array.from({ length: 3000 }, (_, i) => deleted(`aws_instance.${'w'.repeat(100)}_${i}`));
    const r = await runAction(tfPlan(changes, production));
    expect(r.code).toBe(1);
    const body = gh.steerComments(MARKER)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const shown = body.match(/^- \*\*delete\*\* /gm)!.length;
    expect(shown).toBeGreaterThan(200);
    expect(body).toContain(`- …and ${3000 - shown} more not shown (comment size limit); see the JSON report.`);
  });
});

describe('names that could reorder or break the text', () => {
  it('are neutralized in the comment, the check run, the annotations, the job summary and the workflow log', async () => {
    const r = await runAction(tfPlan([deleted(HOSTILE)], production));
    expect(r.code).toBe(1);
    const all = everything(r);
    for (const c of UNSAFE) expect(all.includes(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    expect(gh.steerComments(MARKER)[0]!.body).toContain('<U+202E>x<U+202A>');
  });
});
