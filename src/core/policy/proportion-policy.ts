import type { SteerConfig } from '../../config/schema.js';
import { matchesAnyName } from '../glob.js';
import type { BlastRadius } from '../facts/blast-radius.js';
import { distinctDependents } from '../facts/magnitude.js';
import { nameTokens } from '../facts/production.js';
import { singular } from '../intent/classify.js';
import type { JudgedIntent } from '../intent/judge.js';
import { judgedText } from '../intent/intent.js';
import { ENGLISH, type Vocabulary } from '../intent/vocabulary.js';
import type { Action } from '../model.js';
import type { AssessedChange, Finding } from '../report.js';

/**
 * Proportionality: is what the plan takes down in proportion to the task? A destroyed or
 * replaced resource is *covered* when the task names its destruction (a destructive word whose
 * clause names the resource, its type or its module; or a steer-scope entry allowing it); the
 * resources depending on a covered one are covered with it. What remains uncovered — production
 * resources destroyed, data lost, many dependents disrupted — makes the plan disproportionate.
 * No task, no claim.
 */
export function proportionFindings(
  intent: JudgedIntent | undefined,
  index: number,
  changes: readonly AssessedChange[],
  radii: readonly BlastRadius[],
  config: SteerConfig,
  agentAuthored: boolean,
  vocabulary: Vocabulary = ENGLISH,
): Finding[] {
  if (intent === undefined) return [];
  const out: Finding[] = [];
  const settings = config.proportionality;

  if (intent.scope !== undefined) {
    for (const c of changes) {
      if (c.change.action === 'no-op' || c.change.action === 'read') continue;
      if (inScope(c, intent)) continue;
      out.push({
        code: 'STEER-OUT-OF-SCOPE',
        severity: settings.outOfScope,
        message: `${c.change.address} is ${DONE[c.change.action]}, outside the declared steer-scope${scopeHint(c, intent)}.`,
        plan: index,
        address: c.change.address,
      });
    }
  }

  const destroying = changes.filter((c) => c.change.mode === 'managed' && (c.change.destroys || c.change.mayReplace));
  if (destroying.length === 0) return out;
  const radiusOf = new Map(radii.map((r) => [r.address, r]));
  const covered = new Set<string>();
  for (const c of destroying) {
    if (!namedByTask(c, intent, vocabulary)) continue;
    covered.add(c.change.address);
    for (const d of radiusOf.get(c.change.address)?.dependents ?? []) covered.add(d.address);
  }
  const uncovered = destroying.filter((c) => !covered.has(c.change.address));
  if (uncovered.length === 0) return out;

  const onProduction = uncovered.filter((c) => c.production.length > 0);
  const dataLoss = uncovered.filter((c) => c.dataLoss);
  const disrupted = distinctDependents(uncovered.map((c) => radiusOf.get(c.change.address)).filter((r) => r !== undefined), covered);
  if (onProduction.length === 0 && dataLoss.length === 0 && disrupted.count < settings.manyDependents) return out;

  const shown = [...new Set([...onProduction, ...dataLoss])];
  const parts = destructionPhrases(shown.length > 0 ? shown : uncovered);
  if (disrupted.count > 0) parts.push(`disrupts ${disrupted.count} dependent${disrupted.count === 1 ? '' : 's'}${disrupted.stateful > 0 ? ` (${disrupted.stateful} stateful)` : ''}`);
  const decided = intent.words.filter((w) => !w.negated).map((w) => `"${w.text}"`);
  const magnitude = intent.magnitude === 'unclassified' ? 'no magnitude words' : `${intent.magnitude}${decided.length > 0 ? `: ${decided.slice(0, 4).join(', ')}` : ''}`;
  const unnamed = intent.destructive.length > 0 ? ', which the task does not name' : '';
  out.push({
    code: 'STEER-DISPROPORTIONATE',
    severity: agentAuthored ? (settings.agentVerdict ?? settings.verdict) : settings.verdict,
    message: `The task says '${judgedText(intent.text, 80)}' (${magnitude}); this plan ${joinAnd(parts)}${unnamed}.`,
    plan: index,
    ...(shown.length === 1 ? { address: shown[0]!.change.address } : {}),
  });
  return out;
}

