import type { Action } from '../core/model.js';
import { displayMessage, displayName, MAX_MESSAGE } from './display-text.js';
import type { AssessedChange, PlanReport, Report } from '../core/report.js';
import { blastRadiusLine, notableRadii, taskLine, verbFor, WORST_NAMED } from './judgment.js';
import { countActions, countsSentence, headline, listedAttributes, reviewOrder, VERDICT_TITLES } from './summary.js';

/** Terminal report: verdict first, destructive changes first, each with its reasons. Pure. */

export interface TextOptions {
  readonly color: boolean;
}

const SYMBOLS: Record<Action, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  read: '<=',
  'no-op': ' ',
  forget: 'x',
  move: '->',
  import: '<-',
};

type Paint = (code: string, text: string) => string;

export function renderText(report: Report, options: TextOptions): string {
  const paint: Paint = options.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const verdictColor = { allow: '32', review: '33', block: '31' }[report.verdict];
  const lines: string[] = [];
  lines.push(`${paint(`1;${verdictColor}`, `steer: ${VERDICT_TITLES[report.verdict]}`)} — ${clean(headline(report))}`);
  lines.push(`digest ${report.digest}${report.agentAuthored ? '  ·  agent-authored change' : ''}`);
  if (report.intent !== undefined) lines.push(clean(taskLine(report.intent)));
  for (const plan of report.plans) {
    lines.push('');
    planLines(lines, plan, paint);
  }

  if (report.findings.length > 0) {
    lines.push('', paint('1', 'Findings'));
    for (const f of report.findings) {
      const sev = f.severity === 'block' ? paint('31', 'block ') : f.severity === 'review' ? paint('33', 'review') : paint('2', 'info  ');
      lines.push(`  ${sev} ${f.code}  ${displayMessage(f.message, f.address)}`);
    }
  }
  lines.push('', ...nextStep(report).split('\n').map(clean), '');
  return lines.join('\n');
}

/** Appends the plan's lines to `out`. */
function planLines(out: string[], p: PlanReport, paint: Paint): void {
  const { plan } = p;
  const counts = countActions(p.changes);
  const tool = [plan.source, plan.toolVersion].filter(Boolean).join(' ');
  const where = [plan.target.workspace && `workspace ${plan.target.workspace}`, plan.target.stack && `stack ${plan.target.stack}`, plan.target.changeSetArn]
    .filter(Boolean)
    .join(' · ');
  out.push(paint('1', `Plan ${clean(plan.target.path)}`) + ` · ${clean(tool)}${where ? ` · ${clean(where)}` : ''} · ${countsSentence(counts)}`);
  if (p.production.length > 0) out.push(`  ${paint('35', 'production')}: ${clean(p.production.map((s) => s.detail).join('; '))}`);
  for (const reason of plan.incompleteReasons) out.push(`  ${paint('31', 'incomplete')}: ${clean(reason)}`);
  for (const r of notableRadii(p).slice(0, WORST_NAMED)) out.push(`  ${paint('31', 'blast radius')}: ${clean(blastRadiusLine(r, verbFor(p, r.address)))}`);

  const shown = reviewOrder(p.changes).filter((c) => c.change.action !== 'no-op' && c.change.action !== 'read');
  for (const c of shown) changeLines(out, c, p.production.length, paint);
  const hidden = p.changes.length - shown.length;
  if (hidden > 0) out.push(paint('2', `  (${hidden} unchanged or read-only not shown)`));
  if (plan.drift.length > 0) out.push(paint('2', `  drift (changed outside the tool, not planned): ${plan.drift.length} resource(s)`));
  if (plan.outputs.length > 0) {
    const changed = plan.outputs.filter((o) => o.action !== 'no-op');
    if (changed.length > 0) out.push(paint('2', `  outputs: ${changed.map((o) => `${clean(o.name)} (${o.action})`).join(', ')}`));
  }
}

