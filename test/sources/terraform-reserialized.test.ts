import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/model.js';
import { decodeInput } from '../../src/sources/decode.js';
import { parseDecoded, parseDecodedInSlices, plansFromDocuments } from '../../src/sources/load.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { streamTerraformPlans } from '../../src/sources/terraform/stream.js';
import { corpusDir, fixturesDir, repoRoot } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// Plans as users have them: re-serialized by tools that write `null` for absent fields, and
// several concatenated in one stream (terragrunt run --all show -json).

const plans = [
  join(fixturesDir, 'terraform/basic-actions/plan.json'),
  join(fixturesDir, 'terraform/moved/plan.json'),
  join(fixturesDir, 'terraform/sensitive/plan.json'),
  join(corpusDir(), 'terraform/terraform__show-json__requires-replace.json'),
  join(corpusDir(), 'terraform/terraform__show-json__plan-error.json'),
  join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'),
];

const ENTRY_OPTIONAL = ['previous_address', 'module_address', 'mode', 'name', 'index', 'provider_name', 'deposed', 'action_reason'];
const CHANGE_OPTIONAL = ['before', 'after', 'after_unknown', 'before_sensitive', 'after_sensitive', 'replace_paths', 'importing', 'generated_config'];
const PLAN_OPTIONAL = ['plan_format_version', 'terraform_version', 'errored', 'complete', 'applyable', 'variables', 'resource_drift', 'resource_changes', 'output_changes', 'deferred_changes', 'configuration'];

/** The plan as a re-serializer writes it: every optional field Terraform left out is `null`. */
function withNulls(doc: Record<string, unknown>): Record<string, unknown> {
  const fill = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries([...Object.entries(o), ...keys.filter((k) => !(k in o)).map((k) => [k, null])]);
  const entry = (e: Record<string, unknown>) => ({ ...fill(e, ENTRY_OPTIONAL), change: fill(e.change as Record<string, unknown>, CHANGE_OPTIONAL) });
  const out = fill(doc, PLAN_OPTIONAL);
  if (Array.isArray(doc.resource_changes)) out.resource_changes = doc.resource_changes.map(entry);
  if (Array.isArray(doc.resource_drift)) out.resource_drift = doc.resource_drift.map(entry);
  const config = doc.configuration as { root_module?: Record<string, unknown> } | undefined;
  if (config?.root_module) out.configuration = { ...config, root_module: fill(config.root_module, ['variables']) };
  return out;
}

function inMemory(text: string, path = 'p.json'): Plan[] {
  const decoded = decodeInput(Buffer.from(text), path);
  if (decoded.kind === 'saved-terraform-plan') throw new Error('unexpected zip');
  return plansFromDocuments(parseDecoded(decoded, path).map((d) => ({ ...d, notes: [] })), {});
}
async function inSlices(text: string, path = 'p.json'): Promise<Plan[]> {
  const docs = await parseDecodedInSlices({ kind: 'utf8', bytes: Buffer.from(text), notes: [] }, path, () => Promise.resolve());
  return plansFromDocuments(docs.map((d) => ({ ...d, notes: [] })), {});
}
/** Streamed in 7-byte pieces: every step of the reader, the step between documents included, runs out of bytes. */
function streamed(text: string, path = 'p.json'): Promise<Plan[]> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 7) chunks.push(bytes.subarray(at, at + 7));
  return streamTerraformPlans(Readable.from(chunks), { path }, 1);
}