const DONE: Record<Action, string> = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  delete: 'deleted',
  read: 'read',
  'no-op': 'unchanged',
  forget: 'forgotten',
  move: 'moved',
  import: 'imported',
};

function inScope(c: AssessedChange, intent: JudgedIntent): boolean {
  return (intent.scope?.entries ?? []).some(
    (e) =>
      (matchesAnyName(c.change.address, [e.pattern]) ?? matchesAnyName(c.change.previousAddress, [e.pattern])) !== undefined &&
      (e.actions.length === 0 || e.actions.includes(c.change.action)),
  );
}

function scopeHint(c: AssessedChange, intent: JudgedIntent): string {
  const entry = intent.scope?.entries.find((e) => matchesAnyName(c.change.address, [e.pattern]) !== undefined);
  return entry !== undefined ? ` (${entry.pattern} allows ${entry.actions.join(', ')})` : '';
}

/** The task names this change's destruction: a scope entry allows it, or a destructive word's clause names it. */
function namedByTask(c: AssessedChange, intent: JudgedIntent, vocabulary: Vocabulary): boolean {
  if (intent.scope !== undefined && inScope(c, intent)) return true;
  const everything = new Set(vocabulary.everything);
  return intent.destructive.some((mention) => {
    // "tear down the environment", or a bare "recreate it": the whole plan is named.
    if (mention.names.length === 0 || mention.names.some((n) => everything.has(n))) return true;
    const names = new Set(mention.names);
    const hits = (x: AssessedChange): boolean => changeTokens(x).some((t) => names.has(t));
    // Names that match nothing in the plan name nothing in it; they don't widen to everything.
    return hits(c);
  });
}

/** The words a change answers to: its address, type and module split into words, and its stateful category. */
function changeTokens(c: AssessedChange): string[] {
  const { change } = c;
  const words = nameTokens(`${change.address} ${change.type} ${change.module ?? ''}`).flatMap((t) => [t, singular(t)]);
  for (const part of change.type.toLowerCase().split(/[_:]+/)) if (part.length >= 2) words.push(part);
  if (c.stateful !== undefined) words.push(c.stateful);
  return words;
}

/** "replaces 1 production database (data loss)", "deletes 2 resources" — grouped by verb, place and kind. */
function destructionPhrases(changes: readonly AssessedChange[]): string[] {
  const groups = new Map<string, { verb: string; prod: boolean; noun: string; count: number; loss: boolean; addresses: string[] }>();
  for (const c of changes) {
    const verb = c.change.action === 'delete' ? 'deletes' : c.change.action === 'replace' ? 'replaces' : 'may replace';
    const prod = c.production.length > 0;
    const noun = c.stateful ?? 'resource';
    const key = `${verb}|${prod}|${noun}`;
    const g = groups.get(key) ?? { verb, prod, noun, count: 0, loss: false, addresses: [] };
    g.count++;
    g.addresses.push(c.change.address);
    g.loss ||= c.dataLoss;
    groups.set(key, g);
  }
  const byVerb = new Map<string, string[]>();
  for (const g of groups.values()) {
    // A resource that is no kind of data is named by its address, when there are few.
    const named = g.noun === 'resource' && g.addresses.length <= 2 ? ` (${g.addresses.join(', ')})` : '';
    const text = `${g.count} ${g.prod ? 'production ' : ''}${g.noun}${g.count === 1 ? '' : 's'}${named}${g.loss ? ' (data loss)' : ''}`;
    byVerb.set(g.verb, [...(byVerb.get(g.verb) ?? []), text]);
  }
  return [...byVerb].map(([verb, items]) => `${verb} ${joinAnd(items)}`);
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
