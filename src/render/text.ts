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
  for (const plan of report.plans) lines.push('', ...planLines(plan, paint));

  if (report.findings.length > 0) {
    lines.push('', paint('1', 'Findings'));
    for (const f of report.findings) {
      const sev = f.severity === 'block' ? paint('31', 'block ') : f.severity === 'review' ? paint('33', 'review') : paint('2', 'info  ');
      lines.push(`  ${sev} ${f.code}  ${displayMessage(f.message, f.address)}`);
    }
  }
  lines.push('', ...nextStep(report).split('\n').map(clean));
  return `${lines.join('\n')}\n`;
}

function planLines(p: PlanReport, paint: Paint): string[] {
  const { plan } = p;
  const counts = countActions(p.changes);
  const tool = [plan.source, plan.toolVersion].filter(Boolean).join(' ');
  const where = [plan.target.workspace && `workspace ${plan.target.workspace}`, plan.target.stack && `stack ${plan.target.stack}`, plan.target.changeSetArn]
    .filter(Boolean)
    .join(' · ');
  const out = [paint('1', `Plan ${clean(plan.target.path)}`) + ` · ${clean(tool)}${where ? ` · ${clean(where)}` : ''} · ${countsSentence(counts)}`];
  if (p.production.length > 0) out.push(`  ${paint('35', 'production')}: ${clean(p.production.map((s) => s.detail).join('; '))}`);
  for (const reason of plan.incompleteReasons) out.push(`  ${paint('31', 'incomplete')}: ${clean(reason)}`);
  for (const r of notableRadii(p).slice(0, WORST_NAMED)) out.push(`  ${paint('31', 'blast radius')}: ${clean(blastRadiusLine(r, verbFor(p, r.address)))}`);

  const shown = reviewOrder(p.changes).filter((c) => c.change.action !== 'no-op' && c.change.action !== 'read');
  for (const c of shown) out.push(...changeLines(c, p.production.length, paint));
  const hidden = p.changes.length - shown.length;
  if (hidden > 0) out.push(paint('2', `  (${hidden} unchanged or read-only not shown)`));
  if (plan.drift.length > 0) out.push(paint('2', `  drift (changed outside the tool, not planned): ${plan.drift.length} resource(s)`));
  if (plan.outputs.length > 0) {
    const changed = plan.outputs.filter((o) => o.action !== 'no-op');
    if (changed.length > 0) out.push(paint('2', `  outputs: ${changed.map((o) => `${clean(o.name)} (${o.action})`).join(', ')}`));
  }
  return out;
}

function changeLines(c: AssessedChange, planSignals: number, paint: Paint): string[] {
  const { change } = c;
  const destructive = change.destroys || change.mayReplace || change.forgets || change.replacementUnknown;
  const color = change.destroys ? '31' : destructive ? '33' : change.action === 'create' ? '32' : '36';
  const action = change.mayReplace ? 'may replace' : change.replacementUnknown ? 'replace?' : change.action;
  const tags: string[] = [];
  if (c.stateful) tags.push(`[${c.stateful}]`);
  if (c.dataLoss) tags.push(paint('1;31', 'DATA LOSS'));
  if (c.production.length > 0) tags.push(paint('35', 'PRODUCTION'));
  if (c.unknownEnvironment) tags.push(paint('33', 'ENVIRONMENT UNKNOWN'));
  if (c.verdict === 'block') tags.push(paint('1;31', 'BLOCKED'));
  // Terraform addresses contain their type; CloudFormation logical ids don't.
  const type = change.address.includes(change.type) ? '' : ` ${paint('2', clean(change.type))}`;
  const head = `  ${paint(color, `${SYMBOLS[change.action].padEnd(3)} ${action.padEnd(8)}`)} ${displayName(change.address)}${type}${change.deposedKey ? ` (deposed ${clean(change.deposedKey)})` : ''}  ${tags.join(' ')}`;
  const out = [head.trimEnd()];
  const detail = (label: string, text: string): void => void out.push(`        ${paint('2', label)} ${clean(text)}`);
  if (change.action === 'update' && !destructive && change.changedAttributes.length > 0) detail('changes:', attributeList(change.changedAttributes));
  if (!destructive && change.action !== 'move') return out;
  const shownValues = new Set<string>();
  for (const v of change.forcedValues ?? []) {
    shownValues.add(v.attribute);
    detail('forced by:', `${v.attribute}: ${v.before} → ${v.after}`);
  }
  const unvalued = change.reasons.forcedBy.filter((a) => !shownValues.has(a));
  if (unvalued.length > 0) detail('forced by:', unvalued.join(', '));
  if (change.action === 'update' && change.changedAttributes.length > 0) detail('changes:', attributeList(change.changedAttributes));
  for (const note of change.reasons.notes) detail('why:', note);
  if (change.replaceOrder) detail('order:', change.replaceOrder === 'create-before-destroy' ? 'new object created first, then the old one destroyed' : 'destroyed first, then re-created (downtime)');
  if (change.policyAction) detail('policy:', `PolicyAction ${change.policyAction}`);
  if (change.previousAddress) detail('moved from:', change.previousAddress);
  // Plan-level signals are printed once above; show only this change's own.
  const own = c.production.slice(planSignals);
  if (own.length > 0) detail('production:', own.map((s) => s.detail).join('; '));
  return out;
}

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
