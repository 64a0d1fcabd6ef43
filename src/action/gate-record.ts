import { RECORD_VERSION, type ApprovalRecord } from '../core/approval-record.js';
import type { ApprovalDecision, CommentState, Review } from '../core/approval.js';
import { artifactOf } from '../core/model.js';
import type { Report } from '../core/report.js';
import type { Conclusion } from './gate-text.js';
import type { PullRequestEvent } from './inputs.js';

export interface GateRecordFacts {
  readonly repository: string;
  readonly pull: PullRequestEvent;
  readonly checkRunId: number;
  readonly report: Report;
  readonly approval: ApprovalDecision;
  readonly conclusion: Conclusion;
  readonly reportedAt: string;
  readonly reviewedFrom: string;
  readonly comment: CommentState;
  readonly required: number;
  readonly prReviews: readonly Review[];
}

/** What the gate concluded, as the record apply/execute read back (core/approval-record.ts). Pure. */
export function gateRecord(f: GateRecordFacts): ApprovalRecord {
  const latest = (login: string) => [...f.prReviews].filter((r) => r.login === login && r.state === 'APPROVED' && r.submittedAt).sort((a, b) => b.submittedAt!.localeCompare(a.submittedAt!))[0];
  return {
    v: RECORD_VERSION,
    repository: f.repository,
    pull: f.pull.number,
    checkRunId: f.checkRunId,
    headSha: f.pull.headSha,
    base: { ref: f.pull.baseRef, sha: f.pull.baseSha },
    reportedAt: f.reportedAt,
    reviewedFrom: f.reviewedFrom,
    verdict: f.report.verdict,
    digest: f.report.digest,
    plans: f.report.plans.map((p) => {
      const artifact = artifactOf(p.plan);
      return { name: p.plan.target.path, ...(artifact !== undefined ? { artifact } : {}), digest: p.plan.digest, verdict: p.verdict };
    }),
    conclusion: f.conclusion,
    required: f.required,
    approvers: f.approval.approvers.map((login) => {
      const r = latest(login);
      return { login, reviewId: r?.id ?? 0, submittedAt: r?.submittedAt ?? '' };
    }),
    comment: f.comment,
  };
}
