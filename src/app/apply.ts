import { appendAudit } from '../adapters/fs/audit-log.js';
import { dirname, resolve } from 'node:path';
import { pinArtifact } from '../adapters/fs/artifact.js';
import { isSavedPlan } from '../adapters/fs/read-input.js';
import { artifactName } from '../core/approval-record.js';
import { applySavedPlan } from '../adapters/terraform-cli/apply.js';
import { applyEnvironmentProblem } from '../adapters/terraform-cli/apply-environment.js';
import type { SteerConfig } from '../config/schema.js';
import { UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { requireApproval, type ApprovalGateOptions } from './approval-gate.js';
import { planCheck } from './plan-check.js';

export interface ApplyRequest {
  readonly planPath: string;
  readonly tfBin: string;
  readonly tfChdir?: string;
  readonly config: SteerConfig;
  readonly env?: string;
  readonly workspace: string;
  readonly github?: ApprovalGateOptions['github'];
  readonly auditLog: string;
  readonly onReport: (report: Report) => void;
}

/**
 * Applies exactly the approved saved plan: pin its bytes, recompute its digest and verdict,
 * require an approval bound to that file (its SHA-256), then `terraform apply` of those bytes.
 * Every decision goes to the audit log.
 */
export async function applyApprovedPlan(req: ApplyRequest): Promise<number> {
  const unsafe = applyEnvironmentProblem(process.env);
  if (unsafe) throw new UsageError(unsafe);
  if (!(await isSavedPlan(req.planPath))) {
    throw new UsageError(`${req.planPath} is not a saved plan: steer apply applies the file "terraform plan -out=FILE" wrote, never JSON and never a fresh plan`);
  }
  // The approval binds to the file itself (configuration snapshot, variables, lock file, prior
  // state travel inside it): a private copy is hashed, analyzed and applied — the same bytes.
  const pinned = await pinArtifact(req.planPath);
  try {
    const tfChdir = req.tfChdir ?? dirname(resolve(req.planPath));
    const report = await planCheck({
      inputs: [pinned.path],
      shownAs: { [pinned.path]: req.planPath },
      config: req.config,
      tfBin: req.tfBin,
      agentAuthored: false,
      workspace: req.workspace,
      tfChdir,
      ...(req.env ? { env: req.env } : {}),
    });
    req.onReport(report);
    const artifact = artifactName(pinned.sha256);
    const base = { time: new Date().toISOString(), command: 'apply', plan: req.planPath, artifact, digest: report.digest, verdict: report.verdict };
    let approval;
    try {
      approval = await requireApproval({ report, artifact, confirmName: req.workspace, config: req.config, findingsShown: true, ...(req.github ? { github: req.github } : {}) });
    } catch (e) {
      appendAudit(req.auditLog, { ...base, outcome: 'refused', reason: e instanceof Error ? e.message : String(e) });
      throw e;
    }
    appendAudit(req.auditLog, { ...base, outcome: 'approved', approver: approval.approver, source: approval.source, detail: approval.detail });
    const result = await applySavedPlan(pinned.path, req.tfBin, tfChdir);
    if (result.stale) {
      process.stderr.write('steer: terraform refused the saved plan because the state changed after it was made. Plan again: the new plan needs its own review and approval.\n');
    }
    appendAudit(req.auditLog, { ...base, time: new Date().toISOString(), outcome: result.exitCode === 0 ? 'applied' : result.stale ? 'stale-plan' : 'apply-failed', exitCode: result.exitCode, approver: approval.approver, source: approval.source });
    return result.exitCode;
  } finally {
    await pinned.release();
  }
}
