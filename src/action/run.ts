import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { gitHubClient, type GitHub } from '../adapters/github/client.js';
import { checkRunsFor, completeCheckRun, type CheckRunSummary, createCompletedCheckRun, requestReviewers, setLabels, startCheckRun, upsertStickyComment } from '../adapters/github/pr-outputs.js';
import { changedFiles, fileAt, isTeamMember, ownLogin, pullCommits, reviews } from '../adapters/github/pull-request.js';
import { appendSummary, setOutput, workflowCommand } from '../adapters/github/runner-files.js';
import { CONFIG_FILE_NAMES, loadConfig } from '../app/load-config.js';
import { planCheck } from '../app/plan-check.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { parseConfig } from '../config/parse.js';
import type { SteerConfig } from '../config/schema.js';
import { agentAuthorship } from '../core/agents.js';
import { checkFields, signatureIn, signatureLine, signCheck, verifyCheck, type CheckRunFields, type SignedCheck } from '../core/check-signature.js';
import { decideApproval, type ApprovalDecision } from '../core/approval.js';
import { SteerError, UsageError } from '../core/errors.js';
import { isDestructive, withFindings, type Finding, type Report } from '../core/report.js';
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
    return await gate(gh, inputs, pull, check);
  } catch (e) {
    await reportFailure(gh, inputs, pull, check, e);
    throw e;
  }
}

async function gate(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent, check: { id?: number; externalId: string; startedAt: string }): Promise<number> {
  const config = await baseBranchConfig(gh, inputs, pull);
  const files = await expandPlans(inputs);
  const agent = agentAuthorship(pull.author, await pullCommits(gh, inputs.repo, pull.number), config.agents.logins);
  let report = await planCheck({ inputs: files, config, tfBin: 'terraform', agentAuthored: agent.agent, ...(inputs.env ? { env: inputs.env } : {}) });
  report = withFindings(report, await policyChangeFindings(gh, inputs, pull));
  writeOutputs(inputs, report);

  // The digest is bound to the head commit: approvals must come after it was first reported
  // there. The latest report on this head with the same digest keeps its time; a new digest, or
  // a new head, starts a new one.
  check.externalId = `steer:${report.digest}`;
  const previous = (await checkRunsFor(gh, inputs.repo, pull.headSha, CHECK_NAME)).filter((c) => c.externalId && DIGEST_ID.test(c.externalId)).sort((a, b) => b.id - a.id)[0];
  // With a signing key, only a run the gate signed may carry the time over (another workflow's run could date it earlier).
  if (previous?.externalId === check.externalId && previous.startedAt && (!inputs.signingKey || signedByGate(inputs, inputs.signingKey, pull, report.digest, previous))) check.startedAt = previous.startedAt;
  const reportedAt = check.startedAt;
  const started = await startCheckRun(gh, inputs.repo, { name: CHECK_NAME, headSha: pull.headSha, externalId: check.externalId, startedAt: reportedAt, ...(inputs.runUrl ? { detailsUrl: inputs.runUrl } : {}) });
  check.id = started.id;

  const prReviews = await reviews(gh, inputs.repo, pull.number);
  const approvers = await allowedApprovers(gh, config, prReviews.filter((r) => r.state === 'APPROVED').map((r) => r.login));
  const restricted = config.approvals.users.length + config.approvals.teams.length > 0;
  const approval = decideApproval(prReviews, { required: config.approvals.required, users: approvers, restricted, agentLogins: config.agents.logins }, {
    prAuthor: pull.author.login,
    headSha: pull.headSha,
    reportedAt,
    verdict: report.verdict,
  });
  const conclusion = conclusionOf(report, approval);

  const body = commentBody(report, approval, agent, pull, reportedAt);
  await upsertStickyComment(gh, inputs.repo, pull.number, COMMENT_MARKER, await ownLogin(gh, started.appSlug), body);
  await setLabels(gh, inputs.repo, pull.number, wantedLabels(report, approval), Object.values(LABELS));
  if (report.verdict === 'review' && !approval.approved) {
    const warning = await requestReviewers(gh, inputs.repo, pull.number, config.reviewers.users, config.reviewers.teams, pull.author.login);
    if (warning) workflowCommand('warning', `Steer: ${warning}`);
  }
  appendSummary(inputs.summaryFile, body);
  // Last: the check concludes only after everything else was written.
  const title = checkTitle(report, approval, conclusion).slice(0, 255); // as GitHub stores it: the signature covers it
  const summary = checkSummary(report, approval, pull, reportedAt);
  const signed = inputs.signingKey
    ? `${summary}\n\n${signatureLine(signCheck(inputs.signingKey, signedFields(inputs, pull, report.digest, { id: started.id, conclusion, title, startedAt: reportedAt })))}`
    : summary;
  await completeCheckRun(gh, inputs.repo, started.id, conclusion, {
    title,
    summary: signed,
    text: renderMarkdown(report, { maxLength: 60_000 }),
    annotations: annotations(report, inputs.workspace),
  });
  return finish(conclusion, report, approval);
}

