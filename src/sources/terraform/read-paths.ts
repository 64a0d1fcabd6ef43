/**
 * What Steer reads of a Terraform JSON plan (the plan reader, read-plan.ts, skips the rest, in
 * memory or streamed): `resource_changes`, these top-level keys whole, and
 * `configuration.root_module.variables` (which variables are sensitive) and, of `prior_state`,
 * each resource's address, type and `depends_on` (read-state.ts: the dependency graph).
 * `planned_values`, the rest of `prior_state` and `configuration`, and unknown keys are
 * validated as JSON, not built.
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

/** Where the resources of the state before the plan sit (each module also has `child_modules`). */
export const PRIOR_STATE_PATH = ['prior_state', 'values', 'root_module'] as const;
