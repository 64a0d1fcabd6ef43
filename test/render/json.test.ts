import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { jsonReport, renderJson, renderJsonChunks } from '../../src/render/json.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { corpusDir, repoRoot } from '../support/paths.js';
import { rc, tfPlan } from '../support/tfplan.js';

describe('JSON report', () => {
  it('written a change at a time, it is exactly JSON.stringify of the whole report', () => {
    const plans = [
      parseTerraformPlan(JSON.parse(readFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), 'utf8')), { path: 'a.json' }),
      parseTerraformPlan(tfPlan([]), { path: 'empty.json' }),
      parseTerraformPlan(JSON.parse(readFileSync(join(corpusDir(), 'terraform', 'tfplan2md__terraform-show-plan2.json'), 'utf8')), { path: 'b.json' }),
      parseTerraformPlan(tfPlan([rc({ address: 'x.y["__steer_changes_0__"]', actions: ['delete'] })]), { path: 'tricky.json' }),
    ];
    const report = assess(plans, { config: DEFAULT_CONFIG });
    expect(renderJson(report, '1.0.0')).toBe(`${JSON.stringify(jsonReport(report, '1.0.0'), null, 2)}\n`);
    expect([...renderJsonChunks(report, '1.0.0')].length).toBeGreaterThan(plans.length * 2);
  });
});