/** Appends a change's lines to `out` (this runs per change: no list of its own, no pieces it doesn't print). */
function changeLines(out: string[], c: AssessedChange, planSignals: number, paint: Paint): void {
  const { change } = c;
  const destructive = change.destroys || change.mayReplace || change.forgets || change.replacementUnknown;
  const color = change.destroys ? '31' : destructive ? '33' : change.action === 'create' ? '32' : '36';
  const action = change.mayReplace ? 'may replace' : change.replacementUnknown ? 'replace?' : change.action;
  let tags = '';
  const tag = (text: string): void => void (tags = tags === '' ? text : `${tags} ${text}`);
  if (c.stateful) tag(`[${c.stateful}]`);
  if (c.dataLoss) tag(paint('1;31', 'DATA LOSS'));
  if (c.production.length > 0) tag(paint('35', 'PRODUCTION'));
  if (c.unknownEnvironment) tag(paint('33', 'ENVIRONMENT UNKNOWN'));
  if (c.verdict === 'block') tag(paint('1;31', 'BLOCKED'));
  // Terraform addresses contain their type; CloudFormation logical ids don't.
  const type = change.address.includes(change.type) ? '' : ` ${paint('2', clean(change.type))}`;
  const head = `  ${paint(color, actionColumn(change.action, action))} ${displayName(change.address)}${type}${change.deposedKey ? ` (deposed ${clean(change.deposedKey)})` : ''}`;
  out.push(tags === '' ? head.trimEnd() : `${head}  ${tags}`.trimEnd());
  const detail = (label: string, text: string): void => void out.push(`        ${paint('2', label)} ${clean(text)}`);
  if (change.action === 'update' && !destructive && change.changedAttributes.length > 0) detail('changes:', attributeList(change.changedAttributes));
  if (!destructive && change.action !== 'move') return;
  for (const v of change.forcedValues ?? []) detail('forced by:', `${v.attribute}: ${v.before} → ${v.after}`);
  const valued = change.forcedValues;
  const unvalued = valued === undefined ? change.reasons.forcedBy : change.reasons.forcedBy.filter((a) => !valued.some((v) => v.attribute === a));
  if (unvalued.length > 0) detail('forced by:', unvalued.join(', '));
  if (change.action === 'update' && change.changedAttributes.length > 0) detail('changes:', attributeList(change.changedAttributes));
  for (const note of change.reasons.notes) detail('why:', note);
  if (change.replaceOrder) detail('order:', change.replaceOrder === 'create-before-destroy' ? 'new object created first, then the old one destroyed' : 'destroyed first, then re-created (downtime)');
  if (change.policyAction) detail('policy:', `PolicyAction ${change.policyAction}`);
  if (change.previousAddress) detail('moved from:', change.previousAddress);
  // Plan-level signals are printed once above; show only this change's own.
  if (c.production.length > planSignals) detail('production:', c.production.slice(planSignals).map((s) => s.detail).join('; '));
}

/** `-/+ replace ` — the symbol and the action, padded: the same few per report, made once each. */
function actionColumn(kind: Action, action: string): string {
  const key = `${kind} ${action}`;
  let text = ACTION_COLUMNS.get(key);
  if (text === undefined) {
    text = `${SYMBOLS[kind].padEnd(3)} ${action.padEnd(8)}`;
    ACTION_COLUMNS.set(key, text);
  }
  return text;
}
const ACTION_COLUMNS = new Map<string, string>();

function attributeList(names: readonly string[]): string {
  const { shown, more } = listedAttributes(names);
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function nextStep(report: Report): string {
  switch (report.verdict) {
    case 'allow':
      return 'Exit 0: nothing here needs a human.';
    case 'review':
      return [
        `Exit 2: a human must review and approve this exact plan (digest ${report.digest.slice(0, 12)}…) before it is applied.`,
        'Next: in the pull request, approve the PR on this commit; then `steer apply` (Terraform) or `steer execute` (CloudFormation) runs exactly this plan.',
        'To change it instead: edit the configuration, plan again and re-run steer (a new plan needs a new approval).',
      ].join('\n');
    case 'block':
      return [
        'Exit 3: blocked. This plan must not be applied, whatever the approvals.',
        'Next: change the configuration (or steer.yml, reviewed on the base branch) so the blocked change is not in the plan, plan again and re-run steer.',
      ].join('\n');
    default: {
      const never: never = report.verdict;
      return String(never);
    }
  }
}

/** Text from the input: neutralized (no painting the terminal, no reordering) and bounded (display-text.ts). */
function clean(text: string): string {
  return displayName(text, MAX_MESSAGE);
}
