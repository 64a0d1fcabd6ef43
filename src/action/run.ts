import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { gitHubClient, type GitHub } from '../adapters/github/client.js';
import { checkRunsFor, createCheckRun, requestReviewers, setLabels, upsertStickyComment } from '../adapters/github/pr-outputs.js';
import { changedFiles, commitMessages, fileAt, isTeamMember, ownLogin, reviews } from '../adapters/github/pull-request.js';
import { appendSummary, setOutput, workflowCommand } from '../adapters/github/runner-files.js';
import { CONFIG_FILE_NAMES, loadConfig } from '../app/load-config.js';
import { planCheck } from '../app/plan-check.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { parseConfig } from '../config/parse.js';
import type { SteerConfig } from '../config/schema.js';
import { agentAuthorship, type AgentEvidence } from '../core/agents.js';
import { decideApproval, type ApprovalDecision } from '../core/approval.js';
import { UsageError } from '../core/errors.js';
import { isDestructive, withFindings, type Finding, type Report } from '../core/report.js';
import { renderJson } from '../render/json.js';
import { code, MARKDOWN_LIMIT, renderMarkdown } from '../render/markdown.js';
import { VERDICT_TITLES } from '../render/summary.js';
import type { ActionInputs, PullRequestEvent } from './inputs.js';

export const CHECK_NAME = 'steer';
export const COMMENT_MARKER = '<!-- steer:pull-request-gate -->';
export const LABELS = { destroy: 'steer:destroy', review: 'steer:review-required', approved: 'steer:approved' } as const;

type Conclusion = 'success' | 'failure' | 'action_required';

/**
 * The pull-request gate: analyze the plans the workflow produced, with the policy from the BASE
 * branch, then comment, check, label. Returns the step's exit code: 0 only when the check passes.
 */
export async function runAction(inputs: ActionInputs, now: () => Date = () => new Date()): Promise<number> {
  const gh = gitHubClient(inputs.token, inputs.apiUrl, { retryBaseMs: Number(process.env.STEER_GITHUB_RETRY_BASE_MS ?? 1000) });
  const pull = inputs.pull;
  const config = pull ? await baseBranchConfig(gh, inputs, pull) : await workspaceConfig(inputs);
  const files = await expandPlans(inputs);

  const agent: AgentEvidence = pull
    ? agentAuthorship(pull.author, await commitMessages(gh, inputs.repo, pull.number), config.agents.logins)
    : { agent: false, reasons: [] };
  let report = await planCheck({ inputs: files, config, tfBin: 'terraform', agentAuthored: agent.agent, ...(inputs.env ? { env: inputs.env } : {}) });
  if (pull) report = withFindings(report, await policyChangeFindings(gh, inputs, pull));

  const reportPath = join(inputs.tempDir, 'steer-report.json');
  writeFileSync(reportPath, renderJson(report, 'action'));
  setOutput(inputs.outputFile, 'verdict', report.verdict);
  setOutput(inputs.outputFile, 'digest', report.digest);
  setOutput(inputs.outputFile, 'report', reportPath);

  if (!pull) {
    appendSummary(inputs.summaryFile, renderMarkdown(report));
    return finish(report.verdict === 'allow' ? 'success' : report.verdict === 'block' ? 'failure' : 'action_required', report, undefined);
  }

  // The digest is bound to the head commit: approvals must come after it was first reported there.
  const externalId = `steer:${report.digest}`;
  const earlier = (await checkRunsFor(gh, inputs.repo, pull.headSha, CHECK_NAME)).filter((c) => c.externalId === externalId && c.startedAt);
  const reportedAt = earlier.map((c) => c.startedAt!).sort()[0] ?? now().toISOString();
  const prReviews = await reviews(gh, inputs.repo, pull.number);
  const approvers = await allowedApprovers(gh, config, prReviews.filter((r) => r.state === 'APPROVED').map((r) => r.login));
  const approval = decideApproval(prReviews, { required: config.approvals.required, users: approvers, restricted: config.approvals.users.length + config.approvals.teams.length > 0, agentLogins: config.agents.logins }, {
    prAuthor: pull.author.login,
    headSha: pull.headSha,
    reportedAt,
    verdict: report.verdict,
  });
  const conclusion: Conclusion = report.verdict === 'allow' || approval.approved ? 'success' : report.verdict === 'block' ? 'failure' : 'action_required';

  const body = commentBody(report, approval, agent, pull, reportedAt);
  await upsertStickyComment(gh, inputs.repo, pull.number, COMMENT_MARKER, await ownLogin(gh), body);
  await createCheckRun(gh, inputs.repo, {
    name: CHECK_NAME,
    headSha: pull.headSha,
    externalId,
    startedAt: reportedAt,
    conclusion,
    title: checkTitle(report, approval, conclusion),
    summary: `Verdict **${report.verdict}** · digest \`${report.digest}\` · head \`${pull.headSha}\` · base \`${pull.baseRef}\` at \`${pull.baseSha}\` · reported ${reportedAt}\n\n${approvalLine(report, approval)}`,
    text: renderMarkdown(report, { maxLength: 60_000 }),
    annotations: annotations(report, inputs.workspace),
    ...(inputs.runUrl ? { detailsUrl: inputs.runUrl } : {}),
  });
  const destructive = report.plans.some((p) => p.changes.some(isDestructive));
  const wanted = [
    ...(destructive ? [LABELS.destroy] : []),
    ...(report.verdict === 'review' && !approval.approved ? [LABELS.review] : []),
    ...(report.verdict === 'review' && approval.approved ? [LABELS.approved] : []),
  ];
  await setLabels(gh, inputs.repo, pull.number, wanted, Object.values(LABELS));
  if (report.verdict === 'review' && !approval.approved) {
    await requestReviewers(gh, inputs.repo, pull.number, config.reviewers.users, config.reviewers.teams, pull.author.login);
  }
  appendSummary(inputs.summaryFile, body);
  return finish(conclusion, report, approval);
}

