import type { Configuration, ConfiguredModule, ConfiguredModuleCall } from '../../core/configuration.js';
import { configurationAddress } from '../../core/configuration.js';

/**
 * The edges the `configuration` of a plan states: each resource depends on what its
 * expressions, `count`/`for_each` and `depends_on` reference, resolved across modules — `var.x`
 * inside a module is what the module call passes as `x`, `module.m.out` is what output `out` of
 * module `m` references — and on what its enclosing module calls reference. `local.*` values are
 * not in the JSON configuration: `prior_state` depends_on covers those for existing resources.
 * Keys are absolute resource addresses without instance keys.
 * Reference: https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */
export function configurationEdges(configuration: Configuration): [string, string][] {
  const edges: [string, string][] = [];
  const walk = (scope: Scope, inherited: readonly string[], depth: number): void => {
    if (depth > 100) return;
    for (const r of scope.module.resources) {
      const key = prefixed(scope.path, configurationAddress(r.address));
      const refs = [...referencesIn(r.expressions), ...referencesIn(r.countExpression), ...referencesIn(r.forEachExpression), ...r.dependsOn];
      for (const dep of new Set([...refs.flatMap((ref) => resolve(ref, scope, 0)), ...inherited])) edges.push([key, dep]);
    }
    for (const name of Object.keys(scope.module.moduleCalls).sort()) {
      const call = scope.module.moduleCalls[name]!;
      const callRefs = [...referencesIn(call.countExpression), ...referencesIn(call.forEachExpression), ...call.dependsOn];
      walk(childScope(scope, name, call), [...inherited, ...callRefs.flatMap((ref) => resolve(ref, scope, 0))], depth + 1);
    }
  };
  walk({ module: configuration.root, path: '' }, [], 0);
  return edges;
}

/** A module as references inside it are resolved: its configuration, address, and the call that made it. */
interface Scope {
  readonly module: ConfiguredModule;
  readonly path: string;
  readonly call?: ConfiguredModuleCall;
  readonly parent?: Scope;
}

function childScope(scope: Scope, name: string, call: ConfiguredModuleCall): Scope {
  return { module: call.module, path: prefixed(scope.path, `module.${name}`), call, parent: scope };
}

/** The resource keys a reference stands for, following variables and module outputs. */
function resolve(ref: string, scope: Scope, depth: number): string[] {
  if (depth > 100) return [];
  const [head, second, third] = configurationAddress(ref).split('.');
  if (head === undefined || second === undefined) return [];
  switch (head) {
    case 'var': {
      if (scope.call === undefined || scope.parent === undefined) return [];
      const input = (scope.call.expressions as Record<string, unknown> | undefined)?.[second];
      return referencesIn(input).flatMap((r) => resolve(r, scope.parent!, depth + 1));
    }
    case 'module': {
      const call = scope.module.moduleCalls[second];
      if (call === undefined) return [];
      const child = childScope(scope, second, call);
      const outputs = call.module.outputs ?? {};
      const names = third !== undefined ? [third] : Object.keys(outputs);
      return names.flatMap((n) => referencesIn(outputs[n]?.expression).flatMap((r) => resolve(r, child, depth + 1)));
    }
    case 'local':
    case 'each':
    case 'count':
    case 'path':
    case 'terraform':
    case 'self':
      return [];
    case 'data':
      return third === undefined ? [] : [prefixed(scope.path, `data.${second}.${third}`)];
    default:
      return [prefixed(scope.path, `${head}.${second}`)];
  }
}

/** Every string of every `references` list in an expression tree (nested blocks included). */
function referencesIn(value: unknown, depth = 0): string[] {
  if (depth > 32 || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => referencesIn(v, depth + 1));
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'references' && Array.isArray(v)) out.push(...v.filter((s): s is string => typeof s === 'string'));
    else if (typeof v === 'object') out.push(...referencesIn(v, depth + 1));
  }
  return out;
}

function prefixed(path: string, address: string): string {
  return path === '' ? address : `${path}.${address}`;
}
