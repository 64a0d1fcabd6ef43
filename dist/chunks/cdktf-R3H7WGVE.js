import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  exitCode,
  firstErrorLines,
  spawnTool
} from "./chunk-MFGOKO7Y.js";
import {
  external_exports,
  firstIssueText
} from "./chunk-VWJEZFZ2.js";
import {
  InputError,
  ToolError
} from "./chunk-QPO7ZZEI.js";
import "./chunk-QEVJJKSU.js";

// src/app/cdktf.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// src/adapters/terraform-cli/plan.ts
async function initAndPlan(dir, tfBin, outFile) {
  await run(tfBin, ["init", "-input=false", "-no-color"], dir);
  await run(tfBin, ["plan", "-input=false", "-no-color", `-out=${outFile}`], dir);
}
async function run(bin, args, cwd) {
  const proc = spawnTool(bin, args, cwd, ["ignore", "pipe", "pipe"]);
  let output = "";
  proc.child.stdout.on("data", (c) => output += c.toString());
  proc.child.stderr.on("data", (c) => output += c.toString());
  const code = await exitCode(proc);
  if (code !== 0) throw new ToolError(`"${bin} ${args[0]}" failed (exit ${code}) in ${cwd}: ${firstErrorLines(output, 2)}`);
}

// src/app/cdktf.ts
var manifestSchema = external_exports.looseObject({
  version: external_exports.string().optional(),
  stacks: external_exports.record(external_exports.string(), external_exports.looseObject({ name: external_exports.string(), workingDirectory: external_exports.string(), synthesizedStackPath: external_exports.string().optional() }))
});
var EXISTING_PLANS = ["plan.json", "tfplan", "plan", "steer.tfplan"];
async function cdktfStackPlans(outDir, tfBin) {
  const manifestPath = join(outDir, "manifest.json");
  let raw;
  try {
    raw = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (e) {
    throw new InputError(manifestPath, `not a cdktf output manifest (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(manifestPath, `not a cdktf output manifest: ${firstIssueText(parsed.error)}`);
  const stacks = Object.values(parsed.data.stacks);
  if (stacks.length === 0) throw new InputError(manifestPath, "the cdktf app has no stacks");
  const plans = [];
  for (const stack of stacks) {
    const dir = join(outDir, stack.workingDirectory);
    const existing = EXISTING_PLANS.map((f) => join(dir, f)).find((f) => existsSync(f));
    if (existing) {
      plans.push(existing);
      continue;
    }
    await initAndPlan(dir, tfBin, "steer.tfplan");
    plans.push(join(dir, "steer.tfplan"));
  }
  return plans;
}
export {
  cdktfStackPlans
};
