import { createInterface } from 'node:readline/promises';
import { RefusedError, UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { CheckRunApproval } from '../adapters/github/approval-lookup.js';
import { checkFields, recordedBase, signatureIn, verifyCheck } from '../core/check-signature.js';
import { mergedOntoReviewedBase } from '../core/merge-check.js';
import { isDestructive } from '../core/report.js';

/**
 * Before anything is executed: who approved this exact plan (digest)? A block verdict is always
 * refused; allow needs no approval; review needs the PR's `steer` check to have passed for this
 * digest on the PR's current head (not older than the configured age), or — only on a terminal —
 * a human typing the workspace or stack name.
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
  /** STEER_SIGNING_KEY: when set, only a steer check the PR gate signed with it counts. */
  readonly signingKey?: string;
}

export interface ApprovalGateOptions {
  readonly report: Report;
  /** What a human must type on a terminal: the workspace or stack name. */
  readonly confirmName: string;
  readonly maxAgeHours: number;
  /** approvals.signedChecks: a check without a valid signature never counts. */
  readonly requireSignature?: boolean;
  readonly github?: GitHubTarget;
  readonly now?: () => Date;
}

/** Clocks disagree a little; a completion time further ahead than this is forged. */
const CLOCK_SKEW_HOURS = 5 / 60;

/** GitHub Actions creates the check runs of the PR gate; another app's `steer` check is not ours. */
const TRUSTED_CHECK_APPS = ['github-actions'];

export async function requireApproval(o: ApprovalGateOptions): Promise<Approval> {
  const { report } = o;
  if (report.verdict === 'block') throw new RefusedError(`the plan is blocked (digest ${report.digest}): ${report.findings[0]?.message ?? ''}`, 3);
  if (report.verdict === 'allow') return { source: 'not-needed', approver: '-', detail: 'verdict allow needs no approval' };
  const refusals: string[] = [];
  if (o.github) {
    const found = await gitHubApproval(o, o.github);
    if ('approver' in found) return found;
    refusals.push(found.refused);
  } else {
    refusals.push('no pull request to read an approval from (--github-pr, or run in a pull_request workflow)');
  }
  if (process.stdin.isTTY && process.stderr.isTTY) return interactiveApproval(o);
  refusals.push('not a terminal, so no interactive approval');
  throw new RefusedError(`review required and no valid approval for digest ${report.digest}: ${refusals.join('; ')}`, 2);
}

