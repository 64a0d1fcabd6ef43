import { arrayAt, isObject, objectAt, resourceKey } from './lenient.js';

/**
 * The edges the `configuration` block of a plan states: each resource depends on what its
 * expressions, `count`/`for_each` and `depends_on` reference, resolved across modules — `var.x`
 * inside a module is what the module call passes as `x`, `module.m.out` is what output `out` of
 * module `m` references — and on what its enclosing module calls reference. `local.*` values are
 * not in the JSON configuration: `prior_state` depends_on covers those for existing resources.
 * Keys are absolute resource addresses without instance keys. Undefined without a root module.
 */
export function configurationEdges(configuration: unknown): [string, string][] | undefined {
  const root = objectAt(configuration, 'root_module');
  if (root === undefined || (!('resources' in root) && !('module_calls' in root))) return undefined;
  const edges: [string, string][] = [];
  const walk = (module: Record<string, unknown>, path: string, scope: Scope, inherited: readonly string[], depth: number): void => {
    if (depth > 50) return;
    for (const r of arrayAt(module, 'resources')) {
      if (!isObject(r) || typeof r.address !== 'string') continue;
      const key = prefixed(path, resourceKey(r.address));
      const refs = [...referencesIn(r.expressions), ...referencesIn(r.count_expression), ...referencesIn(r.for_each_expression), ...strings(r.depends_on)];
      for (const dep of new Set([...refs.flatMap((ref) => resolve(ref, scope, 0)), ...inherited])) edges.push([key, dep]);
    }
    const calls = objectAt(module, 'module_calls') ?? {};
    for (const [name, call] of Object.entries(calls)) {
      if (!isObject(call)) continue;
      const child = objectAt(call, 'module');
      if (child === undefined) continue;
      const callRefs = [...referencesIn(call.count_expression), ...referencesIn(call.for_each_expression), ...strings(call.depends_on)];
      const childScope: Scope = { module: child, path: prefixed(path, `module.${name}`), call, parent: scope };
      walk(child, childScope.path, childScope, [...inherited, ...callRefs.flatMap((ref) => resolve(ref, scope, 0))], depth + 1);
    }
  };
  const rootScope: Scope = { module: root, path: '' };
  walk(root, '', rootScope, [], 0);
  return edges;
}

/** A module as references inside it are resolved: its configuration, address, and the call that made it. */
interface Scope {
  readonly module: Record<string, unknown>;
  readonly path: string;
  readonly call?: Record<string, unknown>;
  readonly parent?: Scope;
}

/** The resource keys a reference stands for, following variables and module outputs. */
function resolve(ref: string, scope: Scope, depth: number): string[] {
  if (depth > 50) return [];
  const parts = resourceKey(ref).split('.');
  const [head, second, third] = parts;
  if (head === undefined || second === undefined) return [];
  switch (head) {
    case 'var': {
      if (scope.call === undefined || scope.parent === undefined) return [];
      const input = objectAt(objectAt(scope.call, 'expressions'), second);
      return referencesIn(input).flatMap((r) => resolve(r, scope.parent!, depth + 1));
    }
    case 'module': {
      const child = objectAt(objectAt(objectAt(scope.module, 'module_calls'), second), 'module');
      if (child === undefined) return [];
      const childScope: Scope = { module: child, path: prefixed(scope.path, `module.${second}`), call: objectAt(objectAt(scope.module, 'module_calls'), second)!, parent: scope };
      const outputs = objectAt(child, 'outputs') ?? {};
      const names = third !== undefined ? [third] : Object.keys(outputs);
      return names.flatMap((n) => referencesIn(objectAt(outputs, n)?.expression).flatMap((r) => resolve(r, childScope, depth + 1)));
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
    if (k === 'references') out.push(...strings(v));
    else if (typeof v === 'object') out.push(...referencesIn(v, depth + 1));
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function prefixed(path: string, address: string): string {
  return path === '' ? address : `${path}.${address}`;
}
