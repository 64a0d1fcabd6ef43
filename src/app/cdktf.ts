import { pathExists, readTextSync } from '../adapters/fs/project-files.js';
import { join } from 'node:path';
import * as z from 'zod';
import { initAndPlan } from '../adapters/terraform-cli/plan.js';
import { InputError } from '../core/errors.js';
import { firstIssueText } from '../sources/issue-text.js';

/**
 * A synthesized CDK for Terraform app (cdktf.out): one Terraform working directory per stack,
 * listed in manifest.json. For each stack Steer takes a plan already there (plan.json, or a saved
 * plan named tfplan/plan/steer.tfplan) or makes one (terraform init + plan -out). CDKTF itself
 * was archived by HashiCorp on 2025-12-10; Steer only reads its output.
 */
const manifestSchema = z.looseObject({
  version: z.string().optional(),
  stacks: z.record(z.string(), z.looseObject({ name: z.string(), workingDirectory: z.string(), synthesizedStackPath: z.string().optional() })),
});

const EXISTING_PLANS = ['plan.json', 'tfplan', 'plan', 'steer.tfplan'];

/** The plan files (JSON or saved) of every stack, making the missing ones. */
export async function cdktfStackPlans(outDir: string, tfBin: string): Promise<string[]> {
  const manifestPath = join(outDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readTextSync(manifestPath));
  } catch (e) {
    throw new InputError(manifestPath, `not a cdktf output manifest (${e instanceof SyntaxError ? 'not valid JSON' : e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(manifestPath, `not a cdktf output manifest: ${firstIssueText(parsed.error)}`);
  const stacks = Object.values(parsed.data.stacks);
  if (stacks.length === 0) throw new InputError(manifestPath, 'the cdktf app has no stacks');
  const plans: string[] = [];
  for (const stack of stacks) {
    const dir = join(outDir, stack.workingDirectory);
    const existing = EXISTING_PLANS.map((f) => join(dir, f)).find((f) => pathExists(f));
    if (existing) {
      plans.push(existing);
      continue;
    }
    await initAndPlan(dir, tfBin, 'steer.tfplan');
    plans.push(join(dir, 'steer.tfplan'));
  }
  return plans;
}
