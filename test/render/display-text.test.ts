import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { annotations, checkTitle, commentBody, failureOutput } from '../../src/action/gate-text.js';
import { workflowCommand } from '../../src/adapters/github/runner-files.js';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { displayMessage, displayName, neutralize } from '../../src/render/display-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderText } from '../../src/render/text.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { runCli } from '../support/run-cli.js';
import { rc, tfPlan } from '../support/tfplan.js';

/** One of each kind: bidi embedding/override/isolate, marks, line separators, C0 and C1 controls, DEL, invisible format characters. */
const UNSAFE = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029', '\u0000', '\u0007', '\u001b', '\n', '\r', '\t', '\u007f', '\u0085', '\u009b', '\u200b', '\ufeff'];
const HOSTILE = `aws_db_instance.a["${UNSAFE.join('-')}"]`;
const hasUnsafe = (text: string) => UNSAFE.filter((c) => text.includes(c)).map((c) => `U+${c.charCodeAt(0).toString(16)}`);

const work = mkdtempSync(join(tmpdir(), 'steer-display-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const plan = parseTerraformPlan(
  tfPlan([rc({ address: HOSTILE, type: 'aws_db_instance', actions: ['delete', 'create'], replace_paths: [[`engine${UNSAFE.join('')}`]] })], { variables: { environment: { value: 'prod' } } }),
  { path: join(work, 'plan.json') },
);
const report = assess([plan], { config: DEFAULT_CONFIG });
const approval = { approved: false, approvers: ['mallory\u202e'], rejected: [], needed: 1 } as unknown as Parameters<typeof checkTitle>[1];
const pull = { number: 1, headSha: 'c0ffee'.padEnd(40, '0'), baseSha: 'ba5e'.padEnd(40, '0'), baseRef: 'main', author: { login: 'octocat', type: 'User' } } as unknown as Parameters<typeof commentBody>[3];

describe('neutralize and displayName', () => {
  it('turns every character that reorders or breaks text into a visible <U+XXXX>, and leaves other text alone', () => {
    for (const c of UNSAFE) expect(neutralize(`a${c}b`)).toBe(`a<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>b`);
    expect(neutralize('módulo.日本["ok"]')).toBe('módulo.日本["ok"]');
    expect(neutralize('line\nbreak\u2028', { keepNewlines: true })).toBe('line\nbreak<U+2028>');
  });

  it('shortens a long name to head and tail with its length and a hash, so names that share both stay distinct', () => {
    const a = `x["${'k'.repeat(5000)}A${'k'.repeat(5000)}"]`;
    const b = a.replace('A', 'B');
    expect(displayName('aws_instance.web')).toBe('aws_instance.web');
    expect(displayName(a).length).toBeLessThanOrEqual(200);
    expect(displayName(a)).toMatch(/^x\["k+…\[\+\d+ chars #[0-9a-f]{8}\]…k+"\]$/);
    expect(displayName(a)).not.toBe(displayName(b));
    expect(displayMessage(`${a} is deleted on production.`, a)).toMatch(/#[0-9a-f]{8}\]…k+"\] is deleted on production\.$/);
  });
});

describe('every human renderer neutralizes names', () => {
  it('text', () => expect(hasUnsafe(renderText(report, { color: false }).replace(/\n/g, ''))).toEqual([]));
  it('text: a name adds no line to the report', () => {
    const plain = parseTerraformPlan(
      tfPlan([rc({ address: 'aws_db_instance.a["plain"]', type: 'aws_db_instance', actions: ['delete', 'create'], replace_paths: [['engine']] })], { variables: { environment: { value: 'prod' } } }),
      { path: join(work, 'plan.json') },
    );
    const lines = (r: typeof report) => renderText(r, { color: false }).split('\n').length;
    expect(lines(report)).toBe(lines(assess([plain], { config: DEFAULT_CONFIG })));
  });
  it('markdown (check-run text)', () => expect(hasUnsafe(renderMarkdown(report).replace(/\n/g, ''))).toEqual([]));
  it('the sticky comment and job summary', () => {
    const body = commentBody(report, approval, { agent: true, reasons: ['author \u202eCopilot'] } as never, pull, '2026-12-04T00:00:00Z');
    expect(hasUnsafe(body.replace(/\n/g, ''))).toEqual([]);
    expect(body).toContain('<U+202E>');
  });
  it('the check-run title and failure output', () => {
    expect(hasUnsafe(checkTitle(report, { ...approval, approved: true } as never, 'success'))).toEqual([]);
    expect(hasUnsafe(failureOutput(`bad ${HOSTILE}`).summary.replace(/\n/g, ''))).toEqual([]);
  });
  it('annotations', () => {
    const list = annotations(report, work);
    expect(list).toHaveLength(1);
    expect(hasUnsafe(JSON.stringify(list.map((a) => [a.title, a.message])).replace(/\\n/g, ''))).toEqual([]);
    expect(hasUnsafe(`${list[0]!.title}${list[0]!.message}`)).toEqual([]);
  });
  it('SARIF messages', () => {
    const sarif = JSON.parse(renderSarif(report, 'test')) as { runs: { results: { message: { text: string } }[] }[] };
    for (const r of sarif.runs[0]!.results) expect(hasUnsafe(r.message.text)).toEqual([]);
  });
  it('workflow commands (::error:: and the rest)', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      workflowCommand('error', `Steer: ${HOSTILE}`);
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]!.endsWith('\n')).toBe(true);
    expect(hasUnsafe(written[0]!.slice(0, -1))).toEqual([]);
  });
  it('the CLI error line', () => {
    const file = join(work, `plan\u202e\u2028.json`);
    writeFileSync(file, '{"format_version": 1');
    const r = runCli(['plan-check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hasUnsafe(r.stderr.trimEnd())).toEqual([]);
    expect(r.stderr).toContain('plan<U+202E><U+2028>.json');
  });
});
