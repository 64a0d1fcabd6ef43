/** Builds small Terraform JSON plans for the cases no real plan in the corpus covers. */
export interface RcOptions {
  address?: string;
  type?: string;
  actions: string[];
  action_reason?: string;
  previous_address?: string;
  deposed?: string;
  module_address?: string;
  before?: unknown;
  after?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  after_unknown?: unknown;
  replace_paths?: (string | number)[][];
  importing?: unknown;
}

export function rc(o: RcOptions): Record<string, unknown> {
  const address = o.address ?? `${o.type ?? 'terraform_data'}.x`;
  return {
    address,
    mode: 'managed',
    type: o.type ?? address.split('.').slice(-2)[0],
    name: address.split('.').pop(),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    ...(o.previous_address ? { previous_address: o.previous_address } : {}),
    ...(o.deposed ? { deposed: o.deposed } : {}),
    ...(o.module_address ? { module_address: o.module_address } : {}),
    ...(o.action_reason ? { action_reason: o.action_reason } : {}),
    change: {
      actions: o.actions,
      before: o.before ?? null,
      after: o.after ?? null,
      after_unknown: o.after_unknown ?? {},
      before_sensitive: o.before_sensitive ?? false,
      after_sensitive: o.after_sensitive ?? false,
      ...(o.replace_paths ? { replace_paths: o.replace_paths } : {}),
      ...(o.importing !== undefined ? { importing: o.importing } : {}),
    },
  };
}

/** As `terraform show -json` writes it: with a `configuration` (here one without provisioners), unless `extra` says otherwise. */
export function tfPlan(changes: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: changes,
    applyable: true,
    complete: true,
    errored: false,
    configuration: { root_module: {} },
    ...extra,
  };
}
