/**
 * The configuration a plan was made from, as the source recorded it (Terraform's
 * `configuration` in `terraform show -json`), reduced to what Steer reads of it: the module
 * tree, its resources, what runs at apply time (provisioners, by kind) and what refers to what
 * (the `references` of every expression, not the expressions: an argument's value, a command,
 * a default are never kept). Grows with the configuration, not with the number of resources.
 * Reference: https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

export type ProvisionerWhen = 'create' | 'destroy';

export interface ConfiguredProvisioner {
  /** `local-exec`, `remote-exec`, `file`… (any type a provisioner plugin registers). What it runs is not kept: a command can carry a secret. */
  readonly type: string;
  /**
   * When it runs (`when = destroy`: before destroying; else after creating). Terraform's JSON
   * plan does not record it (terraform 1.11): absent means "at creation or at destruction".
   */
  readonly when?: ProvisionerWhen;
}

/** What expressions refer to: `var.x`, `aws_vpc.main.id`, `module.m.out`, `data.d.x`… each once, as the source wrote them. */
export type References = readonly string[];

export interface ConfiguredResource {
  /** The address inside its module (`aws_instance.web`, `data.external.x`). */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name?: string;
  readonly providerConfigKey?: string;
  readonly provisioners: readonly ConfiguredProvisioner[];
  /** What its arguments (nested blocks included), `count` and `for_each` refer to. */
  readonly references: References;
  readonly dependsOn: readonly string[];
}

export interface ConfiguredModule {
  readonly resources: readonly ConfiguredResource[];
  /** Module call name → the call (own properties only: read with `Object.hasOwn`). */
  readonly moduleCalls: Readonly<Record<string, ConfiguredModuleCall>>;
  /** Declared variable name → whether it is `sensitive`. */
  readonly variables: Readonly<Record<string, { readonly sensitive: boolean }>>;
  /** Output name → what its expression refers to: what `module.<call>.<output>` stands for. */
  readonly outputs: Readonly<Record<string, References>>;
}

export interface ConfiguredModuleCall {
  readonly source?: string;
  readonly version?: string;
  readonly module: ConfiguredModule;
  /** Argument name (the module's variable) → what the expression passed to it refers to: what `var.<name>` inside stands for. */
  readonly inputs: Readonly<Record<string, References>>;
  /** What its `count` and `for_each` refer to. */
  readonly references: References;
  readonly dependsOn: readonly string[];
}

export interface ConfiguredProvider {
  readonly name: string;
  readonly fullName?: string;
  readonly alias?: string;
  readonly moduleAddress?: string;
  readonly versionConstraint?: string;
}

export interface Configuration {
  /** provider_config key (`aws`, `module.a:aws.west`) → the provider block. */
  readonly providers: Readonly<Record<string, ConfiguredProvider>>;
  readonly root: ConfiguredModule;
}

/** A resource with the module it is declared in (`module.a.module.b`, '' for the root). */
export interface ResourceInModule {
  readonly module: string;
  /** `module.a.aws_instance.web` — the configuration address (no instance keys). */
  readonly address: string;
  readonly resource: ConfiguredResource;
}

/** Every resource block of the configuration, root first, module calls in name order. */
export function configuredResources(config: Configuration): ResourceInModule[] {
  const out: ResourceInModule[] = [];
  const walk = (module: ConfiguredModule, path: string): void => {
    for (const resource of module.resources) out.push({ module: path, address: path === '' ? resource.address : `${path}.${resource.address}`, resource });
    for (const name of Object.keys(module.moduleCalls).sort()) {
      const call = module.moduleCalls[name]!;
      walk(call.module, path === '' ? `module.${name}` : `${path}.module.${name}`);
    }
  };
  walk(config.root, '');
  return out;
}

/**
 * The configuration address of an instance address: instance keys dropped
 * (`module.a["x"].aws_instance.b[0]` → `module.a.aws_instance.b`). Keys are skipped whole,
 * quoted strings included, so a `]` or `.` inside a `for_each` key doesn't cut the address.
 */
export function configurationAddress(instance: string): string {
  let open = instance.indexOf('[');
  if (open < 0) return instance; // most addresses: no instance key
  let out = '';
  let from = 0;
  while (open >= 0) {
    out += instance.slice(from, open);
    let i = open + 1;
    let quoted = false;
    for (; i < instance.length; i++) {
      const c = instance.charCodeAt(i);
      if (quoted) {
        if (c === 0x5c) i++;
        else if (c === 0x22) quoted = false;
      } else if (c === 0x22) quoted = true;
      else if (c === 0x5d) break;
    }
    from = i + 1;
    open = instance.indexOf('[', from);
  }
  return out + instance.slice(from);
}
