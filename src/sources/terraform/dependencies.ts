import { configurationAddress, type Configuration } from '../../core/configuration.js';
import type { Change, DependencyGraph, GraphResource } from '../../core/model.js';
import { arrayAt, isObject, objectAt } from './lenient.js';
import { dependsOnSomething } from './read-state.js';
import { configurationEdges } from './references.js';

/**
 * The dependency graph of a Terraform plan, from the plan itself: every resource of `prior_state`
 * with the `depends_on` Terraform recorded for it (the full set it was applied with), plus the
 * references between the resources of `configuration` (references.ts). Keys are addresses
 * without instance keys, what count/for_each instances share.
 * Reference: https://developer.hashicorp.com/terraform/internals/json-format
 *
 * Read leniently: a part of the plan that isn't shaped as documented adds no edges (the graph
 * only ever widens a blast radius; it never decides a verdict alone).
 */
export function terraformDependencies(priorState: unknown, configuration: Configuration | undefined, changes: readonly Change[]): DependencyGraph | undefined {
  const resources: GraphResource[] = [];
  const edges: [string, string][] = [];
  const sources: string[] = [];
  const seen = new Set<string>();
  const prior = stateResources(priorState);
  if (prior !== undefined) sources.push('prior_state depends_on');
  // Only resources that depend on something can be disrupted (the plan reader keeps no others).
  for (const r of prior ?? []) {
    const address = r.address;
    if (typeof address !== 'string' || !dependsOnSomething(r)) continue;
    const key = configurationAddress(address);
    if (r.mode !== 'data' && !seen.has(address)) {
      seen.add(address);
      resources.push({ address, key, type: typeof r.type === 'string' ? r.type : '' });
    }
    for (const d of r.depends_on as unknown[]) if (typeof d === 'string') edges.push([key, configurationAddress(d)]);
  }
  if (configuration !== undefined) {
    edges.push(...configurationEdges(configuration));
    sources.push('configuration references');
  }
  if (sources.length === 0) return undefined;
  // Planned changes join the graph where an edge touches them: as dependencies, or as dependents not yet in state.
  const endpoints = new Set(edges.flat());
  for (const c of endpoints.size > 0 ? changes : []) {
    if (c.mode === 'data' || seen.has(c.address)) continue;
    const key = configurationAddress(c.address);
    if (!endpoints.has(key)) continue;
    seen.add(c.address);
    resources.push({ address: c.address, key, type: c.type });
  }
  // Sorted: the same plan with its keys in another order gives the same graph.
  resources.sort((a, b) => compare(a.address, b.address));
  return { resources, edges: dedupe(edges).sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1])), sources };
}

/** Every resource of prior_state's module tree (root_module, child_modules, recursively); undefined without one. */
function stateResources(priorState: unknown): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [];
  const root = objectAt(objectAt(priorState, 'values'), 'root_module');
  if (root === undefined) return undefined;
  const walk = (module: Record<string, unknown> | undefined, depth: number): void => {
    if (module === undefined || depth > 100) return;
    for (const r of arrayAt(module, 'resources')) if (isObject(r)) out.push(r);
    for (const child of arrayAt(module, 'child_modules')) walk(isObject(child) ? child : undefined, depth + 1);
  };
  walk(root, 0);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe(edges: readonly [string, string][]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [a, b] of edges) {
    if (a === b) continue;
    const id = `${a}\n${b}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push([a, b]);
  }
  return out;
}
