import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { streamTerraformPlan } from '../../src/sources/terraform/stream.js';
import { corpusDir, fixturesDir, repoRoot } from '../support/paths.js';
import { damaged, seededRandom } from '../support/damage.js';
import { rc, tfPlan } from '../support/tfplan.js';

const corpus = join(corpusDir(), 'terraform');
const files = [
  ...readdirSync(corpus).filter((f) => !f.startsWith('encoding__')).map((f) => join(corpus, f)),
  join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'),
];

describe('the streaming Terraform reader', () => {
  for (const file of files) {
    it(`gives the same plan and digest as the in-memory reader: ${file.split('/').pop()}`, async () => {
      const ctx = { path: file };
      const inMemory = parseTerraformPlan(JSON.parse(readFileSync(file, 'utf8')), ctx);
      const streamed = await streamTerraformPlan(createReadStream(file, { highWaterMark: 4096 }), ctx);
      expect(streamed).toEqual(inMemory);
    });
  }

  const stream = (text: string) => streamTerraformPlan(Readable.from([Buffer.from(text)]), { path: 'p.json' });

  it('refuses a truncated plan', async () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'] })]));
    await expect(stream(text.slice(0, text.length - 20))).rejects.toThrowError(/p\.json: .*truncated/);
  });

  it('refuses invalid JSON', async () => {
    await expect(stream('{"format_version": "1.2", "resource_changes": [}')).rejects.toThrowError(InputError);
  });

  it('refuses an unknown action with the entry it is in', async () => {
    await expect(stream(JSON.stringify(tfPlan([rc({ actions: ['create'] }), rc({ actions: ['zap'] })])))).rejects.toThrowError(
      /resource_changes\[1\]\.change\.actions\[0\]: unknown action \(Terraform writes/,
    );
  });

  it('refuses a key Terraform writes once that appears twice, as the in-memory reader does', async () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'] })])).replace('"resource_changes":', '"resource_changes":[],"resource_changes":');
    await expect(stream(text)).rejects.toThrowError(/p\.json: not a valid Terraform plan: duplicate key "resource_changes"$/);
    const config = JSON.stringify(tfPlan([], { configuration: { root_module: { variables: { a: { sensitive: true } } } } })).replace(
      '"variables":{"a"',
      '"variables":{},"variables":{"a"',
    );
    await expect(stream(config)).rejects.toThrowError(/duplicate key "variables" in configuration\.root_module$/);
  });

  it('refuses a document without format_version', async () => {
    await expect(stream('{"resource_changes": []}')).rejects.toThrowError(/no format_version/);
  });
});

/** The bytes in chunks of `size`, or of sizes drawn from `sizes` in turn. */
function chunked(bytes: Buffer, sizes: readonly number[]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

describe('the streaming reader, stopped and resumed anywhere', () => {
  const work = mkdtempSync(join(tmpdir(), 'steer-stream-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const generated = join(work, 'generated.json');
  execFileSync(process.execPath, [join(repoRoot, 'bench/generate-plan.mjs'), generated, '60']);
  const all = [...files, ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')), generated];

  for (const file of all) {
    it(`gives the same plan with every step cut short: ${file.split('/').slice(-2).join('/')}`, async () => {
      const bytes = readFileSync(file);
      const reference = parseTerraformPlan(JSON.parse(bytes.toString('utf8')), { path: file });
      // Refills of one byte: every step runs out of bytes and goes on again, whatever it was reading.
      const sizes = bytes.length < 60_000 ? [1, 7, 3] : [61, 7, 4093];
      expect(await streamTerraformPlan(chunked(bytes, sizes), { path: file }, 1)).toEqual(reference);
      // Pretty-printed, so whitespace falls on the cuts too.
      const pretty = Buffer.from(JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2));
      expect(await streamTerraformPlan(chunked(pretty, [5, 11, 2]), { path: file }, 1)).toEqual(parseTerraformPlan(JSON.parse(pretty.toString('utf8')), { path: file }));
    });
  }

  it('agrees with the whole-document reader on damaged plans', async () => {
    const random = seededRandom(11);
    const source = JSON.stringify(JSON.parse(readFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), 'utf8')), null, 1);
    for (let round = 0; round < 300; round++) {
      const { text, at } = damaged(source, random);
      let reference: unknown;
      try {
        reference = parseTerraformPlan(JSON.parse(text), { path: 'p.json' });
      } catch (e) {
        reference = e;
      }
      const streamed = streamTerraformPlan(chunked(Buffer.from(text), [3, 1, 17]), { path: 'p.json' }, 1);
      if (reference instanceof Error) await expect(streamed, text.slice(Math.max(0, at - 20), at + 20)).rejects.toThrowError(InputError);
      else await expect(streamed).resolves.toEqual(reference);
    }
  });

  it('validates a large skipped part across many windows', async () => {
    const deep = `${'['.repeat(300)}"${'x'.repeat(300_000)}\\u00e9"${']'.repeat(300)}`;
    const text = `{"format_version":"1.2","planned_values":{"a":${deep},"b":[1e5,-0.5,true,false,null]},"resource_changes":[]}`;
    const plan = await streamTerraformPlan(chunked(Buffer.from(text), [4099, 13]), { path: 'p.json' }, 64);
    expect(plan.changes).toEqual([]);
    const broken = text.replace('1e5', '1e');
    await expect(streamTerraformPlan(chunked(Buffer.from(broken), [4099, 13]), { path: 'p.json' }, 64)).rejects.toThrowError(/not valid JSON \(no digits in an exponent at byte \d+\)/);
    await expect(streamTerraformPlan(chunked(Buffer.from(text.slice(0, 200_000)), [4099]), { path: 'p.json' }, 64)).rejects.toThrowError(/looks truncated/);
  });

  it('checks UTF-8 across chunk boundaries and drops a byte order mark', async () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'], address: 'aws_s3_bucket.caf\u00e9\u{1F600}' })]));
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const plan = await streamTerraformPlan(chunked(bytes, [1, 2]), { path: 'p.json' }, 1);
    expect(plan.changes[0]!.address).toBe('aws_s3_bucket.caf\u00e9\u{1F600}');
    const bad = Buffer.from(text.replace('caf\u00e9', 'cafX'));
    bad[bad.indexOf('cafX') + 3] = 0xff;
    await expect(streamTerraformPlan(chunked(bad, [5]), { path: 'p.json' })).rejects.toThrowError(/p\.json: not UTF-8 text/);
  });
});
