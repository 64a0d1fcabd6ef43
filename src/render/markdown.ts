import type { AssessedChange, Report } from '../core/report.js';
import { isDestructive } from '../core/report.js';
import { displayMessage, displayName, MAX_MESSAGE, MAX_NAME } from './display-text.js';
import { blastRadiusLine, notableRadii, taskLine, verbFor } from './judgment.js';
import { changedAttributesSuffix, dataLossCallout, forcedCell, productionChanges, productionTable, runLink } from './markdown-table.js';
import { countActions, countsSentence, headline, reportCounts, reviewOrder, VERDICT_TITLES } from './summary.js';

/**
 * Markdown for a pull-request comment or job summary: summary first, production deletes and
 * replacements next with reason and data-loss flag, everything else collapsed. Every name
 * from the input is escaped, neutralized and shortened when long (display-text.ts), so the
 * destructive changes come before any cut, whatever their names' length; the whole text stays
 * under `maxLength` (GitHub stops at 65,536).
 */
export interface MarkdownOptions {
  readonly maxLength?: number;
  /** A hidden marker placed first (the sticky comment's identity). */
  readonly marker?: string;
  /** The workflow run that made the report (the Action's run URL), linked beside the digest. */
  readonly runUrl?: string;
}

export const MARKDOWN_LIMIT = 65_000;

const ICONS = { allow: '✅', review: '⚠️', block: '⛔' } as const;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? MARKDOWN_LIMIT;
  const out = new Budget(limit - 400); // room for the closing lines
  if (options.marker) out.push(`${options.marker}\n`);
  out.push(`## ${ICONS[report.verdict]} Steer: ${VERDICT_TITLES[report.verdict]}\n\n`);
  out.push(`**${text(headline(report))}** — ${countsSentence(reportCounts(report))}.\n\n`);
  out.push(`Plan digest: \`${report.digest}\`${report.agentAuthored ? ' · 🤖 **agent-authored change**' : ''}${runLink(options.runUrl)}\n\n`);
  if (report.intent !== undefined) out.push(`📝 ${text(taskLine(report.intent))}\n\n`);
  out.push(dataLossCallout(report));
  const table = productionTable(productionChanges(report));
  // The table may take a third of the room: the list of changes that need a human (below) keeps the rest.
  const tableFloor = (out.remaining() * 2) / 3;
  for (const [i, row] of table.entries()) {
    if (out.remaining() - row.length < tableFloor || !out.push(row)) {
      if (i > 1) out.forcePush(`\n…the table stops here (comment size limit); see the JSON report.\n\n`);
      break;
    }
  }
  const radii = radiusByChange(report);

  const all = report.plans.flatMap((p) => p.changes);
  const first = reviewOrder(all.filter((c) => isDestructive(c) && (c.production.length > 0 || c.verdict !== 'allow')));
  if (first.length > 0) {
    out.push(`### Needs a human\n\n`);
    for (const item of needsAHuman(first, out.remaining(), radii)) out.forcePush(item);
    out.push('\n');
  }

  const notable = report.findings.filter((f) => f.severity !== 'info' || f.code === 'STEER-DRIFT' || f.code === 'STEER-INPUT-NOTE' || f.code === 'STEER-DESTROY');
  if (notable.length > 0 && out.push(`<details><summary>Findings (${notable.length})</summary>\n\n`)) {
    let shown = 0;
    for (const f of notable) {
      if (!out.push(`- **${f.severity}** \`${f.code}\` ${text(displayMessage(f.message, f.address))}\n`)) break;
      shown += 1;
    }
    if (shown < notable.length) out.forcePush(`- …and ${notable.length - shown} more not shown.\n`);
    out.forcePush('\n</details>\n\n');
  }

  for (const p of report.plans) {
    const changes = reviewOrder(p.changes.filter((c) => c.change.action !== 'no-op'));
    const title = `${text(p.plan.target.path)} · ${p.plan.source}${p.plan.toolVersion ? ` ${text(p.plan.toolVersion)}` : ''} · ${countsSentence(countActions(p.changes))}`;
    if (!out.push(`<details><summary>${title}</summary>\n\n`)) break;
    if (p.production.length > 0) out.push(`Production: ${text(p.production.map((s) => s.detail).join('; '))}\n\n`);
    for (const r of p.plan.incompleteReasons) out.push(`- ❗ ${text(r)}\n`);
    let shown = 0;
    for (const c of changes) {
      if (!out.push(`- ${c.change.action} ${code(c.change.address)}${c.stateful ? ` (${c.stateful})` : ''}${c.dataLoss ? ' **data loss**' : ''}${changedAttributesSuffix(c.change)}\n`)) break;
      shown += 1;
    }
    if (shown < changes.length) out.forcePush(`- …and ${changes.length - shown} more not shown.\n`);
    if (p.plan.drift.length > 0) out.push(`\nDrift (changed outside the tool, not planned): ${p.plan.drift.length} resource(s).\n`);
    out.forcePush('\n</details>\n\n');
  }

  out.forcePush(footer(report));
  return out.toString();
}

