import * as z from 'zod/mini';
import '../zod-english.js';

/**
 * The parts of Terraform's / OpenTofu's JSON plan that Steer reads, and nothing more.
 * Unknown fields pass (the format grows without a `format_version` bump); fields are
 * detected by presence. Optional fields are nullish: tools that re-serialize plans (Go structs
 * without omitempty, Python's json) write `null` for a field Terraform leaves out, and it means
 * the same, absent. Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */

/** Every action word Terraform and OpenTofu write into `change.actions`. */
export const TERRAFORM_ACTION_WORDS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;

const actionWord = z.enum(TERRAFORM_ACTION_WORDS, {
  error: (issue) => `unknown action ${JSON.stringify(issue.input)}`,
});

export const changeSchema = z.looseObject({
  actions: z.array(actionWord).check(z.minLength(1, 'empty actions list')),
  before: z.nullish(z.unknown()),
  after: z.nullish(z.unknown()),
  after_unknown: z.nullish(z.unknown()),
  before_sensitive: z.nullish(z.unknown()),
  after_sensitive: z.nullish(z.unknown()),
  // A list of paths; each path is a list of keys (strings) and indexes (numbers).
  replace_paths: z.nullish(z.array(z.array(z.union([z.string(), z.number()])))),
  importing: z.nullish(z.looseObject({ id: z.nullish(z.string()), identity: z.nullish(z.unknown()) })),
  generated_config: z.nullish(z.string()),
});

export const resourceChangeSchema = z.looseObject({
  address: z.string().check(z.minLength(1)),
  previous_address: z.nullish(z.string()),
  module_address: z.nullish(z.string()),
  mode: z.nullish(z.enum(['managed', 'data'])),
  type: z.string(),
  name: z.nullish(z.string()),
  index: z.nullish(z.unknown()),
  provider_name: z.nullish(z.string()),
  deposed: z.nullish(z.string()),
  action_reason: z.nullish(z.string()),
  change: changeSchema,
});

const outputChangeSchema = z.looseObject({
  actions: z.array(actionWord).check(z.minLength(1, 'empty actions list')),
  before_sensitive: z.nullish(z.unknown()),
  after_sensitive: z.nullish(z.unknown()),
});

const variableSchema = z.looseObject({ value: z.nullish(z.unknown()) });

const configVariableSchema = z.looseObject({ sensitive: z.nullish(z.boolean()) });

const envelopeShape = {
  format_version: z.nullish(z.string()),
  plan_format_version: z.nullish(z.string()),
  terraform_version: z.nullish(z.string()),
  errored: z.nullish(z.boolean()),
  complete: z.nullish(z.boolean()),
  applyable: z.nullish(z.boolean()),
  variables: z.nullish(z.record(z.string(), variableSchema)),
  resource_drift: z.nullish(z.array(resourceChangeSchema)),
  output_changes: z.nullish(z.record(z.string(), outputChangeSchema)),
  deferred_changes: z.nullish(z.array(z.looseObject({ reason: z.nullish(z.string()), resource_change: resourceChangeSchema }))),
  configuration: z.nullish(
    z.looseObject({
      root_module: z.nullish(z.looseObject({ variables: z.nullish(z.record(z.string(), configVariableSchema)) })),
    }),
  ),
};

export const terraformPlanSchema = z.looseObject({ ...envelopeShape, resource_changes: z.nullish(z.array(resourceChangeSchema)) });

/** Everything but `resource_changes`, which is validated one entry at a time (and can be streamed). */
export const planEnvelopeSchema = z.looseObject(envelopeShape);

export type TerraformPlanJson = z.infer<typeof terraformPlanSchema>;
export type PlanEnvelopeJson = z.infer<typeof planEnvelopeSchema>;
export type ResourceChangeJson = z.infer<typeof resourceChangeSchema>;
export type TerraformActionWord = (typeof TERRAFORM_ACTION_WORDS)[number];