/** workflow_dispatch (and other events without a pull request): analysis, outputs and summary only. */
async function analyzeOnly(inputs: ActionInputs): Promise<number> {
  const path = join(inputs.workspace, inputs.configPath);
  const { config } = await loadConfig(inputs.workspace, existsSync(path) ? path : undefined);
  const report = await planCheck({ inputs: await expandPlans(inputs), config, tfBin: 'terraform', agentAuthored: false, ...(inputs.env ? { env: inputs.env } : {}) });
  writeOutputs(inputs, report);
  appendSummary(inputs.summaryFile, renderMarkdown(report));
  return finish(report.verdict === 'allow' ? 'success' : report.verdict === 'block' ? 'failure' : 'action_required', report, undefined);
}

function signedByGate(inputs: ActionInputs, key: string, pull: PullRequestEvent, digest: string, run: CheckRunSummary): boolean {
  return verifyCheck(key, signedFields(inputs, pull, digest, run), signatureIn(run.summary));
}

/** What the gate signs about one of its check runs on this pull request's head. */
function signedFields(inputs: ActionInputs, pull: PullRequestEvent, digest: string, run: CheckRunFields): SignedCheck {
  return checkFields(`${inputs.repo.owner}/${inputs.repo.repo}`, run, pull.headSha, digest, { ref: pull.baseRef, sha: pull.baseSha });
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
async function baseBranchConfig(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent): Promise<SteerConfig> {
  const text = await fileAt(gh, inputs.repo, inputs.configPath, pull.baseSha);
  return text === undefined ? DEFAULT_CONFIG : parseConfig(text, `${inputs.configPath} (base ${pull.baseSha.slice(0, 7)})`);
}

async function policyChangeFindings(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent): Promise<Finding[]> {
  const policyFiles = new Set([inputs.configPath, ...CONFIG_FILE_NAMES]);
  const files = await changedFiles(gh, inputs.repo, pull.number);
  const policy = files.filter((f) => policyFiles.has(f)).map((f) => ({
    code: 'STEER-POLICY-CHANGED' as const,
    severity: 'review' as const,
    message: `This pull request changes the Steer policy ${f}; the gate used the base branch's copy, and a human must review the policy change.`,
    plan: 0,
  }));
  // Workflows from a pull request run on pull_request and pull_request_review events: a changed
  // workflow could run a different gate, or create a check named steer itself.
  const workflows = files.filter((f) => /^\.github\/(workflows|actions)\//.test(f)).map((f) => ({
    code: 'STEER-WORKFLOW-CHANGED' as const,
    severity: 'review' as const,
    message: `This pull request changes ${f}; workflows can change what the gate checks, so a human must review it.`,
    plan: 0,
  }));
  return [...policy, ...workflows];
}

async function expandPlans(inputs: ActionInputs): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of inputs.plans) {
    const hits = (await glob(pattern, { cwd: inputs.workspace, absolute: true, onlyFiles: false, expandDirectories: false })).sort();
    if (hits.length === 0) throw new UsageError(`input "plans": ${pattern} matches no file — a missing plan must not pass the gate`);
    files.push(...hits);
  }
  return files;
}

/** approvals.users, plus the reviewers who belong to one of approvals.teams. */
async function allowedApprovers(gh: GitHub, config: SteerConfig, candidates: readonly string[]): Promise<string[]> {
  const allowed = [...config.approvals.users];
  for (const login of new Set(candidates)) {
    for (const team of config.approvals.teams) {
      if (await isTeamMember(gh, team, login)) {
        allowed.push(login);
        break;
      }
    }
  }
  return allowed;
}
