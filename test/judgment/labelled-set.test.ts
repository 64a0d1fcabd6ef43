import { describe, expect, it } from 'vitest';
import { planCheck } from '../../src/app/plan-check.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { LABELLED_SET } from './labelled-set.js';

async function flagged(task: string, plan: string): Promise<boolean> {
  const report = await planCheck({ inputs: [join(repoRoot, plan)], config: DEFAULT_CONFIG, tfBin: 'terraform', agentAuthored: false, intent: { source: 'option', text: task } });
  return report.findings.some((f) => f.code === 'STEER-DISPROPORTIONATE');
}

describe('STEER-DISPROPORTIONATE on the labelled set', () => {
  it('has at least 30 pairs, about half of them disproportionate', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(30);
    const positives = LABELLED_SET.filter((p) => p.disproportionate).length;
    expect(Math.abs(positives - (LABELLED_SET.length - positives))).toBeLessThanOrEqual(2);
  });

  it('has the precision and recall documented in docs/judgment.md', async () => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    const wrong: string[] = [];
    for (const pair of LABELLED_SET) {
      const got = await flagged(pair.task, pair.plan);
      if (got && pair.disproportionate) truePositive++;
      if (got && !pair.disproportionate) falsePositive++;
      if (!got && pair.disproportionate) falseNegative++;
      if (got !== pair.disproportionate) wrong.push(`${pair.disproportionate ? 'missed' : 'flagged'}: "${pair.task}" on ${pair.plan} (${pair.why})`);
    }
    const precision = truePositive / (truePositive + falsePositive);
    const recall = truePositive / (truePositive + falseNegative);
    expect({ precision: round(precision), recall: round(recall), wrong }).toEqual({ precision: DOCUMENTED.precision, recall: DOCUMENTED.recall, wrong: DOCUMENTED.wrong });
  });
});

/** The figures in docs/judgment.md and the README; a change to the classifier changes them here first. */
const DOCUMENTED = {
  precision: 1,
  recall: 0.95,
  wrong: [
    // "clean up" is a destructive word naming nothing, which covers the whole plan (see docs/judgment.md).
    'missed: "clean up" on fixtures/terraform/judgment-bucket-delete/plan.json (too vague to own the deletion of a production bucket and its data)',
  ],
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
