import * as z from 'zod/mini';
import '../zod-english.js';
import type { Configuration, ConfiguredModule, ConfiguredModuleCall, ConfiguredProvider, ConfiguredResource, References } from '../../core/configuration.js';

/**
 * `configuration` of `terraform show -json` (the configuration snapshot the plan was made
 * from), over the fields Steer reads; unknown fields pass. Expressions are read for their
 * `references` only (see `toConfiguration`).
 * Reference: https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

const provisionerSchema = z.looseObject({
  type: z.string(),
  // Not written by terraform 1.11 (create- and destroy-time provisioners look alike); read if a version adds it.
  when: z.nullish(z.enum(['create', 'destroy'])),
  expressions: z.nullish(z.unknown()),
});

const resourceSchema = z.looseObject({
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.nullish(z.string()),
  provider_config_key: z.nullish(z.string()),
  provisioners: z.nullish(z.array(provisionerSchema)),
  expressions: z.nullish(z.unknown()),
  depends_on: z.nullish(z.array(z.string())),
  count_expression: z.nullish(z.unknown()),
  for_each_expression: z.nullish(z.unknown()),
});

const variableSchema = z.looseObject({ sensitive: z.nullish(z.boolean()) });

const outputSchema = z.looseObject({ expression: z.nullish(z.unknown()) });

// Re-serializing tools write null for absent fields: nullish everywhere.
interface ModuleJson {
  resources?: z.infer<typeof resourceSchema>[] | null | undefined;
  module_calls?: Record<string, ModuleCallJson> | null | undefined;
  variables?: Record<string, z.infer<typeof variableSchema>> | null | undefined;
  outputs?: Record<string, z.infer<typeof outputSchema>> | null | undefined;
}
interface ModuleCallJson {
  source?: string | null | undefined;
  version?: string | null | undefined;
  module?: ModuleJson | null | undefined;
  expressions?: unknown;
  depends_on?: string[] | null | undefined;
  count_expression?: unknown;
  for_each_expression?: unknown;
}

const moduleSchema: z.ZodMiniType<ModuleJson> = z.looseObject({
  resources: z.nullish(z.array(resourceSchema)),
  get module_calls() {
    return z.nullish(z.record(z.string(), moduleCallSchema));
  },
  variables: z.nullish(z.record(z.string(), variableSchema)),
  outputs: z.nullish(z.record(z.string(), outputSchema)),
});

const moduleCallSchema: z.ZodMiniType<ModuleCallJson> = z.looseObject({
  source: z.nullish(z.string()),
  version: z.nullish(z.string()),
  get module() {
    return z.nullish(moduleSchema);
  },
  expressions: z.nullish(z.unknown()),
  depends_on: z.nullish(z.array(z.string())),
  count_expression: z.nullish(z.unknown()),
  for_each_expression: z.nullish(z.unknown()),
});

const providerSchema = z.looseObject({
  name: z.string(),
  full_name: z.nullish(z.string()),
  alias: z.nullish(z.string()),
  module_address: z.nullish(z.string()),
  version_constraint: z.nullish(z.string()),
  expressions: z.nullish(z.unknown()),
});

export const configurationSchema = z.looseObject({
  provider_config: z.nullish(z.record(z.string(), providerSchema)),
  root_module: z.nullish(moduleSchema),
});

export type ConfigurationJson = z.infer<typeof configurationSchema>;

/**
 * Whether a configuration is one `configurationSchema` accepts as it is, checked by hand (the
 * schema copies every object it checks): then it is used as it is. Never looser than the
 * schema — anything else goes through the schema, which decides and says what is wrong (a test
 * holds the two together on damaged configurations). Module calls must already be known to
 * nest no deeper than MAX_MODULE_DEPTH.
 */
export function isPlainConfiguration(value: unknown): value is ConfigurationJson | null | undefined {
  if (value == null) return true;
  if (!isPlainObject(value)) return false;
  if (value.provider_config != null && !everyValue(value.provider_config, isPlainProvider)) return false;
  return value.root_module == null || isPlainModule(value.root_module);
}

function isPlainModule(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { resources, module_calls: calls, variables, outputs } = value;
  if (resources != null && !(Array.isArray(resources) && resources.every(isPlainResource))) return false;
  if (calls != null && !everyValue(calls, isPlainModuleCall)) return false;
  if (variables != null && !everyValue(variables, (v) => isPlainObject(v) && (v.sensitive == null || typeof v.sensitive === 'boolean'))) return false;
  return outputs == null || everyValue(outputs, isPlainObject);
}

function isPlainResource(value: unknown): boolean {
  if (!isPlainObject(value) || typeof value.address !== 'string' || typeof value.type !== 'string') return false;
  if (!(value.mode === 'managed' || value.mode === 'data') || !isNullishString(value.name) || !isNullishString(value.provider_config_key)) return false;
  const { provisioners } = value;
  if (provisioners != null && !(Array.isArray(provisioners) && provisioners.every((p) => isPlainObject(p) && typeof p.type === 'string' && (p.when == null || p.when === 'create' || p.when === 'destroy')))) return false;
  return isNullishStrings(value.depends_on);
}

