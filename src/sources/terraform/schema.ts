import * as z from 'zod';

/**
 * The parts of Terraform's / OpenTofu's JSON plan that Steer reads, and nothing more.
 * Unknown fields pass (the format grows without a `format_version` bump); fields are
 * detected by presence. Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */

/** Every action word Terraform and OpenTofu write into `change.actions`. */
export const TERRAFORM_ACTION_WORDS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;

const actionWord = z.enum(TERRAFORM_ACTION_WORDS, {
  error: (issue) => `unknown action ${JSON.stringify(issue.input)}`,
});

export const changeSchema = z.looseObject({
  actions: z.array(actionWord).min(1, 'empty actions list'),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  // A list of paths; each path is a list of keys (strings) and indexes (numbers).
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.looseObject({ id: z.string().optional(), identity: z.unknown().optional() }).nullable().optional(),
  generated_config: z.string().optional(),
});

export const resourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  previous_address: z.string().optional(),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']).optional(),
  type: z.string(),
  name: z.string().optional(),
  index: z.unknown().optional(),
  provider_name: z.string().optional(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change: changeSchema,
});

const outputChangeSchema = z.looseObject({
  actions: z.array(actionWord).min(1, 'empty actions list'),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
});

const variableSchema = z.looseObject({ value: z.unknown().optional() });

const configVariableSchema = z.looseObject({ sensitive: z.boolean().optional() });

export const terraformPlanSchema = z.looseObject({
  format_version: z.string().optional(),
  plan_format_version: z.string().optional(),
  terraform_version: z.string().optional(),
  errored: z.boolean().optional(),
  complete: z.boolean().optional(),
  applyable: z.boolean().optional(),
  variables: z.record(z.string(), variableSchema).optional(),
  resource_changes: z.array(resourceChangeSchema).optional(),
  resource_drift: z.array(resourceChangeSchema).optional(),
  output_changes: z.record(z.string(), outputChangeSchema).optional(),
  deferred_changes: z
    .array(z.looseObject({ reason: z.string().optional(), resource_change: resourceChangeSchema }))
    .optional(),
  configuration: z
    .looseObject({
      root_module: z
        .looseObject({ variables: z.record(z.string(), configVariableSchema).optional() })
        .optional(),
    })
    .optional(),
});

/** Everything but `resource_changes`, which is validated one entry at a time (and can be streamed). */
export const planEnvelopeSchema = terraformPlanSchema.omit({ resource_changes: true });

export type TerraformPlanJson = z.infer<typeof terraformPlanSchema>;
export type PlanEnvelopeJson = z.infer<typeof planEnvelopeSchema>;
export type ResourceChangeJson = z.infer<typeof resourceChangeSchema>;
export type TerraformActionWord = (typeof TERRAFORM_ACTION_WORDS)[number];
