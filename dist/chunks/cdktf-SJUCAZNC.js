import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
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
import { spawn } from "node:child_process";
async function initAndPlan(dir, tfBin, outFile) {
  await run(tfBin, ["init", "-input=false", "-no-color"], dir);
  await run(tfBin, ["plan", "-input=false", "-no-color", `-out=${outFile}`], dir);
}
function run(bin, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => output += c.toString());
    child.stderr.on("data", (c) => output += c.toString());
    child.on("error", (e) => reject(new ToolError(e.code === "ENOENT" ? `"${bin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${bin}": ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const why = output.split("\n").map((l) => l.replace(/^[│╷╵\s]+/, "").trim()).filter((l) => l.startsWith("Error")).slice(0, 2).join(" ");
      reject(new ToolError(`"${bin} ${args[0]}" failed (exit ${code}) in ${cwd}: ${why || output.trim().split("\n").slice(-2).join(" ")}`));
    });
  });
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