function isPlainModuleCall(value: unknown): boolean {
  if (!isPlainObject(value) || !isNullishString(value.source) || !isNullishString(value.version) || !isNullishStrings(value.depends_on)) return false;
  return value.module == null || isPlainModule(value.module);
}

function isPlainProvider(value: unknown): boolean {
  if (!isPlainObject(value) || typeof value.name !== 'string') return false;
  return isNullishString(value.full_name) && isNullishString(value.alias) && isNullishString(value.module_address) && isNullishString(value.version_constraint);
}

/** An object the schema would copy as it is: its copies drop an own "__proto__" key, so one with it goes through the schema. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
}

function everyValue(record: unknown, check: (value: unknown) => boolean): boolean {
  if (!isPlainObject(record)) return false;
  for (const key in record) if (!check(record[key])) return false;
  return true;
}

function isNullishString(value: unknown): boolean {
  return value == null || typeof value === 'string';
}

function isNullishStrings(value: unknown): boolean {
  return value == null || (Array.isArray(value) && value.every((s) => typeof s === 'string'));
}

/** Module calls nest this deep at most (real configurations: a handful). Deeper is refused, not walked. */
export const MAX_MODULE_DEPTH = 100;

/** How deep `module_calls` nest in a parsed (not yet validated) configuration; stops counting past the limit. */
export function moduleDepth(configuration: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[(configuration as { root_module?: unknown } | null)?.root_module, 0]];
  while (pending.length > 0) {
    const [module, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_MODULE_DEPTH) break;
    const calls = (module as { module_calls?: unknown } | null | undefined)?.module_calls;
    if (typeof calls !== 'object' || calls === null) continue;
    for (const call of Object.values(calls)) pending.push([(call as { module?: unknown } | null)?.module, depth + 1]);
  }
  return deepest;
}

/** The validated JSON → the model (pure): of each expression, what it refers to; nothing of its value. */
export function toConfiguration(json: ConfigurationJson): Configuration {
  const providers: Record<string, ConfiguredProvider> = {};
  for (const [key, p] of Object.entries(json.provider_config ?? {})) {
    setOwn(providers, key, {
      name: p.name,
      ...(p.full_name != null ? { fullName: p.full_name } : {}),
      ...(p.alias != null ? { alias: p.alias } : {}),
      ...(p.module_address != null ? { moduleAddress: p.module_address } : {}),
      ...(p.version_constraint != null ? { versionConstraint: p.version_constraint } : {}),
    });
  }
  return { providers, root: toModule(json.root_module ?? {}) };
}

function toModule(json: ModuleJson): ConfiguredModule {
  const moduleCalls: Record<string, ConfiguredModuleCall> = {};
  for (const [name, call] of Object.entries(json.module_calls ?? {})) setOwn(moduleCalls, name, toModuleCall(call));
  const variables: Record<string, { sensitive: boolean }> = {};
  for (const [name, v] of Object.entries(json.variables ?? {})) setOwn(variables, name, { sensitive: v.sensitive === true });
  const outputs: Record<string, References> = {};
  for (const [name, o] of Object.entries(json.outputs ?? {})) setOwn(outputs, name, referencesOf(o.expression));
  return { resources: (json.resources ?? []).map(toResource), moduleCalls, variables, outputs };
}

function toModuleCall(json: ModuleCallJson): ConfiguredModuleCall {
  // Each argument's own references: `var.<name>` inside the module stands for those of <name> only.
  const inputs: Record<string, References> = {};
  const expressions = json.expressions;
  if (typeof expressions === 'object' && expressions !== null) {
    for (const name of Object.keys(expressions)) setOwn(inputs, name, referencesOf((expressions as Record<string, unknown>)[name]));
  }
  return {
    ...(json.source != null ? { source: json.source } : {}),
    ...(json.version != null ? { version: json.version } : {}),
    module: toModule(json.module ?? {}),
    inputs,
    references: referencesOf(json.count_expression, json.for_each_expression),
    dependsOn: json.depends_on ?? [],
  };
}

function toResource(json: z.infer<typeof resourceSchema>): ConfiguredResource {
  return {
    address: json.address,
    mode: json.mode,
    type: json.type,
    ...(json.name != null ? { name: json.name } : {}),
    ...(json.provider_config_key != null ? { providerConfigKey: json.provider_config_key } : {}),
    provisioners: (json.provisioners ?? []).map((p) => (p.when != null ? { type: p.type, when: p.when } : { type: p.type })),
    references: referencesOf(json.expressions, json.count_expression, json.for_each_expression),
    dependsOn: json.depends_on ?? [],
  };
}

const NO_REFERENCES: References = Object.freeze([]);

/** Every string of every `references` list in these expression trees (nested blocks included), each once. */
function referencesOf(...expressions: unknown[]): References {
  const found = new Set<string>();
  for (const e of expressions) collectReferences(e, found, 0);
  return found.size === 0 ? NO_REFERENCES : [...found];
}

function collectReferences(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 32 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, into, depth + 1);
    return;
  }
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (k === 'references' && Array.isArray(v)) {
      for (const ref of v) if (typeof ref === 'string') into.add(ref);
    } else collectReferences(v, into, depth + 1);
  }
}

/** `record[key] = value` as an own property, also for "__proto__" (which assignment would take as the prototype). */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
