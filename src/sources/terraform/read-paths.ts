/**
 * What Steer reads of a Terraform JSON plan (the plan reader, read-plan.ts, skips the rest, in
 * memory or streamed): `resource_changes`, these top-level keys whole, and `configuration` whole
 * (it grows with the configuration, not with the number of resources: which variables are
 * sensitive, provisioners, references…), and of `prior_state` each resource's address, type
 * and `depends_on` (read-state.ts: the dependency graph). `planned_values`, the rest of
 * `prior_state` and unknown keys are validated as JSON, not built.
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

/** Built whole, and no key may repeat in it (readers must not disagree on what it says)… */
export const CONFIGURATION_KEY = 'configuration';

/** …except inside these members' values, kept raw (expressions, defaults): built by JSON.parse at once. */
export const RAW_CONFIGURATION_VALUES: ReadonlySet<string> = new Set(['expressions', 'count_expression', 'for_each_expression', 'default', 'validations', 'outputs']);

const MAX_KEY_SHOWN = 80;

/** A key as an error message shows it: quoted, escaped, cut when long. */
export function quotedKey(key: string): string {
  const text = JSON.stringify(key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key);
  return text.replace(/[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `configuration.root_module.module_calls["a b"].module.resources[3]` */
export function jsonPathText(root: string, path: readonly (string | number)[]): string {
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(step) ? `.${step}` : `[${quotedKey(step)}]`)).reduce((a, b) => a + b, root);
}

/** Where the resources of the state before the plan sit (each module also has `child_modules`). */
export const PRIOR_STATE_PATH = ['prior_state', 'values', 'root_module'] as const;
