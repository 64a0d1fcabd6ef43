import type { StatefulCategory } from '../catalog/stateful-category.js';
import type { Plan } from '../model.js';
import type { AssessedChange } from '../report.js';
import type { StatefulCatalog } from './stateful.js';

/** A resource that depends, directly or through others, on one the plan destroys or replaces. */
export interface Dependent {
  readonly address: string;
  readonly type: string;
  readonly stateful?: StatefulCategory;
  readonly production: boolean;
  /** The plan destroys or replaces it too. */
  readonly destroyed: boolean;
}

/** What destroying or replacing one resource takes down with it. */
export interface BlastRadius {
  /** The destroyed or replaced resource. */
  readonly address: string;
  /** Worst first: stateful on production, then production, then stateful, then by address. */
  readonly dependents: readonly Dependent[];
  readonly stateful: number;
  readonly production: number;
}

/**
 * The blast radius of every change that destroys (or may replace) an object: the resources that
 * depend on it, transitively, from the plan's own dependency graph. Resources the plan only
 * creates are not disrupted and are left out. Pure; a plan without a graph (or without edges) has none.
 */
export function blastRadii(plan: Plan, changes: readonly AssessedChange[], catalog: StatefulCatalog, planOnProduction: boolean): BlastRadius[] {
  const graph = plan.dependencies;
  // No edges: nothing depends on anything (the radii would all be empty).
  if (graph === undefined || graph.edges.length === 0) return [];
  const destroying = changes.filter((c) => c.change.mode === 'managed' && (c.change.destroys || c.change.mayReplace));
  if (destroying.length === 0) return [];

  const keyOf = new Map<string, string>();
  const byKey = new Map<string, { address: string; type: string }[]>();
  const add = (address: string, key: string, type: string): void => {
    if (keyOf.has(address)) return;
    keyOf.set(address, key);
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push({ address, type });
  };
  for (const r of graph.resources) add(r.address, r.key, r.type);
  const changeAt = new Map(changes.map((c) => [c.change.address, c]));
  const dependentsOf = new Map<string, string[]>();
  for (const [dependent, dependency] of graph.edges) {
    let list = dependentsOf.get(dependency);
    if (list === undefined) dependentsOf.set(dependency, (list = []));
    list.push(dependent);
  }

  const closure = new Map<string, Dependent[]>();
  const dependentsOfKey = (start: string): Dependent[] => {
    const known = closure.get(start);
    if (known !== undefined) return known;
    const seen = new Set([start]);
    const queue = [start];
    const out: Dependent[] = [];
    for (let i = 0; i < queue.length; i++) {
      for (const next of dependentsOf.get(queue[i]!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
        for (const r of byKey.get(next) ?? []) {
          const c = changeAt.get(r.address);
          if (c !== undefined && c.change.action === 'create') continue;
          const stateful = catalog.categoryOf(r.type);
          out.push({
            address: r.address,
            type: r.type,
            ...(stateful !== undefined ? { stateful } : {}),
            production: c !== undefined ? c.production.length > 0 : planOnProduction,
            destroyed: c !== undefined && (c.change.destroys || c.change.mayReplace),
          });
        }
      }
    }
    out.sort(worstFirst);
    closure.set(start, out);
    return out;
  };

  return destroying.map((c) => {
    const dependents = dependentsOfKey(keyOf.get(c.change.address) ?? c.change.address);
    return {
      address: c.change.address,
      dependents,
      stateful: dependents.filter((d) => d.stateful !== undefined).length,
      production: dependents.filter((d) => d.production).length,
    };
  });
}

function rank(d: Dependent): number {
  return (d.stateful !== undefined ? 2 : 0) + (d.production ? 1 : 0) + (d.stateful !== undefined && d.production ? 4 : 0);
}

function worstFirst(a: Dependent, b: Dependent): number {
  return rank(b) - rank(a) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}
