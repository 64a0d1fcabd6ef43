import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderText } from '../../src/render/text.js';
import { analyze } from '../support/analyze.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

/**
 * Golden files: every renderer over the real fixture plans and change sets and the demo. A change
 * of output shows in review as a change of these files; after an intended one, regenerate them
 * with `npx vitest run -u test/render/golden.test.ts` and read the diff.
 */
const rel = (path: string) => relative(repoRoot, path).split('\\').join('/');
const cases: { name: string; input: string }[] = [
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `terraform-${d.name}`, input: rel(join(fixturesDir, 'terraform', d.name, 'plan.json')) })),
  ...readdirSync(join(fixturesDir, 'cloudformation'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: `cloudformation-${f.replace(/\.json$/, '')}`, input: rel(join(fixturesDir, 'cloudformation', f)) })),
  { name: 'cloudformation-nested', input: 'fixtures/cloudformation/nested' },
  { name: 'cloudformation-pages', input: 'fixtures/cloudformation/pages' },
  { name: 'cloudformation-contexts', input: 'fixtures/cloudformation/contexts/as-strings.json' },
  { name: 'demo', input: 'examples/demo/agent-drift-fix.plan.json' },
];

const VERSION = '0.0.0-golden';
const RUN_URL = 'https://github.com/example/infra/actions/runs/1234';

describe('golden files of every renderer', () => {
  for (const { name, input } of cases) {
    it(`${name}: text, Markdown, job summary, JSON and SARIF`, async () => {
      // Paths as a user in the repository root gives them (the tests run there).
      expect(process.cwd()).toBe(repoRoot);
      const report = await analyze([input]);
      const dir = join('golden', name);
      await expect(renderText(report, { color: false })).toMatchFileSnapshot(join(dir, 'expected.txt'));
      await expect(renderMarkdown(report)).toMatchFileSnapshot(join(dir, 'expected.md'));
      await expect(renderMarkdown(report, { runUrl: RUN_URL })).toMatchFileSnapshot(join(dir, 'summary.md'));
      await expect(renderJson(report, VERSION)).toMatchFileSnapshot(join(dir, 'expected.json'));
      const artifacts = report.plans.map((p) => ({ uri: p.plan.target.path }));
      await expect(renderSarif(report, VERSION, { artifacts })).toMatchFileSnapshot(join(dir, 'expected.sarif'));
    });
  }
});
