import type { BlastRadius } from '../core/facts/blast-radius.js';
import type { JsonPlan, JsonReport } from './report-schema.js';
import type { JudgedIntent } from '../core/intent/judge.js';
import type { PlanReport, Report } from '../core/report.js';

/** What every renderer says the same way about the task and the blast radius. Pure. */

/** How many dependents a renderer names before "and N more". */
export const WORST_NAMED = 3;

/** `task (pull request #42, minor: "fix drift"): "fix(orders): drift"` — or that there was none. */
export function taskLine(intent: JudgedIntent | undefined): string {
  if (intent === undefined) return 'no task given: proportionality not judged (give --intent, --intent-file, or record one with a prompt hook)';
  const from = `${SOURCE_NAMES[intent.source]}${intent.detail !== undefined ? ` ${intent.detail}` : ''}`;
  const words = intent.words.filter((w) => !w.negated).map((w) => `"${w.text}"`);
  const negated = intent.words.filter((w) => w.negated).map((w) => `"${w.text}" (negated)`);
  const decided = [...words.slice(0, 5), ...negated.slice(0, 2)];
  const magnitude = intent.magnitude === 'unclassified' ? 'unclassified: no vocabulary word' : `${intent.magnitude}${decided.length > 0 ? `: ${decided.join(', ')}` : ''}`;
  const scope = intent.scope !== undefined ? `; declared scope: ${intent.scope.entries.length} entr${intent.scope.entries.length === 1 ? 'y' : 'ies'}` : '';
  return `task from ${from} (${magnitude}${scope}): "${intent.text}"`;
}

const SOURCE_NAMES: Record<JudgedIntent['source'], string> = {
  option: '--intent',
  file: 'intent file',
  'pull-request': 'pull request',
  'agent-prompt': 'agent prompt',
};

/** "replacing `aws_vpc.main` disrupts 23 resources (3 stateful): aws_db_instance.app, …" — `code` wraps a name. */
export function blastRadiusLine(r: BlastRadius, verb: string, code: (name: string) => string = (n) => n): string {
  const n = r.dependents.length;
  const worst = r.dependents.slice(0, WORST_NAMED).map((d) => code(d.address));
  const more = n > WORST_NAMED ? `, and ${n - WORST_NAMED} more` : '';
  return `${verb} ${code(r.address)} disrupts ${n} resource${n === 1 ? '' : 's'}${r.stateful > 0 ? ` (${r.stateful} stateful)` : ''}: ${worst.join(', ')}${more}`;
}

/** The radii worth a line: those with dependents, largest first. */
export function notableRadii(p: PlanReport): BlastRadius[] {
  return p.blastRadius.filter((r) => r.dependents.length > 0).sort((a, b) => b.dependents.length - a.dependents.length || b.stateful - a.stateful);
}

export function verbFor(p: PlanReport, address: string): string {
  const c = p.changes.find((x) => x.change.address === address);
  return c?.change.action === 'delete' ? 'deleting' : c?.change.mayReplace ? 'possibly replacing' : 'replacing';
}

/** The JSON report's `intent`: what was judged, or that nothing was. */
export function jsonIntent(report: Report): JsonReport['intent'] {
  const i = report.intent;
  if (i === undefined) return { given: false, note: 'no task given' };
  return {
    given: true,
    source: i.source,
    detail: i.detail ?? null,
    text: i.text,
    magnitude: i.magnitude,
    words: i.words,
    destructive: i.destructive,
    scope: i.scope ?? null,
  } as unknown as JsonReport['intent']; // the model's own objects, as the schema describes them
}

export function jsonJudgment(p: PlanReport): Pick<JsonPlan, 'magnitude' | 'blastRadius' | 'dependencySources'> {
  return {
    magnitude: { ...p.magnitude },
    blastRadius: p.blastRadius.map((r) => ({ address: r.address, dependents: r.dependents.length, stateful: r.stateful, production: r.production, resources: r.dependents.slice(0, 200) })),
    dependencySources: p.plan.dependencies?.sources ?? [],
  };
}
