import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { streamTerraformPlan } from '../../src/sources/terraform/stream.js';
import { corpusDir, repoRoot } from '../support/paths.js';
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
      /resource_changes\[1\]\.change\.actions\[0\]: unknown action "zap"/,
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
