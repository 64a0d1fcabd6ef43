import * as z from 'zod/mini';
import '../zod-english.js';
import type { Configuration, ConfiguredModule, ConfiguredModuleCall, ConfiguredProvider, ConfiguredResource } from '../../core/configuration.js';

/**
 * `configuration` of `terraform show -json` (the configuration snapshot the plan was made
 * from), over the fields Steer reads; unknown fields pass. Expressions stay raw.
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

/** The validated JSON → the model (pure). */
export function toConfiguration(json: ConfigurationJson): Configuration {
  const providers: Record<string, ConfiguredProvider> = {};
  for (const [key, p] of Object.entries(json.provider_config ?? {})) {
    providers[key] = {
      name: p.name,
      ...(p.full_name != null ? { fullName: p.full_name } : {}),
      ...(p.alias != null ? { alias: p.alias } : {}),
      ...(p.module_address != null ? { moduleAddress: p.module_address } : {}),
      ...(p.version_constraint != null ? { versionConstraint: p.version_constraint } : {}),
      ...(p.expressions != null ? { expressions: p.expressions } : {}),
    };
  }
  return { providers, root: toModule(json.root_module ?? {}) };
}

function toModule(json: ModuleJson): ConfiguredModule {
  const moduleCalls: Record<string, ConfiguredModuleCall> = {};
  for (const [name, call] of Object.entries(json.module_calls ?? {})) moduleCalls[name] = toModuleCall(call);
  const variables: Record<string, { sensitive: boolean }> = {};
  for (const [name, v] of Object.entries(json.variables ?? {})) variables[name] = { sensitive: v.sensitive === true };
  const outputs = json.outputs == null ? undefined : Object.fromEntries(Object.entries(json.outputs).map(([name, o]) => [name, o.expression != null ? { expression: o.expression } : {}]));
  return { resources: (json.resources ?? []).map(toResource), moduleCalls, variables, ...(outputs !== undefined ? { outputs } : {}) };
}

function toModuleCall(json: ModuleCallJson): ConfiguredModuleCall {
  return {
    ...(json.source != null ? { source: json.source } : {}),
    ...(json.version != null ? { version: json.version } : {}),
    module: toModule(json.module ?? {}),
    ...(json.expressions != null ? { expressions: json.expressions } : {}),
    dependsOn: json.depends_on ?? [],
    ...(json.count_expression != null ? { countExpression: json.count_expression } : {}),
    ...(json.for_each_expression != null ? { forEachExpression: json.for_each_expression } : {}),
  };
}

function toResource(json: z.infer<typeof resourceSchema>): ConfiguredResource {
  return {
    address: json.address,
    mode: json.mode,
    type: json.type,
    ...(json.name != null ? { name: json.name } : {}),
    ...(json.provider_config_key != null ? { providerConfigKey: json.provider_config_key } : {}),
    provisioners: (json.provisioners ?? []).map((p) => ({
      type: p.type,
      ...(p.when != null ? { when: p.when } : {}),
      ...(p.expressions != null ? { expressions: p.expressions } : {}),
    })),
    ...(json.expressions != null ? { expressions: json.expressions } : {}),
    dependsOn: json.depends_on ?? [],
    ...(json.count_expression != null ? { countExpression: json.count_expression } : {}),
    ...(json.for_each_expression != null ? { forEachExpression: json.for_each_expression } : {}),
  };
}
