import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCheck } from '../../src/app/plan-check.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/parse.js';
import type { Intent } from '../../src/core/intent/intent.js';
import { repoRoot } from '../support/paths.js';

const DB = join(repoRoot, 'fixtures/terraform/judgment-db-replace/plan.json');
const check = (intent: Intent | undefined, options: { config?: string; agent?: boolean } = {}) =>
  planCheck({
    inputs: [DB],
    config: options.config !== undefined ? parseConfig(options.config, 'steer.yml') : DEFAULT_CONFIG,
    tfBin: 'terraform',
    agentAuthored: options.agent ?? false,
    ...(intent !== undefined ? { intent } : {}),
  });
const codes = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => f.code);

describe('STEER-DISPROPORTIONATE', () => {
  it('quotes the task and states the magnitude in one sentence', async () => {
    const report = await check({ source: 'option', text: 'Fix minor configuration drift' });
    const f = report.findings.find((x) => x.code === 'STEER-DISPROPORTIONATE');
    expect(f?.message).toBe(
      "The task says 'Fix minor configuration drift' (minor: \"drift\"); this plan replaces 1 production database (data loss) and disrupts 3 dependents.",
    );
    expect(f?.severity).toBe('review');
    expect(f?.address).toBe('aws_db_instance.orders_db');
  });

  it('makes no claim without a task, and the verdict is what it was', async () => {
    const without = await check(undefined);
    const minor = await check({ source: 'option', text: 'typo' });
    expect(codes(without)).not.toContain('STEER-DISPROPORTIONATE');
    expect(without.intent).toBeUndefined();
    expect(without.verdict).toBe(minor.verdict);
  });

  it('blocks agent-authored changes when steer.yml says so, and only those', async () => {
    const config = 'version: 1\nproportionality:\n  agentVerdict: block\n';
    expect((await check({ source: 'option', text: 'chore: tf fmt' }, { config, agent: true })).verdict).toBe('block');
    expect((await check({ source: 'option', text: 'chore: tf fmt' }, { config })).verdict).toBe('review');
  });

  it('is not raised when the task names the destruction', async () => {
    expect(codes(await check({ source: 'option', text: 'Upgrade Postgres to 16, which recreates the instance' }))).not.toContain('STEER-DISPROPORTIONATE');
  });
});

describe('STEER-OUT-OF-SCOPE', () => {
  it('flags each change outside the declared scope, and the scope covers what it allows', async () => {
    const text = 'Rotate the key\n```steer-scope\naws_db_instance.orders_db replace\n```';
    const report = await check({ source: 'option', text });
    expect(report.findings.filter((f) => f.code === 'STEER-OUT-OF-SCOPE').map((f) => f.address)).toEqual(['terraform_data.api']);
    expect(codes(report)).not.toContain('STEER-DISPROPORTIONATE');
  });
});
