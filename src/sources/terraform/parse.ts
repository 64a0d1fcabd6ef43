import { InputError } from '../../core/errors.js';
import type { Plan } from '../../core/model.js';
import { firstIssueText } from '../issue-text.js';
import { normalizeTerraformPlan, ResourceChangeCollector, type TerraformContext } from './normalize.js';
import { isPlainConfiguration, MAX_MODULE_DEPTH, moduleDepth } from './configuration.js';
import { planEnvelopeButConfigurationSchema, planEnvelopeSchema, type PlanEnvelopeJson } from './schema.js';

/** True when a parsed JSON document has the shape of `terraform show -json <plan>` output. */
export function looksLikeTerraformPlan(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const d = doc as Record<string, unknown>;
  if (typeof d.format_version !== 'string' && typeof d.plan_format_version !== 'string') return false;
  return ['resource_changes', 'planned_values', 'prior_state', 'output_changes', 'resource_drift', 'configuration', 'errored', 'variables']
    .some((key) => key in d);
}

/** A state file (`terraform show -json` of state) has `values` but nothing planned. */
export function looksLikeTerraformState(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Record<string, unknown>;
  return typeof d.format_version === 'string' && 'values' in d && !('planned_values' in d) && !('resource_changes' in d);
}

/** `changes`: resource_changes already collected by the byte reader (doc's own are then ignored). */
export function parseTerraformPlan(doc: unknown, ctx: TerraformContext, changes?: ResourceChangeCollector): Plan {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError(ctx.path, 'not a valid Terraform plan: expected a JSON object');
  const { resource_changes: rawChanges, ...rest } = doc as Record<string, unknown>;
  if (changes === undefined && rawChanges != null && !Array.isArray(rawChanges)) {
    throw new InputError(ctx.path, 'not a valid Terraform plan: resource_changes: expected an array');
  }
  const envelope = checkEnvelope(rest, ctx);
  let collected = changes;
  if (collected === undefined) {
    collected = new ResourceChangeCollector(ctx.path);
    for (const raw of (rawChanges as unknown[] | undefined) ?? []) collected.add(raw);
  }
  return finishPlan(envelope, collected, ctx);
}

/** Validates everything but resource_changes, and refuses a major format_version we don't know. */
export function checkEnvelope(rest: unknown, ctx: TerraformContext): PlanEnvelopeJson {
  if (moduleDepth((rest as { configuration?: unknown }).configuration) > MAX_MODULE_DEPTH) {
    throw new InputError(ctx.path, `not a valid Terraform plan: configuration: module calls nested deeper than ${MAX_MODULE_DEPTH} levels`);
  }
  // A configuration as Terraform writes it is checked by hand, the rest by the schema.
  const result = (isPlainConfiguration((rest as { configuration?: unknown }).configuration) ? planEnvelopeButConfigurationSchema : planEnvelopeSchema).safeParse(rest);
  if (!result.success) throw new InputError(ctx.path, `not a valid Terraform plan: ${firstIssueText(result.error)}`);
  const version = result.data.format_version ?? result.data.plan_format_version;
  if (version == null) throw new InputError(ctx.path, 'not a Terraform/OpenTofu JSON plan: no format_version');
  const major = /^\d{1,6}(?=\.|$)/.exec(version)?.[0];
  if (!(major === '0' || major === '1')) {
    const which = major === undefined ? 'format_version is not a version number' : `unsupported plan format_version ${major}.x`;
    throw new InputError(ctx.path, `${which}: Steer reads 0.x and 1.x (a new major version may change meanings)`);
  }
  return result.data;
}

export function finishPlan(envelope: PlanEnvelopeJson, collected: ResourceChangeCollector, ctx: TerraformContext): Plan {
  const notes = [...(ctx.inputNotes ?? [])];
  if (envelope.format_version == null && envelope.plan_format_version != null) {
    notes.push(`HCP Terraform redacted plan (plan_format_version ${envelope.plan_format_version}): values are redacted by HCP; errored/complete are not recorded`);
  }
  return normalizeTerraformPlan(envelope, collected, { ...ctx, inputNotes: notes });
}
