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
  when: z.optional(z.enum(['create', 'destroy'])),
  expressions: z.optional(z.unknown()),
});

const resourceSchema = z.looseObject({
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.optional(z.string()),
  provider_config_key: z.optional(z.string()),
  provisioners: z.optional(z.array(provisionerSchema)),
  expressions: z.optional(z.unknown()),
  depends_on: z.optional(z.array(z.string())),
  count_expression: z.optional(z.unknown()),
  for_each_expression: z.optional(z.unknown()),
});

const variableSchema = z.looseObject({ sensitive: z.optional(z.boolean()) });

const outputSchema = z.looseObject({ expression: z.optional(z.unknown()) });

interface ModuleJson {
  resources?: z.infer<typeof resourceSchema>[] | undefined;
  module_calls?: Record<string, ModuleCallJson> | undefined;
  variables?: Record<string, z.infer<typeof variableSchema>> | undefined;
  outputs?: Record<string, z.infer<typeof outputSchema>> | undefined;
}
interface ModuleCallJson {
  source?: string | undefined;
  version?: string | undefined;
  module?: ModuleJson | undefined;
  expressions?: unknown;
  depends_on?: string[] | undefined;
  count_expression?: unknown;
  for_each_expression?: unknown;
}

const moduleSchema: z.ZodMiniType<ModuleJson> = z.looseObject({
  resources: z.optional(z.array(resourceSchema)),
  get module_calls() {
    return z.optional(z.record(z.string(), moduleCallSchema));
  },
  variables: z.optional(z.record(z.string(), variableSchema)),
  outputs: z.optional(z.record(z.string(), outputSchema)),
});

const moduleCallSchema: z.ZodMiniType<ModuleCallJson> = z.looseObject({
  source: z.optional(z.string()),
  version: z.optional(z.string()),
  get module() {
    return z.optional(moduleSchema);
  },
  expressions: z.optional(z.unknown()),
  depends_on: z.optional(z.array(z.string())),
  count_expression: z.optional(z.unknown()),
  for_each_expression: z.optional(z.unknown()),
});

const providerSchema = z.looseObject({
  name: z.string(),
  full_name: z.optional(z.string()),
  alias: z.optional(z.string()),
  module_address: z.optional(z.string()),
  version_constraint: z.optional(z.string()),
  expressions: z.optional(z.unknown()),
});

export const configurationSchema = z.looseObject({
  provider_config: z.optional(z.record(z.string(), providerSchema)),
  root_module: z.optional(moduleSchema),
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
      ...(p.full_name !== undefined ? { fullName: p.full_name } : {}),
      ...(p.alias !== undefined ? { alias: p.alias } : {}),
      ...(p.module_address !== undefined ? { moduleAddress: p.module_address } : {}),
      ...(p.version_constraint !== undefined ? { versionConstraint: p.version_constraint } : {}),
      ...(p.expressions !== undefined ? { expressions: p.expressions } : {}),
    };
  }
  return { providers, root: toModule(json.root_module ?? {}) };
}

function toModule(json: ModuleJson): ConfiguredModule {
  const moduleCalls: Record<string, ConfiguredModuleCall> = {};
  for (const [name, call] of Object.entries(json.module_calls ?? {})) moduleCalls[name] = toModuleCall(call);
  const variables: Record<string, { sensitive: boolean }> = {};
  for (const [name, v] of Object.entries(json.variables ?? {})) variables[name] = { sensitive: v.sensitive === true };
  const outputs = json.outputs === undefined ? undefined : Object.fromEntries(Object.entries(json.outputs).map(([name, o]) => [name, o.expression !== undefined ? { expression: o.expression } : {}]));
  return { resources: (json.resources ?? []).map(toResource), moduleCalls, variables, ...(outputs !== undefined ? { outputs } : {}) };
}

function toModuleCall(json: ModuleCallJson): ConfiguredModuleCall {
  return {
    ...(json.source !== undefined ? { source: json.source } : {}),
    ...(json.version !== undefined ? { version: json.version } : {}),
    module: toModule(json.module ?? {}),
    ...(json.expressions !== undefined ? { expressions: json.expressions } : {}),
    dependsOn: json.depends_on ?? [],
    ...(json.count_expression !== undefined ? { countExpression: json.count_expression } : {}),
    ...(json.for_each_expression !== undefined ? { forEachExpression: json.for_each_expression } : {}),
  };
}

function toResource(json: z.infer<typeof resourceSchema>): ConfiguredResource {
  return {
    address: json.address,
    mode: json.mode,
    type: json.type,
    ...(json.name !== undefined ? { name: json.name } : {}),
    ...(json.provider_config_key !== undefined ? { providerConfigKey: json.provider_config_key } : {}),
    provisioners: (json.provisioners ?? []).map((p) => ({
      type: p.type,
      ...(p.when !== undefined ? { when: p.when } : {}),
      ...(p.expressions !== undefined ? { expressions: p.expressions } : {}),
    })),
    ...(json.expressions !== undefined ? { expressions: json.expressions } : {}),
    dependsOn: json.depends_on ?? [],
    ...(json.count_expression !== undefined ? { countExpression: json.count_expression } : {}),
    ...(json.for_each_expression !== undefined ? { forEachExpression: json.for_each_expression } : {}),
  };
}
