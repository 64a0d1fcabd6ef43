import type { Action } from '../core/model.js';
import { ACTIONS } from '../core/model.js';
import type { AssessedChange, Report } from '../core/report.js';
import { isDestructive } from '../core/report.js';
import type { Verdict } from '../core/verdict.js';

/** What every renderer says the same way: counts, the headline, the order of changes. */

export type ActionCounts = Record<Action, number>;

export function countActions(changes: readonly AssessedChange[]): ActionCounts {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as ActionCounts;
  for (const c of changes) counts[c.change.action] += 1;
  return counts;
}

export function reportCounts(report: Report): ActionCounts {
  return countActions(report.plans.flatMap((p) => p.changes));
}

const ACTION_PHRASES: Record<Action, string> = {
  create: 'to create',
  update: 'to update',
  replace: 'to replace',
  delete: 'to delete',
  read: 'to read',
  'no-op': 'unchanged',
  forget: 'to forget',
  move: 'to move',
  import: 'to import',
};

/** "1 to replace, 2 to update, 3 to create" — destructive first, zero counts and no-ops left out. */
export function countsSentence(counts: ActionCounts): string {
  const order: Action[] = ['delete', 'replace', 'forget', 'update', 'create', 'import', 'move', 'read'];
  const parts = order.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${ACTION_PHRASES[a]}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

export const VERDICT_TITLES: Record<Verdict, string> = {
  allow: 'ALLOWED',
  review: 'REVIEW REQUIRED',
  block: 'BLOCKED',
};

/** One line: why the verdict is what it is. */
export function headline(report: Report): string {
  const all = report.plans.flatMap((p) => p.changes);
  const dataLoss = all.filter((c) => c.dataLoss && c.production.length > 0).length;
  const prodDestroys = all.filter((c) => isDestructive(c) && c.production.length > 0).length;
  const top = report.findings[0];
  if (report.verdict === 'allow') {
    if (prodDestroys > 0) return `${prodDestroys} destructive change(s) on production, allowed by steer.yml`;
    return all.some(isDestructive) ? 'destructive changes only outside production' : 'no destructive changes';
  }
  const parts: string[] = [];
  if (dataLoss > 0) parts.push(`${dataLoss} production change(s) destroy data`);
  else if (prodDestroys > 0) parts.push(`${prodDestroys} destructive change(s) on production`);
  const unknown = all.filter((c) => c.unknownEnvironment).length;
  if (unknown > 0) parts.push(`${unknown} destructive change(s) where no signal says whether this is production or not`);
  if (parts.length === 0 && top) parts.push(top.message);
  return parts.join('; ');
}

const RANK: Record<Action, number> = {
  delete: 0,
  replace: 1,
  forget: 2,
  update: 3,
  import: 4,
  create: 5,
  move: 6,
  read: 7,
  'no-op': 8,
};

/** Production data loss first, then production destroys, then other destroys, then the rest. */
export function reviewOrder(changes: readonly AssessedChange[]): AssessedChange[] {
  const weight = (c: AssessedChange): number => {
    const prod = c.production.length > 0;
    const destructive = isDestructive(c);
    const tier = c.verdict === 'block' ? 0 : prod && c.dataLoss ? 1 : prod && destructive ? 2 : destructive ? 3 : 4;
    return tier * 100 + RANK[c.change.action];
  };
  return changes
    .map((c, i) => ({ c, i, w: weight(c) }))
    .sort((a, b) => a.w - b.w || a.i - b.i)
    .map(({ c }) => c);
}

export function shortDigest(digest: string): string {
  return digest.slice(0, 12);
}

/** At most this many changed attribute names are listed after an update; the rest are counted. */
const ATTRIBUTES_SHOWN = 12;

/** The changed attributes an update lists, and how many more there are. */
export function listedAttributes(names: readonly string[]): { readonly shown: readonly string[]; readonly more: number } {
  return { shown: names.slice(0, ATTRIBUTES_SHOWN), more: Math.max(0, names.length - ATTRIBUTES_SHOWN) };
}