async function gitHubApproval(o: ApprovalGateOptions, g: GitHubTarget): Promise<Approval | { refused: string }> {
  const { gitHubClient } = await import('../adapters/github/client.js');
  const lookup = await import('../adapters/github/approval-lookup.js');
  const gh = gitHubClient(g.token, g.apiUrl, { retryBaseMs: Number(process.env.STEER_GITHUB_RETRY_BASE_MS ?? 1000) });
  const number = g.pull ?? (await lookup.mergedPullOf(gh, g.repo, g.commit!));
  if (number === undefined) return { refused: `no merged pull request made commit ${g.commit!.slice(0, 7)} (--github-pr names one)` };
  const pr = await lookup.pullState(gh, g.repo, number);
  if (pr.state === 'closed' && !pr.merged) return { refused: `pull request #${number} was closed without being merged` };
  const head = pr.headSha;
  // The newest steer check on the head is the gate's last word: it must be about this plan.
  const check = await lookup.newestSteerCheck(gh, g.repo, head);
  if (!check || check.externalId !== `steer:${o.report.digest}`) return { refused: `no steer check on the head of #${number} (${head.slice(0, 7)}) carries this digest${check ? ' as its newest run' : ''}: the plan changed, or the head moved, since it was reviewed` };
  if (check.status !== 'completed') return { refused: `the steer check on #${number} is still ${check.status}: wait for the PR gate` };
  if (!check.appSlug || !TRUSTED_CHECK_APPS.includes(check.appSlug)) return { refused: `the steer check on #${number} was not created by GitHub Actions (${check.appSlug ?? 'no app'})` };
  if (check.conclusion !== 'success') return { refused: `the steer check on #${number} is ${check.conclusion ?? 'pending'}, not approved` };
  // The plan was reviewed against a base commit; what gets applied must have been made from it.
  const base = recordedBase(check.summary);
  if (!base) return { refused: `the steer check on #${number} does not record its base branch: run the PR gate again` };
  const { ref: baseRef, sha: baseSha } = base;
  const unsigned = signatureProblem(o, g, check, number, head, base);
  if (unsigned) return { refused: unsigned };
  const age = ((o.now?.() ?? new Date()).getTime() - Date.parse(check.completedAt ?? '')) / 3_600_000;
  if (age < -CLOCK_SKEW_HOURS) return { refused: `the steer check on #${number} says it completed in the future (${check.completedAt}): not a check the gate wrote` };
  if (!(age <= o.maxAgeHours)) return { refused: `the approval on #${number} is ${Number.isFinite(age) ? `${age.toFixed(1)} h` : 'of unknown age'} old (limit ${o.maxAgeHours} h): review again` };
  // The plan was made from the head; it reflects the reviewed base only if the head contains it.
  if (!(await lookup.isAncestor(gh, g.repo, baseSha, head))) return { refused: `the head of #${number} (${head.slice(0, 7)}) does not contain the base ${baseRef} at ${baseSha.slice(0, 7)} it was reviewed against (the branch was behind): its plan misses changes of ${baseRef}; update the branch and plan again` };
  let where: string;
  if (pr.merged) {
    // After the merge: the merge must sit directly on the reviewed base (nothing else landed between).
    if (!pr.mergeCommitSha) return { refused: `GitHub does not give the merge commit of #${number}` };
    const merge = mergedOntoReviewedBase(baseSha, pr.mergeCommitSha, await lookup.commitsBetween(gh, g.repo, baseSha, pr.mergeCommitSha), await lookup.pullCommitList(gh, g.repo, number));
    if (!merge.ok) return { refused: `#${number} was merged, but ${merge.reason}: plan and approve again` };
    where = `merged pull request #${number} (head ${head}, merged by ${merge.method} as ${pr.mergeCommitSha} onto ${baseRef} at ${baseSha})`;
  } else {
    const tip = await lookup.branchTip(gh, g.repo, baseRef);
    if (tip !== baseSha) return { refused: `the base branch ${baseRef} moved since the plan was approved (${baseSha.slice(0, 7)} → ${tip?.slice(0, 7) ?? 'gone'}): update the pull request and plan again` };
    where = `steer check on pull request #${number} at ${head}`;
  }
  const approver = /^Approved by (.+)$/.exec(check.title ?? '')?.[1] ?? 'unknown';
  return { source: 'github', approver, detail: where };
}

/** With a signing key (or approvals.signedChecks), the check must carry the PR gate's signature over what it says. */
function signatureProblem(o: ApprovalGateOptions, g: GitHubTarget, check: CheckRunApproval, number: number, head: string, base: { ref: string; sha: string }): string | undefined {
  if (!g.signingKey) return o.requireSignature ? 'approvals.signedChecks is set, but STEER_SIGNING_KEY is not: give the key the PR gate signs with' : undefined;
  const signed = checkFields(`${g.repo.owner}/${g.repo.repo}`, check, head, o.report.digest, base);
  if (verifyCheck(g.signingKey, signed, signatureIn(check.summary))) return undefined;
  return `the steer check on #${number} does not carry a valid signature of the PR gate (${signatureIn(check.summary) ? 'it does not verify' : 'none'}): it was not written by the gate, or by one with another key`;
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
  const signingKey = env.STEER_SIGNING_KEY ? { signingKey: env.STEER_SIGNING_KEY } : {};
  return { token, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repo: { owner, repo }, ...(pull !== undefined ? { pull } : { commit: commit! }), ...signingKey };
}
