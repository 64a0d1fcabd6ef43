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
      const dependencies = new Set(inherited);
      for (const ref of r.references) resolve(ref, scope, 0, dependencies);
      for (const ref of r.dependsOn) resolve(ref, scope, 0, dependencies);
      for (const dependency of dependencies) edges.push([key, dependency]);
    }
    for (const name of Object.keys(scope.module.moduleCalls).sort()) {
      const call = scope.module.moduleCalls[name]!;
      const callDependencies = new Set(inherited);
      for (const ref of call.references) resolve(ref, scope, 0, callDependencies);
      for (const ref of call.dependsOn) resolve(ref, scope, 0, callDependencies);
      walk(childScope(scope, name, call), [...callDependencies], depth + 1);
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

/** Adds the resource keys a reference stands for, following variables and module outputs. */
function resolve(ref: string, scope: Scope, depth: number, into: Set<string>): void {
  if (depth > 100) return;
  const parts = configurationAddress(ref).split('.');
  const head = parts[0]!;
  const second = parts[1];
  const third = parts[2];
  if (second === undefined) return;
  switch (head) {
    case 'var': {
      if (scope.call === undefined || scope.parent === undefined || !Object.hasOwn(scope.call.inputs, second)) return;
      for (const r of scope.call.inputs[second]!) resolve(r, scope.parent, depth + 1, into);
      return;
    }
    case 'module': {
      if (!Object.hasOwn(scope.module.moduleCalls, second)) return;
      const call = scope.module.moduleCalls[second]!;
      const child = childScope(scope, second, call);
      const outputs = call.module.outputs;
      for (const name of third !== undefined ? [third] : Object.keys(outputs)) {
        if (Object.hasOwn(outputs, name)) for (const r of outputs[name]!) resolve(r, child, depth + 1, into);
      }
      return;
    }
    case 'local':
    case 'each':
    case 'count':
    case 'path':
    case 'terraform':
    case 'self':
      return;
    case 'data':
      if (third !== undefined) into.add(prefixed(scope.path, `data.${second}.${third}`));
      return;
    default:
      into.add(prefixed(scope.path, `${head}.${second}`));
  }
}

function prefixed(path: string, address: string): string {
  return path === '' ? address : `${path}.${address}`;
}
