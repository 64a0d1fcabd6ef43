import { findingKeys, RECORD_VERSION, type ApprovalRecord, type RecordPlan, type RecordPolicy } from '../core/approval-record.js';
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
  readonly policy: RecordPolicy;
  readonly concludedAt: string;
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
    plans: recordPlans(f.report),
    conclusion: f.conclusion,
    required: f.required,
    approvers: f.approval.approvers.map((login) => {
      const r = latest(login);
      return { login, reviewId: r?.id ?? 0, submittedAt: r?.submittedAt ?? '' };
    }),
    comment: f.comment,
    policy: f.policy,
    concludedAt: f.concludedAt,
  };
}

/** Each plan of the report as the record names it: the file shown, the artifact that is applied, its digest and verdict. */
export function recordPlans(report: Report): RecordPlan[] {
  return report.plans.map((p, i) => {
    const artifact = artifactOf(p.plan);
    const findings = findingKeys(report.findings.filter((f) => f.plan === i));
    return { name: p.plan.target.path, ...(artifact !== undefined ? { artifact } : {}), digest: p.plan.digest, verdict: p.verdict, findings };
  });
}

/** Whether two records judged the same artifacts, with the same digests and verdicts (the names shown may differ). */
export function samePlans(a: readonly RecordPlan[], b: readonly RecordPlan[]): boolean {
  const key = (plans: readonly RecordPlan[]) => plans.map((p) => `${p.artifact ?? '-'} ${p.digest} ${p.verdict}`).sort().join('\n');
  return key(a) === key(b);
}
