import * as z from 'zod/mini';
import '../zod-english.js';
import { configurationSchema } from './configuration.js';

/**
 * The parts of Terraform's / OpenTofu's JSON plan that Steer reads, and nothing more.
 * Unknown fields pass (the format grows without a `format_version` bump); fields are
 * detected by presence. Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */

/** Every action word Terraform and OpenTofu write into `change.actions`. */
export const TERRAFORM_ACTION_WORDS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;

// Says what is expected, never what was found: an input value is never quoted (it can be sensitive).
const actionWord = z.enum(TERRAFORM_ACTION_WORDS, {
  error: () => `unknown action (Terraform writes ${TERRAFORM_ACTION_WORDS.join(', ')})`,
});

export const changeSchema = z.looseObject({
  actions: z.array(actionWord).check(z.minLength(1, 'empty actions list')),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  after_unknown: z.optional(z.unknown()),
  before_sensitive: z.optional(z.unknown()),
  after_sensitive: z.optional(z.unknown()),
  // A list of paths; each path is a list of keys (strings) and indexes (numbers).
  replace_paths: z.optional(z.array(z.array(z.union([z.string(), z.number()])))),
  importing: z.optional(z.nullable(z.looseObject({ id: z.optional(z.string()), identity: z.optional(z.unknown()) }))),
  generated_config: z.optional(z.string()),
});

export const resourceChangeSchema = z.looseObject({
  address: z.string().check(z.minLength(1)),
  previous_address: z.optional(z.string()),
  module_address: z.optional(z.string()),
  mode: z.optional(z.enum(['managed', 'data'])),
  type: z.string(),
  name: z.optional(z.string()),
  index: z.optional(z.unknown()),
  provider_name: z.optional(z.string()),
  deposed: z.optional(z.string()),
  action_reason: z.optional(z.string()),
  change: changeSchema,
});

const outputChangeSchema = z.looseObject({
  actions: z.array(actionWord).check(z.minLength(1, 'empty actions list')),
  before_sensitive: z.optional(z.unknown()),
  after_sensitive: z.optional(z.unknown()),
});

const variableSchema = z.looseObject({ value: z.optional(z.unknown()) });

const envelopeShape = {
  format_version: z.optional(z.string()),
  plan_format_version: z.optional(z.string()),
  terraform_version: z.optional(z.string()),
  errored: z.optional(z.boolean()),
  complete: z.optional(z.boolean()),
  applyable: z.optional(z.boolean()),
  variables: z.optional(z.record(z.string(), variableSchema)),
  resource_drift: z.optional(z.array(resourceChangeSchema)),
  output_changes: z.optional(z.record(z.string(), outputChangeSchema)),
  deferred_changes: z.optional(z.array(z.looseObject({ reason: z.optional(z.string()), resource_change: resourceChangeSchema }))),
  configuration: z.optional(configurationSchema),
};

export const terraformPlanSchema = z.looseObject({ ...envelopeShape, resource_changes: z.optional(z.array(resourceChangeSchema)) });

/** Everything but `resource_changes`, which is validated one entry at a time (and can be streamed). */
export const planEnvelopeSchema = z.looseObject(envelopeShape);

export type TerraformPlanJson = z.infer<typeof terraformPlanSchema>;
export type PlanEnvelopeJson = z.infer<typeof planEnvelopeSchema>;
export type ResourceChangeJson = z.infer<typeof resourceChangeSchema>;
export type TerraformActionWord = (typeof TERRAFORM_ACTION_WORDS)[number];
