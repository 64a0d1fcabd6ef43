import { createInterface } from 'node:readline/promises';
import { RefusedError, UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { SteerConfig } from '../config/schema.js';
import { verifyApproval, type GateTrust, type LocalPlan } from '../core/approval.js';
import { findingKeys, policyDigest, signingKeyProblem } from '../core/approval-record.js';
import { isDestructive } from '../core/report.js';

/**
 * Before anything is executed: who approved this exact artifact? A block verdict is always
 * refused; allow needs no approval, but where a pull request is known, its gate's record must
 * name this artifact (the same rules, approvals aside); review needs the PR gate's record on the PR's current head
 * to name this artifact with the same digest and a verdict no milder than ours, approvals that
 * still hold when read again now (verifyApproval, core/approval.ts) — or, only on a terminal, a
 * human typing the workspace or stack name.
 */
export interface Approval {
  readonly source: 'github' | 'interactive' | 'not-needed';
  readonly approver: string;
  readonly detail: string;
}

/** Where the approval is read: a pull request by number, or the merged pull request that made a commit (a push after the merge). */
export interface GitHubTarget {
  readonly token: string;
  readonly apiUrl: string;
  readonly repo: { owner: string; repo: string };
  readonly pull?: number;
  readonly commit?: string;
  /** STEER_SIGNING_KEY: when set, only a record the PR gate signed with it counts. */
  readonly signingKey?: string;
}

export interface ApprovalGateOptions {
  readonly report: Report;
  /** What is about to run, pinned: `sha256:<hex>` of the saved plan file, or the change set ARN. */
  readonly artifact: string;
  /** What a human must type on a terminal: the workspace or stack name. */
  readonly confirmName: string;
  /** The policy where apply runs: approval rules, and who may write the gate's check (approvals.gateApp, trustUnsignedChecks). */
  readonly config: SteerConfig;
  readonly github?: GitHubTarget;
  readonly now?: () => Date;
  /** Every finding here must be among those the gate reported (a saved plan, whose rendering the pull request's plan job wrote). */
  readonly findingsShown?: boolean;
}

export async function requireApproval(o: ApprovalGateOptions): Promise<Approval> {
  const { report } = o;
  if (report.verdict === 'block') throw new RefusedError(`the plan is blocked (digest ${report.digest}): ${report.findings[0]?.message ?? ''}`, 3);
  // Where a pull request is known, even a plan Steer allows must be the one its gate judged: an
  // artifact of the same name from another workflow run is not what the reviewers were shown.
  if (report.verdict === 'allow' && !o.github) return { source: 'not-needed', approver: '-', detail: 'verdict allow needs no approval' };
  const refusals: string[] = [];
  if (o.github) {
    const found = await gitHubApproval(o, o.github);
    if ('approver' in found) return found;
    if (found.exitCode === 3 || report.verdict === 'allow') throw new RefusedError(report.verdict === 'allow' ? `no valid record of the pull request's gate for ${o.artifact} (digest ${report.digest}): ${found.refused}` : found.refused, found.exitCode);
    refusals.push(found.refused);
  } else {
    refusals.push('no pull request to read an approval from (--github-pr, or run in a pull_request workflow)');
  }
  if (process.stdin.isTTY && process.stderr.isTTY) return interactiveApproval(o);
  refusals.push('not a terminal, so no interactive approval');
  throw new RefusedError(`review required and no valid approval for ${o.artifact} (digest ${report.digest}): ${refusals.join('; ')}`, 2);
}

/** The facts from GitHub, then the one verifier of core/approval.ts. */
async function gitHubApproval(o: ApprovalGateOptions, g: GitHubTarget): Promise<Approval | { refused: string; exitCode: 2 | 3 }> {
  const { gitHubClient } = await import('../adapters/github/client.js');
  const { gatherApplyFacts } = await import('../adapters/github/approval-facts.js');
  const gh = gitHubClient(g.token, g.apiUrl, { retryBaseMs: Number(process.env.STEER_GITHUB_RETRY_BASE_MS ?? 1000) });
  const local: LocalPlan = {
    artifact: o.artifact,
    digest: o.report.digest,
    verdict: o.report.verdict,
    reasons: o.report.findings.filter((f) => f.severity !== 'info').map((f) => f.message),
    policy: policyDigest(o.config),
    ...(o.findingsShown ? { findings: findingKeys(o.report.findings) } : {}),
  };
  const trust: GateTrust = {
    signingKey: g.signingKey !== undefined,
    ...(o.config.approvals.gateApp ? { gateApp: o.config.approvals.gateApp } : {}),
    trustUnsigned: o.config.approvals.trustUnsignedChecks,
    requireSignature: o.config.approvals.signedChecks,
  };
  const facts = await gatherApplyFacts(gh, {
    repo: g.repo,
    ...(g.pull !== undefined ? { pull: g.pull } : { commit: g.commit! }),
    local,
    ...(g.signingKey ? { signingKey: g.signingKey } : {}),
    trust,
    config: o.config,
    now: o.now?.() ?? new Date(),
  });
  if ('refused' in facts) return { refused: facts.refused, exitCode: 2 };
  const decision = verifyApproval(facts);
  if (!decision.ok) return { refused: decision.reason, exitCode: decision.exitCode };
  for (const w of decision.warnings) process.stderr.write(`steer: WARNING: ${w}\n`);
  return { source: 'github', approver: decision.approvers.join(', ') || '-', detail: decision.detail };
}

async function interactiveApproval(o: ApprovalGateOptions): Promise<Approval> {
  const risky = o.report.plans.flatMap((p) => p.changes.filter(isDestructive));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write(`\n${risky.length} destructive change(s) above. Digest ${o.report.digest}.\n`);
    const typed = (await rl.question(`Type the name "${o.confirmName}" to approve and execute this exact plan: `)).trim();
    if (typed !== o.confirmName) throw new RefusedError(`"${typed}" is not "${o.confirmName}": not approved`, 2);
    return { source: 'interactive', approver: process.env.USER ?? 'terminal user', detail: `typed "${o.confirmName}" on a terminal` };
  } finally {
    rl.close();
  }
}

/**
 * Where to read the approval: --github-pr, else the workflow's pull request event, else — in a
 * push workflow (after a merge) — the merged pull request that made GITHUB_SHA.
 */
export function gitHubTarget(pullOption: string | undefined, env: NodeJS.ProcessEnv, eventPull: number | undefined): GitHubTarget | undefined {
  const pull = pullOption !== undefined ? Number(pullOption) : eventPull;
  const commit = pull === undefined && env.GITHUB_EVENT_NAME === 'push' && /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : undefined;
  if (pull === undefined && commit === undefined) return undefined;
  if (pull !== undefined && (!Number.isInteger(pull) || pull <= 0)) throw new UsageError(`--github-pr expects a pull request number, got "${pullOption}"`);
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) throw new UsageError('reading a GitHub approval needs GITHUB_TOKEN (or GH_TOKEN) and GITHUB_REPOSITORY');
  const weak = env.STEER_SIGNING_KEY ? signingKeyProblem(env.STEER_SIGNING_KEY, 'STEER_SIGNING_KEY') : undefined;
  if (weak) throw new UsageError(weak);
  const signingKey = env.STEER_SIGNING_KEY ? { signingKey: env.STEER_SIGNING_KEY } : {};
  return { token, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repo: { owner, repo }, ...(pull !== undefined ? { pull } : { commit: commit! }), ...signingKey };
}
