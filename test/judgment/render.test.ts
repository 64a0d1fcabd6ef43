import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCheck } from '../../src/app/plan-check.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { jsonReport } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { repoRoot } from '../support/paths.js';

const VPC = join(repoRoot, 'fixtures/terraform/judgment-vpc-replace/plan.json');
const check = (text?: string) =>
  planCheck({ inputs: [VPC], config: DEFAULT_CONFIG, tfBin: 'terraform', agentAuthored: false, ...(text !== undefined ? { intent: { source: 'option' as const, text } } : {}) });

describe('the task and the blast radius in the reports', () => {
  it('Markdown names the worst dependents of a replacement and the task it judged', async () => {
    const md = renderMarkdown(await check('tweak vpc tags'));
    expect(md).toContain('blast radius: replacing `aws_vpc.main_vpc` disrupts 10 resources (2 stateful): `module.app["api"].aws_db_instance.app_db`, `module.app["web"].aws_db_instance.app_db`, `module.app["api"].terraform_data.server[0]`, and 7 more');
    expect(md).toContain('task from --intent (minor: "tweak", "tags"): "tweak vpc tags"');
  });

  it('text says the same, once per plan', async () => {
    const text = renderText(await check('tweak vpc tags'), { color: false });
    expect(text).toContain('  blast radius: replacing aws_vpc.main_vpc disrupts 10 resources (2 stateful)');
  });

  it('JSON says "no task given" when there was none, and carries the magnitude', async () => {
    const json = jsonReport(await check(), '0.0.0') as unknown as { schemaMinorVersion: number; intent: unknown; plans: { magnitude: { dependents: number } }[] };
    expect(json.schemaMinorVersion).toBe(1);
    expect(json.intent).toEqual({ given: false, note: 'no task given' });
    expect(json.plans[0]!.magnitude.dependents).toBe(10);
  });
});
