import type { Change } from '../core/model.js';
import type { AssessedChange, Report } from '../core/report.js';
import { isDestructive } from '../core/report.js';
import { code, text } from './markdown.js';
import { listedAttributes, reviewOrder } from './summary.js';

/**
 * The reviewer's overview in the PR comment and job summary: a `[!CAUTION]` callout when data
 * is lost, and a compact table of the production changes, grouped by module (as tfcmt and
 * tf-summarize show them). Pure; every name is escaped.
 */

/** The changes a production table lists: those on production that do something. */
export function productionChanges(report: Report): AssessedChange[] {
  return reviewOrder(report.plans.flatMap((p) => p.changes).filter((c) => c.production.length > 0 && c.change.action !== 'no-op' && c.change.action !== 'read'));
}

/** `> [!CAUTION]` naming every change that loses data (on production or not), or nothing. */
export function dataLossCallout(report: Report, limit = 10): string {
  const lost = reviewOrder(report.plans.flatMap((p) => p.changes).filter((c) => c.dataLoss));
  if (lost.length === 0) return '';
  const names = lost.slice(0, limit).map((c) => `${code(c.change.address)}${c.stateful ? ` (${c.stateful})` : ''}`);
  const more = lost.length > limit ? ` and ${lost.length - limit} more` : '';
  const where = lost.some((c) => c.production.length > 0) ? ' on production' : '';
  return `> [!CAUTION]\n> **Data loss${where}**: ${lost.length} change(s) destroy stored data — ${names.join(', ')}${more}. Check backups or snapshots before approving.\n\n`;
}

/** The heading and table of production changes, one piece per row (so a size budget can stop between rows). */
export function productionTable(changes: readonly AssessedChange[]): string[] {
  if (changes.length === 0) return [];
  const groups = new Map<string, AssessedChange[]>();
  for (const c of changes) {
    const key = c.change.module ?? '';
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const modules = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const pieces = [`### Production changes (${changes.length})\n\n`, '| Action | Address | Forced by | Data loss |\n|---|---|---|---|\n'];
  for (const module of modules) {
    // A module's rows follow a row naming it, when there is more than the root module.
    if (modules.length > 1) pieces.push(`| | **${module === '' ? 'root module' : text(module)}** | | |\n`);
    for (const c of groups.get(module)!) pieces.push(`| ${actionCell(c)} | ${code(c.change.address)} | ${forcedCell(c.change)} | ${c.dataLoss ? '🔥 yes' : isDestructive(c) ? 'no' : ''} |\n`);
  }
  pieces.push('\n');
  return pieces;
}

function actionCell(c: AssessedChange): string {
  const ch = c.change;
  const action = ch.mayReplace ? 'may replace' : ch.replacementUnknown ? 'replace?' : ch.action;
  return isDestructive(c) ? `**${action}**${c.verdict === 'block' ? ' ⛔' : ''}` : action;
}

/** `kms_key_id`: `"arn…"` → `"alias/aws/rds"`, or the attribute names when the source gave no values. */
export function forcedCell(change: Change, separator = '<br>'): string {
  const valued = new Map((change.forcedValues ?? []).map((v) => [v.attribute, v]));
  return change.reasons.forcedBy
    .map((attribute) => {
      const v = valued.get(attribute);
      return v ? `${code(attribute)}: ${code(v.before)} → ${code(v.after)}` : code(attribute);
    })
    .join(separator);
}

/** A link to the workflow run, only for a plain https URL (it comes from the runner's environment). */
export function runLink(url: string | undefined): string {
  if (url === undefined || !/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[A-Za-z0-9._~/%-]*$/.test(url)) return '';
  return ` · [workflow run](${url})`;
}

/** ` — changes `a`, `b`` after an in-place update, nothing for other changes. */
export function changedAttributesSuffix(change: Change): string {
  if (change.action !== 'update' || change.changedAttributes.length === 0) return '';
  const { shown, more } = listedAttributes(change.changedAttributes);
  return ` — changes ${shown.map((a) => code(a)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
