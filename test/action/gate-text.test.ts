import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentBody, COMMENT_MARKER } from '../../src/action/gate-text.js';
import type { ApprovalDecision } from '../../src/core/approval.js';
import { analyze } from '../support/analyze.js';
import { repoRoot } from '../support/paths.js';

const pull = { number: 1, headSha: 'c0ffee'.padEnd(40, '0'), baseSha: 'ba5e'.padEnd(40, '0'), baseRef: 'main', author: { login: 'Copilot', type: 'Bot' } };
const demo = () => analyze(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'));
const waiting: ApprovalDecision = { approved: false, approvers: [], rejected: [], needed: 1 };

describe('the sticky comment', () => {
  it('starts with the marker and the summary, then the approval status, then the details', async () => {
    const body = commentBody(await demo(), waiting, { agent: false, reasons: [] }, pull, '2026-11-24T10:00:00Z');
    expect(body.startsWith(`${COMMENT_MARKER}\n## `)).toBe(true);
    const order = ['Steer: REVIEW REQUIRED', 'Plan digest:', '**Approval:** Not approved yet', '### Needs a human', '<details>'].map((s) => body.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('stays under 65,536 characters and escapes names, however many reviews and co-authors there are', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `user${i} <b>@team</b>: approved an older commit (abcdef${i})`);
    const body = commentBody(await demo(), { ...waiting, rejected: many }, { agent: true, reasons: many.map((m) => `a commit is co-authored by ${m}`) }, pull, '2026-11-24T10:00:00Z');
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('…and 4990 more');
    expect(body).not.toMatch(/(?<!`[^`]*)<b>/);
    expect(body).toContain('### Needs a human');
  });
});
