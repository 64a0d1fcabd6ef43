import * as z from 'zod/mini';
import '../zod-english.js';
import { configurationSchema } from './configuration.js';

/**
 * The parts of Terraform's / OpenTofu's JSON plan that Steer reads, and nothing more.
 * Unknown fields pass (the format grows without a `format_version` bump); fields are
 * detected by presence. Optional fields are nullish: tools that re-serialize plans (Go structs
 * without omitempty, Python's json) write `null` for a field Terraform leaves out, and it means
 * the same, absent. Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */

/** Every action word Terraform and OpenTofu write into `change.actions`. */
export const TERRAFORM_ACTION_WORDS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;

// Says what is expected, never what was found: an input value is never quoted (it can be sensitive).
const actionWord = z.enum(TERRAFORM_ACTION_WORDS, {
  error: () => `unknown action (Terraform writes ${TERRAFORM_ACTION_WORDS.join(', ')})`,
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

/**
 * Whether a `resource_changes` entry is one `resourceChangeSchema` accepts as it is, checked by
 * hand: the shape Terraform writes, tested in a few comparisons instead of the schema's walk
 * (which copies every object it checks; this runs per entry). Never looser than the schema —
 * anything it doesn't recognize goes through the schema, which decides and says what is wrong
 * (a test holds the two together on thousands of damaged entries). The entry is then used as it
 * is: what the schema's copy would hold.
 */
export function isPlainResourceChange(raw: unknown): raw is ResourceChangeJson {
  if (!isRecord(raw)) return false;
  const { address, change } = raw;
  if (typeof address !== 'string' || address.length === 0 || typeof raw.type !== 'string') return false;
  if (!(raw.mode == null || raw.mode === 'managed' || raw.mode === 'data')) return false;
  for (const key of OPTIONAL_ENTRY_STRINGS) if (!isNullishString(raw[key])) return false;
  if (!isRecord(change) || !isNullishString(change.generated_config)) return false;
  const { actions, replace_paths: paths, importing } = change;
  if (!Array.isArray(actions) || actions.length === 0) return false;
  for (const word of actions) if (!ACTION_WORDS.has(word as string)) return false;
  if (paths != null) {
    if (!Array.isArray(paths)) return false;
    for (const path of paths) {
      if (!Array.isArray(path)) return false;
      for (const step of path) if (typeof step !== 'string' && !(typeof step === 'number' && Number.isFinite(step))) return false;
    }
  }
  return importing == null || (isRecord(importing) && isNullishString(importing.id));
}

const OPTIONAL_ENTRY_STRINGS = ['previous_address', 'module_address', 'name', 'provider_name', 'deposed', 'action_reason'] as const;
const ACTION_WORDS: ReadonlySet<string> = new Set(TERRAFORM_ACTION_WORDS);

/** An object the schema would copy as it is: the schema's copies drop an own "__proto__" key, so one with it goes through the schema. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
}

function isNullishString(value: unknown): boolean {
  return value == null || typeof value === 'string';
}

const outputChangeSchema = z.looseObject({
  actions: z.array(actionWord).check(z.minLength(1, 'empty actions list')),
  before_sensitive: z.nullish(z.unknown()),
  after_sensitive: z.nullish(z.unknown()),
});

const variableSchema = z.looseObject({ value: z.nullish(z.unknown()) });

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
  configuration: z.nullish(configurationSchema),
};

export const terraformPlanSchema = z.looseObject({ ...envelopeShape, resource_changes: z.nullish(z.array(resourceChangeSchema)) });

/** Everything but `resource_changes`, which is validated one entry at a time (and can be streamed). */
export const planEnvelopeSchema = z.looseObject(envelopeShape);

/** The same but for `configuration`, once isPlainConfiguration has found it as the schema wants it. */
const { configuration: _configuration, ...shapeButConfiguration } = envelopeShape;
export const planEnvelopeButConfigurationSchema = z.looseObject(shapeButConfiguration);

export type TerraformPlanJson = z.infer<typeof terraformPlanSchema>;
export type PlanEnvelopeJson = z.infer<typeof planEnvelopeSchema>;
export type ResourceChangeJson = z.infer<typeof resourceChangeSchema>;
export type TerraformActionWord = (typeof TERRAFORM_ACTION_WORDS)[number];
