import { relative } from 'node:path';
import type { Annotation, CheckRunOutput } from '../adapters/github/pr-outputs.js';
import type { AgentEvidence } from '../core/agents.js';
import type { ApprovalDecision } from '../core/approval.js';
import { isDestructive, type Report } from '../core/report.js';
import { code, MARKDOWN_LIMIT, renderMarkdown } from '../render/markdown.js';
import type { PullRequestEvent } from './inputs.js';

/** What the PR gate writes: the sticky comment, the check run's texts and annotations. Pure. */

export const COMMENT_MARKER = '<!-- steer:pull-request-gate -->';
export type Conclusion = 'success' | 'failure' | 'action_required';

const MAX_LISTED = 10;
const short = (s: string) => code(s.length > 200 ? `${s.slice(0, 200)}…` : s);
const listed = (items: readonly string[]) =>
  items.slice(0, MAX_LISTED).map(short).join('; ') + (items.length > MAX_LISTED ? `; …and ${items.length - MAX_LISTED} more` : '');

export function conclusionOf(report: Report, approval: ApprovalDecision): Conclusion {
  return report.verdict === 'allow' || approval.approved ? 'success' : report.verdict === 'block' ? 'failure' : 'action_required';
}

export function checkTitle(report: Report, approval: ApprovalDecision, conclusion: Conclusion): string {
  if (conclusion === 'success') return report.verdict === 'allow' ? 'Allowed: nothing needs a human' : `Approved by ${approval.approvers.join(', ')}`;
  return report.verdict === 'block' ? 'Blocked' : `Review required: ${approval.approvers.length}/${approval.needed} approval(s)`;
}

export function approvalLine(report: Report, approval: ApprovalDecision): string {
  if (report.verdict === 'allow') return 'No approval needed.';
  if (report.verdict === 'block') return 'A blocked plan cannot be approved in the pull request.';
  const who = approval.approvers.length > 0 ? `Approved by ${listed(approval.approvers)}` : 'Not approved yet';
  const not = approval.rejected.length > 0 ? `\n\nNot counted: ${listed(approval.rejected)}` : '';
  return `${who} (${approval.approvers.length}/${approval.needed}).${not}`;
}

/** The check run's summary carries what the approval is bound to: digest, head, base, reported-at. */
export function checkSummary(report: Report, approval: ApprovalDecision, pull: PullRequestEvent, reportedAt: string): string {
  return `Verdict **${report.verdict}** · digest \`${report.digest}\` · head \`${pull.headSha}\` · base ${code(pull.baseRef)} at \`${pull.baseSha}\` · reported ${reportedAt}\n\n${approvalLine(report, approval)}`;
}

/**
 * The sticky comment: the hidden marker, the report's summary, then the gate's status (approval,
 * agent authorship), then the rest of the report (production deletes/replaces first, details
 * collapsed) — under 65,536 characters.
 */
export function commentBody(report: Report, approval: ApprovalDecision, agent: AgentEvidence, pull: PullRequestEvent, reportedAt: string, notices: readonly string[] = []): string {
  const gate = [
    ...notices,
    `**Approval:** ${approvalLine(report, approval)}`,
    ...(agent.agent ? [`> 🤖 **Agent-authored pull request**: ${listed(agent.reasons)}.`] : []),
    `<sub>Plan for head ${code(pull.headSha.slice(0, 12))}, reported ${reportedAt}. Approve the pull request on this commit to approve this plan, then let the gate run again (on the review, where the workflow listens for it, or re-run its job); a new commit or a new plan needs a new approval.</sub>`,
  ].join('\n\n');
  const md = renderMarkdown(report, { marker: COMMENT_MARKER, maxLength: MARKDOWN_LIMIT - gate.length - 100 });
  // After the summary paragraph (heading, headline, digest); before the details.
  const digestLine = md.indexOf('\nPlan digest:');
  const end = digestLine < 0 ? -1 : md.indexOf('\n\n', digestLine + 1);
  const at = end < 0 ? COMMENT_MARKER.length + 1 : end + 2;
  return `${md.slice(0, at)}${gate}\n\n${md.slice(at)}`;
}

/** A failed run's check: never green, and says why. */
export function failureOutput(message: string): CheckRunOutput {
  return {
    title: 'Steer could not check the plan',
    summary: `The gate failed, so this pull request is not approved.\n\n${code(message.length > 2000 ? `${message.slice(0, 2000)}…` : message)}\n\nSee the workflow log; re-run the job once the cause is fixed.`,
  };
}

/** One annotation per risky change, on the plan file it came from (the only file we know). */
export function annotations(report: Report, workspace: string): Annotation[] {
  const out: Annotation[] = [];
  for (const p of report.plans) {
    const path = relative(workspace, p.plan.target.path);
    if (path.startsWith('..') || p.plan.target.path === '-' || p.plan.target.path.startsWith('cloudformation:')) continue;
    for (const c of p.changes.filter((x) => isDestructive(x) && (x.production.length > 0 || x.verdict !== 'allow'))) {
      out.push({
        path,
        start_line: 1,
        end_line: 1,
        annotation_level: c.verdict === 'block' || c.dataLoss ? 'failure' : 'warning',
        title: `${c.change.action} ${c.change.address}`.slice(0, 255),
        message: `${c.change.address} ${c.change.action}${c.dataLoss ? ' — DATA LOSS' : ''}${c.change.reasons.forcedBy.length ? ` (forced by ${c.change.reasons.forcedBy.join(', ')})` : ''}`.slice(0, 1000),
      });
    }
  }
  return out.slice(0, 50);
}
