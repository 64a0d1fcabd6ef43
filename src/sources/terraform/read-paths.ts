/**
 * What Steer reads of a Terraform JSON plan (the plan reader, read-plan.ts, skips the rest, in
 * memory or streamed): `resource_changes`, these top-level keys whole, and
 * `configuration.root_module.variables` (which variables are sensitive). `planned_values`,
 * `prior_state`, the rest of `configuration` and unknown keys are validated as JSON, not built.
 */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set([
  'format_version',
  'plan_format_version',
  'terraform_version',
  'errored',
  'complete',
  'applyable',
  'variables',
  'resource_drift',
  'output_changes',
  'deferred_changes',
]);

/** The path of the one part of `configuration` Steer reads. */
export const CONFIGURATION_PATH = ['configuration', 'root_module', 'variables'] as const;
