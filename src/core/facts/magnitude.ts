import type { AssessedChange } from '../report.js';
import type { BlastRadius } from './blast-radius.js';

/** How much a plan takes down: what it destroys, on production, with data, and what depends on that. */
export interface PlanMagnitude {
  readonly deleted: number;
  readonly replaced: number;
  readonly productionDeleted: number;
  readonly productionReplaced: number;
  readonly dataLoss: number;
  /** Distinct resources that depend on a destroyed or replaced one (the plan's total blast radius). */
  readonly dependents: number;
  readonly statefulDependents: number;
}

export function planMagnitude(changes: readonly AssessedChange[], radii: readonly BlastRadius[]): PlanMagnitude {
  let deleted = 0;
  let replaced = 0;
  let productionDeleted = 0;
  let productionReplaced = 0;
  let dataLoss = 0;
  for (const c of changes) {
    if (c.change.mode !== 'managed') continue;
    const prod = c.production.length > 0;
    if (c.change.action === 'delete') {
      deleted++;
      if (prod) productionDeleted++;
    } else if (c.change.action === 'replace' || c.change.mayReplace) {
      replaced++;
      if (prod) productionReplaced++;
    }
    if (c.dataLoss) dataLoss++;
  }
  const { count, stateful } = distinctDependents(radii);
  return { deleted, replaced, productionDeleted, productionReplaced, dataLoss, dependents: count, statefulDependents: stateful };
}

/** Dependents counted once each across several radii. */
export function distinctDependents(radii: readonly BlastRadius[], except: ReadonlySet<string> = new Set()): { count: number; stateful: number } {
  const seen = new Set<string>();
  let stateful = 0;
  for (const r of radii) {
    for (const d of r.dependents) {
      if (seen.has(d.address) || except.has(d.address)) continue;
      seen.add(d.address);
      if (d.stateful !== undefined) stateful++;
    }
  }
  return { count: seen.size, stateful };
}
