import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSarifOutput } from '../../src/action/sarif-output.js';
import { readActionInputs } from '../../src/action/inputs.js';
import { analyze } from '../support/analyze.js';
import { repoRoot } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'steer-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Action writes SARIF for upload-sarif', () => {
  it('input sarif is read from the environment as the runner names it', () => {
    const inputs = readActionInputs({ INPUT_PLANS: 'plan.json', 'INPUT_GITHUB-TOKEN': 't', GITHUB_REPOSITORY: 'o/r', INPUT_SARIF: 'out/steer.sarif' });
    expect(inputs.sarifPath).toBe('out/steer.sarif');
    expect(readActionInputs({ INPUT_PLANS: 'plan.json', 'INPUT_GITHUB-TOKEN': 't', GITHUB_REPOSITORY: 'o/r' }).sarifPath).toBeUndefined();
  });

  it('writes the file with uris relative to the workspace and sets the sarif output', async () => {
    const report = await analyze([join(repoRoot, 'examples/demo/agent-drift-fix.plan.json')]);
    const outputFile = join(work, 'github-output');
    writeSarifOutput({ sarifPath: 'reports/steer.sarif', workspace: repoRoot, outputFile }, report);
    const sarifPath = join(repoRoot, 'reports/steer.sarif');
    try {
      const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/demo/agent-drift-fix.plan.json');
      expect(readFileSync(outputFile, 'utf8')).toMatch(new RegExp(`^sarif<<steer_[0-9a-f-]+\\n${sarifPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n`));
    } finally {
      rmSync(join(repoRoot, 'reports'), { recursive: true, force: true });
    }
  });

  it('without the input, writes nothing', async () => {
    const report = await analyze([join(repoRoot, 'examples/demo/agent-drift-fix.plan.json')]);
    const outputFile = join(work, 'none');
    writeSarifOutput({ workspace: work, outputFile }, report);
    expect(() => readFileSync(outputFile)).toThrow();
  });
});
