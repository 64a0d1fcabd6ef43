import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { gitHubClient, type GitHub } from '../adapters/github/client.js';
import { commentStateOf, pullPushers } from '../adapters/github/approval-facts.js';
import { requiredCheckGap } from '../adapters/github/branch-rules.js';
import { checkRunsFor, completeCheckRun, createCompletedCheckRun, findStickyComment, requestReviewers, setLabels, startCheckRun, writeStickyComment, type StartedCheckRun } from '../adapters/github/pr-outputs.js';
import { approvalRules, changedFiles, configAt, ownLogin, pullCommits, reviews } from '../adapters/github/pull-request.js';
import { isSavedPlan } from '../adapters/fs/read-input.js';
import { appendSummary, setOutput, workflowCommand } from '../adapters/github/runner-files.js';
import { loadConfig } from '../app/load-config.js';
import { planCheck } from '../app/plan-check.js';
import { pullRequestIntentOption } from './intent.js';
import type { SteerConfig } from '../config/schema.js';
import { agentAuthorship } from '../core/agents.js';
import { decodeRecord, encodeRecord, policyDigest, signatureValid, type ApprovalRecord } from '../core/approval-record.js';
import { commentTampering, decideApproval, type ApprovalDecision } from '../core/approval.js';
import { SteerError, UsageError } from '../core/errors.js';
import { isDestructive, withFindings, type Finding, type Report } from '../core/report.js';
import { fileFindings } from './file-findings.js';
import { gateRecord, recordPlans, samePlans } from './gate-record.js';
import { renderJson } from '../render/json.js';
import { writeSarifOutput } from './sarif-output.js';
import { renderMarkdown } from '../render/markdown.js';
import { VERDICT_TITLES } from '../render/summary.js';
import { annotations, checkSummary, checkTitle, COMMENT_MARKER, commentBody, conclusionOf, failureOutput, type Conclusion } from './gate-text.js';
import type { ActionInputs, PullRequestEvent } from './inputs.js';

export { COMMENT_MARKER } from './gate-text.js';
export const CHECK_NAME = 'steer';
export const LABELS = { destroy: 'steer:destroy', review: 'steer:review-required', approved: 'steer:approved' } as const;
const DIGEST_ID = /^steer:[0-9a-f]{64}$/;
/** Events whose workflow file comes from the pull request itself (no `_target` variant). */
const PULL_REQUESTS_OWN_WORKFLOW = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The pull-request gate: analyze the plans the workflow produced, with the policy from the BASE
 * branch, then comment, label and conclude the `steer` check. Returns the step's exit code: 0
 * only when the check passes.
 */
export async function runAction(inputs: ActionInputs, now: () => Date = () => new Date()): Promise<number> {
  const gh = gitHubClient(inputs.token, inputs.apiUrl, { retryBaseMs: inputs.retryBaseMs, onWait: (m) => workflowCommand('warning', m) });
  if (!inputs.pull) return analyzeOnly(inputs);
  const pull = inputs.pull;
  const check = { id: undefined as number | undefined, externalId: 'steer:error', startedAt: now().toISOString() };
  try {
    return await gate(gh, inputs, pull, check, now);
  } catch (e) {
    await reportFailure(gh, inputs, pull, check, e);
    throw e;
  }
}