/** Each destroyed or replaced change's blast radius, when it has dependents. */
function radiusByChange(report: Report): Map<AssessedChange, { line: string }> {
  const out = new Map<AssessedChange, { line: string }>();
  for (const p of report.plans) {
    const radii = notableRadii(p);
    if (radii.length === 0) continue;
    const byAddress = new Map(radii.map((r) => [r.address, r]));
    for (const c of p.changes) {
      const r = byAddress.get(c.change.address);
      if (r !== undefined) out.set(c, { line: blastRadiusLine(r, verbFor(p, r.address), (n) => code(n)) });
    }
  }
  return out;
}

/** Room kept for the line that says how many were left out. */
const MORE_LINE = 120;
const MAX_NOTES = 5;

/**
 * The changes a human must look at, within `room`: first one bounded line for every change that
 * fits (names are shortened, so no name can crowd the others out), then their details while room
 * is left; a count of those left out.
 */
function needsAHuman(first: readonly AssessedChange[], room: number, radii: ReadonlyMap<AssessedChange, { line: string }>): string[] {
  const heads: string[] = [];
  let left = room - MORE_LINE;
  for (const c of first) {
    const head = destructiveHead(c);
    if (head.length > left) break;
    heads.push(head);
    left -= head.length;
  }
  const items = heads.map((head, i) => {
    const details = destructiveDetails(first[i]!, radii.get(first[i]!));
    if (details.length > left) return head;
    left -= details.length;
    return head + details;
  });
  if (heads.length < first.length) items.push(`- …and ${first.length - heads.length} more not shown (comment size limit); see the JSON report.\n`);
  return items;
}

function destructiveHead(c: AssessedChange): string {
  const ch = c.change;
  const action = ch.mayReplace ? 'may be replaced' : ch.replacementUnknown ? 'may be replaced (unknown)' : ch.action;
  const flags = [c.dataLoss ? '🔥 **DATA LOSS**' : '', c.production.length > 0 ? '**production**' : '', c.unknownEnvironment ? '**environment unknown**' : '', c.verdict === 'block' ? '⛔ **blocked**' : '']
    .filter(Boolean)
    .join(' · ');
  return `- **${action}** ${code(ch.address)}${c.stateful ? ` (${c.stateful})` : ''} ${flags}\n`;
}

function destructiveDetails(c: AssessedChange, radius?: { line: string }): string {
  const ch = c.change;
  const lines: string[] = [];
  const why: string[] = [];
  if (ch.reasons.forcedBy.length > 0) why.push(`forced by ${forcedCell(ch, ', ')}`);
  why.push(...ch.reasons.notes.slice(0, MAX_NOTES).map((n) => text(n)));
  if (ch.replaceOrder) why.push(ch.replaceOrder === 'create-before-destroy' ? 'new object created first' : 'destroyed first, then re-created');
  if (ch.policyAction) why.push(`PolicyAction ${text(ch.policyAction)}`);
  if (why.length > 0) lines.push(`  - why: ${why.join('; ')}\n`);
  if (c.production.length > 0) lines.push(`  - production because: ${text(c.production.map((s) => s.detail).join('; '))}\n`);
  if (radius !== undefined) lines.push(`  - blast radius: ${radius.line}\n`);
  return lines.join('');
}

function footer(report: Report): string {
  switch (report.verdict) {
    case 'allow':
      return '<sub>Steer: nothing here needs a human.</sub>\n';
    case 'review':
      return (
        '**Next step:** a human must approve this exact plan (the digest above) before it is applied: approve the PR on this commit; ' +
        'then `steer apply` (Terraform) or `steer execute` (CloudFormation) runs exactly this plan. ' +
        'To change it instead, edit the configuration and push: a new commit or a new plan needs a new approval.\n'
      );
    case 'block':
      return '**Next step:** blocked — this plan must not be applied, whatever the approvals. Change the configuration so the blocked change is not in the plan, and push to plan again.\n';
    default: {
      const never: never = report.verdict;
      return String(never);
    }
  }
}

/**
 * Escapes text from the input for Markdown and HTML: no formatting, links, mentions or tags;
 * neutralized and bounded (display-text.ts).
 */
export function text(value: string, max: number = MAX_MESSAGE): string {
  return displayName(value, max)
    // Inline text never starts a line here, so only inline syntax needs escaping: emphasis,
    // code, links/images (no `[` survives), tables and strikethrough.
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/**
 * An inline code span that no backtick or newline in the value can break out of. Inside a code
 * span HTML and mentions are inert (CommonMark), so `<` needs no escaping there. Neutralized and
 * bounded (names: MAX_NAME characters, head and tail kept).
 */
export function code(value: string, max: number = MAX_NAME): string {
  const flat = displayName(value, max).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Appends pieces until the budget is spent; the closing pieces always fit (reserved room). */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  private full = false;
  constructor(private readonly limit: number) {}
  push(piece: string): boolean {
    if (this.full || this.used + piece.length > this.limit) {
      this.full = true;
      return false;
    }
    this.parts.push(piece);
    this.used += piece.length;
    return true;
  }
  /** What is left of the budget. */
  remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
  forcePush(piece: string): void {
    this.parts.push(piece);
    this.used += piece.length;
  }
  toString(): string {
    return this.parts.join('');
  }
}
