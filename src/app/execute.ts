import { appendAudit } from '../adapters/fs/audit-log.js';
import type { SteerConfig } from '../config/schema.js';
import { assess } from '../core/assess.js';
import { RefusedError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { requireApproval, type ApprovalGateOptions } from './approval-gate.js';
import { liveChangeSetPlans } from './live-change-set.js';

export interface ExecuteRequest {
  readonly stack: string;
  readonly changeSet: string;
  readonly region?: string;
  readonly config: SteerConfig;
  readonly env?: string;
  readonly github?: ApprovalGateOptions['github'];
  readonly auditLog: string;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly onReport: (report: Report) => void;
}

/**
 * Executes exactly the approved change set: describe it again (all pages, nested), recompute the
 * digest (it includes the ARN), require it to be executable and approved, execute the root only,
 * wait for the stack, and report the outcome. Every decision goes to the audit log.
 */
export async function executeApprovedChangeSet(req: ExecuteRequest): Promise<number> {
  const plans = await liveChangeSetPlans({ stack: req.stack, changeSet: req.changeSet, ...(req.region ? { region: req.region } : {}) });
  const report = assess(plans, { config: req.config, ...(req.env ? { explicitEnv: req.env } : {}) });
  req.onReport(report);
  const root = plans[0]!;
  const arn = root.target.changeSetArn ?? req.changeSet;
  const base = { time: new Date().toISOString(), command: 'execute', stack: req.stack, changeSet: arn, digest: report.digest, verdict: report.verdict };
  const refuse = (reason: string, exitCode: 1 | 2 | 3): never => {
    appendAudit(req.auditLog, { ...base, outcome: 'refused', reason });
    throw new RefusedError(reason, exitCode);
  };
  if (plans.length !== 1) refuse(`expected one root change set, found ${plans.length}`, 1);
  if (root.noChanges) {
    appendAudit(req.auditLog, { ...base, outcome: 'no-changes' });
    process.stderr.write('steer: the change set contains no changes: nothing to execute.\n');
    return 0;
  }
  if (root.notExecutable) refuse(root.notExecutable, 1);
  let approval;
  try {
    approval = await requireApproval({ report, artifact: arn, confirmName: req.stack, config: req.config, ...(req.github ? { github: req.github } : {}) });
  } catch (e) {
    if (e instanceof RefusedError) refuse(e.message, e.exitCode);
    throw e;
  }
  appendAudit(req.auditLog, { ...base, outcome: 'approved', approver: approval.approver, source: approval.source, detail: approval.detail });
  const aws = await import('../adapters/aws/cloudformation.js');
  const { executeRootChangeSet, waitForStackToSettle } = await import('../adapters/aws/execute.js');
  const session = await aws.openSession(req.region);
  await executeRootChangeSet(session, arn);
  const outcome = await waitForStackToSettle(session, req.stack, { timeoutMs: req.timeoutMs, pollMs: req.pollMs });
  appendAudit(req.auditLog, { ...base, time: new Date().toISOString(), outcome: outcome.succeeded ? 'executed' : 'failed', stackStatus: outcome.status, reason: outcome.reason, approver: approval.approver, source: approval.source });
  process.stderr.write(`steer: stack ${req.stack} is ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}\n`);
  return outcome.succeeded ? 0 : 1;
}