async function gate(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent, check: { id?: number; externalId: string; startedAt: string }, now: () => Date): Promise<number> {
  const config = await baseBranchConfig(gh, inputs, pull);
  const { files, renderings } = await expandPlans(inputs);
  const agent = agentAuthorship(pull.author, await pullCommits(gh, inputs.repo, pull.number), config.agents.logins);
  let report = await planCheck({ inputs: files, renderings, config, tfBin: 'terraform', runsNoTool: true, agentAuthored: agent.agent, ...(inputs.env ? { env: inputs.env } : {}), ...(await pullRequestIntentOption(gh, inputs.repo, pull.number)) });
  report = withFindings(report, await pullRequestFindings(gh, inputs, pull, report));
  writeOutputs(inputs, report);
  check.externalId = `steer:${report.digest}`;
  if (!inputs.signingKey && !config.approvals.gateApp) {
    workflowCommand('warning', 'Steer: the gate has no signing-key and steer.yml names no approvals.gateApp: steer apply/execute will refuse its checks (any workflow could write one like it). See the README, "Who may write what apply trusts".');
  }
  const gap = await requiredCheckGap(gh, inputs.repo, pull.baseRef, CHECK_NAME);
  if (gap) workflowCommand('warning', `Steer: ${gap}`);
  if (inputs.signingKey && PULL_REQUESTS_OWN_WORKFLOW.has(inputs.eventName)) {
    workflowCommand('warning', `Steer: the signing-key reached a ${inputs.eventName} workflow, which runs the pull request's own copy of the workflow file: a pull request could print the key and sign its own approvals. Run the gate on pull_request_target with the key in an environment limited to the default branch, and rotate the key.`);
  }

  const started = await startCheckRun(gh, inputs.repo, { name: CHECK_NAME, headSha: pull.headSha, externalId: check.externalId, startedAt: check.startedAt, ...(inputs.runUrl ? { detailsUrl: inputs.runUrl } : {}) });
  check.id = started.id;
  // The last record the gate itself wrote on this head (signed with our key, or by our own app):
  // it dates the plan's first report and says what the gate's comment was.
  const previous = await previousRecord(gh, inputs, pull, started);
  // The same plan: the same saved files (artifacts), not only the same digest — a plan made again
  // on this head can carry other configuration (a provisioner) under the same changes.
  const samePlan = previous !== undefined && previous.digest === report.digest && samePlans(previous.plans, recordPlans(report));
  const reportedAt = samePlan ? previous.reportedAt : check.startedAt;
  const self = await ownLogin(gh, started.appSlug);
  const existing = await findStickyComment(gh, inputs.repo, pull.number, COMMENT_MARKER, self);
  const tampered = commentTampering(previous?.comment, existing && commentStateOf(existing));
  // Approvals given while the comment said something the gate didn't write don't count.
  const reviewedFrom = tampered ? check.startedAt : samePlan ? previous.reviewedFrom : reportedAt;
  if (tampered) workflowCommand('warning', `Steer: ${tampered}; it is restored, and approvals given before now don't count`);

  const prReviews = await reviews(gh, inputs.repo, pull.number);
  const approval = decideApproval(prReviews, await approvalRules(gh, config, prReviews), {
    prAuthor: pull.author.login,
    pushers: await pullPushers(gh, inputs.repo, pull.number),
    headSha: pull.headSha,
    reportedAt: reviewedFrom,
    verdict: report.verdict,
  });
  const conclusion = conclusionOf(report, approval);

  const notices = tampered ? [`⚠️ **${tampered}.** Steer restored the text it wrote; approvals given before ${reviewedFrom} don't count — approve again after reading this comment.`] : [];
  const body = commentBody(report, approval, agent, pull, reportedAt, notices);
  const written = await writeStickyComment(gh, inputs.repo, pull.number, existing?.id, body);
  await setLabels(gh, inputs.repo, pull.number, wantedLabels(report, approval), Object.values(LABELS));
  if (report.verdict === 'review' && !approval.approved) {
    const warning = await requestReviewers(gh, inputs.repo, pull.number, config.reviewers.users, config.reviewers.teams, pull.author.login);
    if (warning) workflowCommand('warning', `Steer: ${warning}`);
  }
  appendSummary(inputs.summaryFile, body);
  // Last: the check concludes only after everything else was written, with the record apply reads.
  const record = gateRecord({
    repository: `${inputs.repo.owner}/${inputs.repo.repo}`,
    pull,
    checkRunId: started.id,
    report,
    approval,
    conclusion,
    reportedAt,
    reviewedFrom,
    comment: commentStateOf(written),
    required: config.approvals.required,
    prReviews,
    policy: { path: inputs.configPath, sha256: policyDigest(config) },
    concludedAt: now().toISOString(),
  });
  await completeCheckRun(gh, inputs.repo, started.id, conclusion, {
    title: checkTitle(report, approval, conclusion),
    summary: `${checkSummary(report, approval, pull, reportedAt)}\n\n${encodeRecord(record, inputs.signingKey)}`,
    text: renderMarkdown(report, { maxLength: 60_000 }),
    annotations: annotations(report, inputs.workspace),
    startedAt: reportedAt,
  });
  return finish(conclusion, report, approval);
}

/** The newest record on this head that the gate itself wrote, or undefined. */
async function previousRecord(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent, started: StartedCheckRun): Promise<ApprovalRecord | undefined> {
  const runs = (await checkRunsFor(gh, inputs.repo, pull.headSha, CHECK_NAME)).filter((c) => c.id !== started.id && c.externalId && DIGEST_ID.test(c.externalId)).sort((a, b) => b.id - a.id);
  for (const run of runs) {
    const decoded = decodeRecord(run.summary);
    if (!('record' in decoded)) continue;
    const ours = inputs.signingKey ? signatureValid(inputs.signingKey, decoded) : run.appSlug !== null && run.appSlug === started.appSlug;
    const r = decoded.record;
    if (ours && r.checkRunId === run.id && r.headSha === pull.headSha && r.pull === pull.number && r.repository === `${inputs.repo.owner}/${inputs.repo.repo}`) return r;
  }
  return undefined;
}


/** workflow_dispatch (and other events without a pull request): analysis, outputs and summary only. */
async function analyzeOnly(inputs: ActionInputs): Promise<number> {
  const path = join(inputs.workspace, inputs.configPath);
  const { config } = await loadConfig(inputs.workspace, existsSync(path) ? path : undefined);
  const { files, renderings } = await expandPlans(inputs);
  const report = await planCheck({ inputs: files, renderings, config, tfBin: 'terraform', runsNoTool: true, agentAuthored: false, ...(inputs.env ? { env: inputs.env } : {}) });
  writeOutputs(inputs, report);
  appendSummary(inputs.summaryFile, renderMarkdown(report));
  return finish(report.verdict === 'allow' ? 'success' : report.verdict === 'block' ? 'failure' : 'action_required', report, undefined);
}

