import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../scripts/report-schema.js';
import { renderJson } from '../../src/render/json.js';
import { analyze } from '../support/analyze.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/report.schema.json'), 'utf8')) as object;

/** Every real plan and change set in the repository's fixtures, and the demo. */
const inputs = [
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')),
  ...readdirSync(join(fixturesDir, 'cloudformation')).filter((f) => f.endsWith('.json')).map((f) => join(fixturesDir, 'cloudformation', f)),
  join(fixturesDir, 'cloudformation', 'nested'),
  join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'),
];

describe('schema/report.schema.json', () => {
  it('is generated from the zod schema of the report and committed (regenerate: npm run schema)', () => {
    expect(committed).toEqual(reportJsonSchema());
  });

  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(committed);
  for (const input of inputs) {
    const name = input.slice(repoRoot.length + 1);
    it(`validates the real report of ${name}, with and without no-ops`, async () => {
      const report = await analyze([input]);
      for (const includeNoOp of [false, true]) {
        const json = JSON.parse(renderJson(report, '0.0.0-test', { includeNoOp })) as unknown;
        const ok = validate(json);
        expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      }
    });
  }

  it('refuses a report with a field it does not describe (the schema follows the code)', () => {
    expect(validate({ ...(JSON.parse(renderJson({ verdict: 'allow', digest: 'd', plans: [], findings: [], agentAuthored: false }, 'x')) as object), extra: 1 })).toBe(false);
  });
});