describe('a plan whose absent fields are written as null', () => {
  for (const file of plans) {
    const name = file.split('/').slice(-2).join('/');
    const text = readFileSync(file, 'utf8');
    const reference = parseTerraformPlan(JSON.parse(text), { path: 'p.json', inputNotes: [] });
    const nulls = JSON.stringify(withNulls(JSON.parse(text) as Record<string, unknown>));

    it(`reads as the same plan, digest included, in memory and streamed: ${name}`, async () => {
      expect(nulls).toContain(':null');
      expect(parseTerraformPlan(JSON.parse(nulls), { path: 'p.json', inputNotes: [] })).toEqual(reference);
      expect(inMemory(nulls)).toEqual([reference]);
      expect(await streamed(nulls)).toEqual([reference]);
    });
  }

  it('still refuses null where Terraform always writes a value', () => {
    const doc = JSON.parse(readFileSync(plans[0]!, 'utf8')) as { resource_changes: { change: Record<string, unknown>; type: unknown }[] };
    doc.resource_changes[0]!.change.actions = null;
    expect(() => inMemory(JSON.stringify(doc))).toThrowError(/p\.json: not a valid Terraform plan: resource_changes\[0\]\.change\.actions: /);
    const typeless = JSON.parse(readFileSync(plans[0]!, 'utf8')) as typeof doc;
    typeless.resource_changes[0]!.type = null;
    expect(() => inMemory(JSON.stringify(typeless))).toThrowError(/resource_changes\[0\]\.type: /);
  });
});

describe('several plans concatenated in one input (terragrunt run --all show -json)', () => {
  const texts = plans.slice(0, 3).map((f) => readFileSync(f, 'utf8'));
  // terraform show -json prints one line per plan; pretty-printed or back to back, it is the same.
  const joined = [texts.map((t) => JSON.stringify(JSON.parse(t))).join('\n') + '\n', texts.map((t) => JSON.stringify(JSON.parse(t), null, 2)).join(''), texts.join(' \r\n\t')];
  const references = texts.map((t, i) => parseTerraformPlan(JSON.parse(t), { path: `all.json (document ${i + 1})`, inputNotes: [] }));

  it('reads each document as its own plan, named by its place in the file, in memory, in slices and streamed', async () => {
    for (const text of joined) {
      expect(inMemory(text, 'all.json')).toEqual(references);
      expect(await inSlices(text, 'all.json')).toEqual(references);
      expect(await streamed(text, 'all.json')).toEqual(references);
    }
  });

  it('reads UTF-16 (PowerShell) concatenations too', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(joined[0]!, 'utf16le')]);
    const decoded = decodeInput(utf16, 'all.json');
    if (decoded.kind === 'saved-terraform-plan') throw new Error('unexpected zip');
    const read = plansFromDocuments(parseDecoded(decoded, 'all.json').map((d) => ({ ...d, notes: [] })), {});
    expect(read.map((p) => p.digest)).toEqual(references.map((p) => p.digest));
  });

  it('names the document a problem is in', async () => {
    const bad = `${texts[0]}\n${JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', change: { actions: ['zap'] } }] })}`;
    expect(() => inMemory(bad, 'all.json')).toThrowError(/^all\.json \(document 2\): not a valid Terraform plan: resource_changes\[0\]\.change\.actions\[0\]: unknown action "zap"$/);
    await expect(streamed(bad, 'all.json')).rejects.toThrowError(/^all\.json \(document 2\): /);
  });

  it('still refuses what follows a document when it is not another one', async () => {
    expect(() => inMemory(`${texts[0]}\n]`, 'all.json')).toThrowError(/all\.json: not valid JSON \(unexpected "\]" after the end of the document at line \d+/);
    await expect(streamed(`${texts[0]}\nx`, 'all.json')).rejects.toThrowError(/all\.json: not valid JSON \(unexpected/);
  });

  it("says what to do with Terragrunt's log lines instead of plans", () => {
    const log = `14:20:38.431 STDOUT [envs/prod] terraform: ${JSON.stringify(JSON.parse(texts[0]!))}\n`;
    expect(() => inMemory(log, 'all.json')).toThrowError(/all\.json: not valid JSON \(.*\) — this looks like Terragrunt's log output: run it with --tf-forward-stdout/);
  });

  it('plan-check gives each plan its own section, and one verdict for all', () => {
    const r = runCli(['plan-check', '-', '--format', 'json'], { input: joined[0]! });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { plans: { path: string }[]; verdict: string };
    expect(report.plans.map((p) => p.path)).toEqual(['- (document 1)', '- (document 2)', '- (document 3)']);
    const text = runCli(['plan-check', '-'], { input: joined[0]! });
    expect(text.stdout).toContain('- (document 2)');
    expect(text.code).toBe({ allow: 0, review: 2, block: 3 }[report.verdict]);
  });
});