function writeOutputs(inputs: ActionInputs, report: Report): void {
  const reportPath = join(inputs.tempDir, 'steer-report.json');
  writeFileSync(reportPath, renderJson(report, 'action'));
  setOutput(inputs.outputFile, 'verdict', report.verdict);
  setOutput(inputs.outputFile, 'digest', report.digest);
  setOutput(inputs.outputFile, 'report', reportPath);
  writeSarifOutput(inputs, report);
}

function wantedLabels(report: Report, approval: ApprovalDecision): string[] {
  const destructive = report.plans.some((p) => p.changes.some(isDestructive));
  return [
    ...(destructive ? [LABELS.destroy] : []),
    ...(report.verdict === 'review' && !approval.approved ? [LABELS.review] : []),
    ...(report.verdict === 'review' && approval.approved ? [LABELS.approved] : []),
  ];
}

function finish(conclusion: Conclusion, report: Report, approval: ApprovalDecision | undefined): number {
  if (conclusion === 'success') return 0;
  const why = conclusion === 'failure' ? 'the plan is blocked' : `the plan needs ${approval?.needed ?? 1} approval(s) on this commit (digest ${report.digest.slice(0, 12)})`;
  workflowCommand('error', `Steer: ${VERDICT_TITLES[report.verdict]} — ${why}`);
  return 1;
}

/**
 * The run failed: conclude our check as failure (or create one), so no earlier green `steer`
 * check stays on top of this commit. Best effort — when GitHub itself is failing this fails too,
 * and the step still fails with the original error.
 */
async function reportFailure(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent, check: { id?: number; externalId: string; startedAt: string }, e: unknown): Promise<void> {
  const status = (e as { status?: number } | undefined)?.status;
  const message = e instanceof SteerError ? e.message : status ? `GitHub API ${status}: ${(e as Error).message}` : 'internal error (see the workflow log)';
  try {
    if (check.id !== undefined) await completeCheckRun(gh, inputs.repo, check.id, 'failure', failureOutput(message));
    else await createCompletedCheckRun(gh, inputs.repo, { name: CHECK_NAME, headSha: pull.headSha, externalId: check.externalId, startedAt: check.startedAt, ...(inputs.runUrl ? { detailsUrl: inputs.runUrl } : {}) }, 'failure', failureOutput(message));
  } catch (second) {
    workflowCommand('warning', `Steer: could not mark the steer check as failed: ${(second as Error | undefined)?.message ?? String(second)}`);
  }
}

/** steer.yml as it is on the base branch: the PR head is what an agent controls. */
function baseBranchConfig(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent): Promise<SteerConfig> {
  return configAt(gh, inputs.repo, inputs.configPath, pull.baseSha);
}

/** Findings about the pull request itself: policy, workflows, providers, and a file list GitHub cut short. */
async function pullRequestFindings(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent, report: Report): Promise<Finding[]> {
  const { files, truncated } = await changedFiles(gh, inputs.repo, pull.number);
  const production = report.plans.some((p) => p.production.length > 0 || p.changes.some((c) => c.production.length > 0));
  return fileFindings(files, { configPath: inputs.configPath, truncated, production });
}

/**
 * The plan files the inputs name. A saved plan with its `terraform show -json` rendering beside
 * it (`tfplan` and `tfplan.json`, made by the plan job) is read from the rendering — the gate
 * runs no terraform, so no provider the pull request chose — and bound to the saved plan's hash.
 */
async function expandPlans(inputs: ActionInputs): Promise<{ files: string[]; renderings: Record<string, string> }> {
  const files: string[] = [];
  for (const pattern of inputs.plans) {
    const hits = (await glob(pattern, { cwd: inputs.workspace, absolute: true, onlyFiles: false, expandDirectories: false })).sort();
    if (hits.length === 0) throw new UsageError(`input "plans": ${pattern} matches no file — a missing plan must not pass the gate`);
    files.push(...hits);
  }
  const renderings: Record<string, string> = {};
  for (const file of files) {
    if (!(await isSavedPlan(file))) continue;
    // `terraform show` of the pull request's plan would start the providers the pull request
    // chose, here, beside the write token and the signing key: the gate reads the rendering only.
    if (!existsSync(`${file}.json`)) throw new UsageError(`${file} is a saved plan without its rendering ${file}.json beside it: the gate never runs terraform on a pull request's plan — make the plan job write "terraform show -json" of it there`);
    renderings[file] = `${file}.json`;
  }
  const rendered = new Set(Object.values(renderings));
  return { files: [...new Set(files)].filter((f) => !rendered.has(f)), renderings };
}