function finish(conclusion: Conclusion, report: Report, approval: ApprovalDecision | undefined): number {
  if (conclusion === 'success') return 0;
  const why = conclusion === 'failure' ? 'the plan is blocked' : `the plan needs ${approval?.needed ?? 1} approval(s) on this commit (digest ${report.digest.slice(0, 12)})`;
  workflowCommand('error', `Steer: ${VERDICT_TITLES[report.verdict]} — ${why}`);
  return 1;
}

/** steer.yml as it is on the base branch: the PR head is what an agent controls. */
async function baseBranchConfig(gh: GitHub, inputs: ActionInputs, pull: PullRequestEvent): Promise<SteerConfig> {
  const text = await fileAt(gh, inputs.repo, inputs.configPath, pull.baseSha);
  return text === undefined ? DEFAULT_CONFIG : parseConfig(text, `${inputs.configPath} (base ${pull.baseSha.slice(0, 7)})`);
}

/** Without a pull request (workflow_dispatch) the checked-out policy is used, or the defaults. */
async function workspaceConfig(inputs: ActionInputs): Promise<SteerConfig> {
  const path = join(inputs.workspace, inputs.configPath);
  return (await loadConfig(inputs.workspace, existsSync(path) ? path : undefined)).config;
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

function checkTitle(report: Report, approval: ApprovalDecision, conclusion: Conclusion): string {
  if (conclusion === 'success') return report.verdict === 'allow' ? 'Allowed: nothing needs a human' : `Approved by ${approval.approvers.join(', ')}`;
  return report.verdict === 'block' ? 'Blocked' : `Review required: ${approval.approvers.length}/${approval.needed} approval(s)`;
}

function approvalLine(report: Report, approval: ApprovalDecision): string {
  if (report.verdict === 'allow') return 'No approval needed.';
  if (report.verdict === 'block') return 'A blocked plan cannot be approved in the pull request.';
  const who = approval.approvers.length > 0 ? `Approved by ${approval.approvers.map(code).join(', ')}` : 'Not approved yet';
  const not = approval.rejected.length > 0 ? `\n\nNot counted: ${approval.rejected.map((r) => code(r)).join('; ')}` : '';
  return `${who} (${approval.approvers.length}/${approval.needed}).${not}`;
}

function commentBody(report: Report, approval: ApprovalDecision, agent: AgentEvidence, pull: PullRequestEvent, reportedAt: string): string {
  const head = [
    COMMENT_MARKER,
    ...(agent.agent ? [`> 🤖 **Agent-authored pull request**: ${agent.reasons.map((r) => code(r)).join('; ')}.\n`] : []),
    `**Approval:** ${approvalLine(report, approval)}`,
    `<sub>Plan for head ${code(pull.headSha.slice(0, 12))}, reported ${reportedAt}. Approve the pull request on this commit to approve this plan; a new commit or a new plan needs a new approval.</sub>\n`,
  ].join('\n');
  return `${head}\n${renderMarkdown(report, { maxLength: MARKDOWN_LIMIT - head.length - 100 })}`;
}

/** One annotation per risky change, on the plan file it came from (the only file we know). */
function annotations(report: Report, workspace: string): Parameters<typeof createCheckRun>[2]['annotations'] {
  const out: { path: string; start_line: number; end_line: number; annotation_level: 'warning' | 'failure'; message: string; title: string }[] = [];
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
