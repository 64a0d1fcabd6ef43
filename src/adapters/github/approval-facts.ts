import { sha256Hex } from '../../core/digest.js';
import { decodeRecord, policyDigest, signatureValid } from '../../core/approval-record.js';
import type { ApplyFacts, CommentState, GateTrust, LocalPlan } from '../../core/approval.js';
import { mergedOntoReviewedBase, type ChainCommit, type PullCommit } from '../../core/merge-check.js';
import type { SteerConfig } from '../../config/schema.js';
import { ConfigError } from '../../core/errors.js';
import { requiredCheckGap } from './branch-rules.js';
import type { GitHub } from './client.js';
import type { StickyComment } from './pr-outputs.js';
import { approvalRules, configAt, reviews, type Repo } from './pull-request.js';

/**
 * Everything apply/execute need to judge the PR gate's approval (core/approval.ts
 * verifyApproval), read from GitHub first; nothing here decides.
 */
export interface FactsRequest {
  readonly repo: Repo;
  readonly pull?: number;
  /** After a merge: the commit the merge made (GITHUB_SHA of the push). */
  readonly commit?: string;
  readonly local: LocalPlan;
  readonly signingKey?: string;
  readonly trust: GateTrust;
  readonly config: SteerConfig;
  readonly now: Date;
}

export async function gatherApplyFacts(gh: GitHub, req: FactsRequest): Promise<ApplyFacts | { readonly refused: string }> {
  const { repo: r } = req;
  const number = req.pull ?? (await mergedPullOf(gh, r, req.commit!));
  if (number === undefined) return { refused: `no merged pull request made commit ${req.commit!.slice(0, 7)} (--github-pr names one)` };
  const pr = await pullState(gh, r, number);
  const check = await newestSteerCheck(gh, r, pr.headSha);
  const record = check ? decodeRecord(check.summary) : undefined;
  const signature = !req.signingKey ? 'no-key' : record && 'record' in record && signatureValid(req.signingKey, record) ? 'valid' : 'invalid';
  const prReviews = await reviews(gh, r, number);
  const facts: ApplyFacts = {
    repository: `${r.owner}/${r.repo}`,
    local: req.local,
    pull: { number, state: pr.state, merged: pr.merged, headSha: pr.headSha, author: pr.author },
    ...(check ? { check: { id: check.id, status: check.status, conclusion: check.conclusion, appSlug: check.appSlug, completedAt: check.completedAt } } : {}),
    ...(record ? { record } : {}),
    signature,
    trust: req.trust,
    reviews: prReviews,
    pushers: await pullPushers(gh, r, number, pr.head),
    rules: await approvalRules(gh, req.config, prReviews),
    mergeRuleGap: await requiredCheckGap(gh, r, pr.baseRef, 'steer'),
    now: req.now,
    maxAgeHours: req.config.approvals.maxAgeHours,
  };
  if (!record || !('record' in record)) return facts;
  const { base, comment, policy } = record.record;
  const current = comment ? await commentState(gh, r, comment.id) : undefined;
  const basePolicy = await policyAt(gh, r, policy.path, base.sha);
  const baseContained = /^[0-9a-f]{40}$/.test(base.sha) && (await isAncestor(gh, r, base.sha, pr.headSha));
  let place: ApplyFacts['place'];
  if (pr.merged) {
    if (!pr.mergeCommitSha) place = { merged: true, merge: { ok: false, reason: 'GitHub does not give its merge commit' } };
    else {
      const merge = mergedOntoReviewedBase(base.sha, pr.mergeCommitSha, await commitsBetween(gh, r, base.sha, pr.mergeCommitSha), await pullCommitList(gh, r, number));
      place = { merged: true, merge: merge.ok ? { ok: true, method: merge.method, mergeCommit: pr.mergeCommitSha } : merge };
    }
  } else {
    place = { merged: false, baseTip: await branchTip(gh, r, base.ref) };
  }
  return { ...facts, ...(current ? { comment: current } : {}), basePolicy, baseContained, place };
}

/**
 * The policy file at a commit, as the gate reads it there: parsed (the defaults when it is
 * absent) and digested. An invalid file is a problem, never the defaults.
 */
export async function policyAt(gh: GitHub, r: Repo, path: string, sha: string): Promise<{ sha256: string } | { problem: string }> {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) return { problem: 'the record names no commit' };
  try {
    return { sha256: policyDigest(await configAt(gh, r, path, sha)) };
  } catch (e) {
    if (e instanceof ConfigError) return { problem: e.message };
    throw e;
  }
}

/** GitHub's own committer for web edits and merges: not a person who pushed. */
const GITHUB_COMMITTERS = new Set(['web-flow', 'github']);

/**
 * Who pushed to the pull request: GitHub's record of pushes to its head branch (the repository
 * activity API, the pusher — what GitHub's "most recent push" rule looks at), and everyone GitHub
 * names as author or committer of its commits. None of them may approve the plan those commits made.
 */
export async function pullPushers(gh: GitHub, r: Repo, pull: number, head?: PullHead): Promise<string[]> {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...r, pull_number: pull, per_page: 100 });
  const logins = commits.flatMap((c) => [c.author?.login, c.committer?.login]);
  const { repo, ref } = head ?? (await pullState(gh, r, pull)).head;
  if (repo) logins.push(...(await branchPushers(gh, repo, ref)));
  return [...new Set(logins.filter((l): l is string => !!l && !GITHUB_COMMITTERS.has(l.toLowerCase())))];
}

/**
 * The actors of pushes to a branch. A head repository whose activity this token can't read (a
 * private fork) adds none; a rate limit (GitHub answers 403 for those too) is an error, never
 * "nobody pushed".
 */
async function branchPushers(gh: GitHub, r: Repo, branch: string): Promise<string[]> {
  try {
    const activity = await gh.paginate(gh.rest.repos.listActivities, { ...r, ref: `refs/heads/${branch}`, per_page: 100 });
    return activity.filter((a) => a.activity_type === 'push' || a.activity_type === 'force_push').flatMap((a) => (a.actor?.login ? [a.actor.login] : []));
  } catch (e) {
    const status = (e as { status?: number }).status;
    if ((status === 404 || status === 403) && !isRateLimit(e)) return [];
    throw e;
  }
}

/** A 403 or 429 that says a rate limit was hit (primary: no requests left; secondary: GitHub's message). */
export function isRateLimit(e: unknown): boolean {
  const err = e as { status?: number; message?: unknown; response?: { headers?: Record<string, unknown>; data?: { message?: unknown } } };
  if (err.status === 429) return true;
  if (err.status !== 403) return false;
  if (String(err.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0') return true;
  return /rate limit/i.test(`${String(err.message ?? '')} ${String(err.response?.data?.message ?? '')}`);
}

/** A comment as the approval rules compare it: the hash of its body and when it was last edited. */
export function commentStateOf(c: StickyComment): CommentState {
  return { id: c.id, sha256: sha256Hex(c.body), updatedAt: c.updatedAt };
}

/** The gate's comment as it is now. */
export async function commentState(gh: GitHub, r: Repo, id: number): Promise<CommentState | undefined> {
  try {
    const { data } = await gh.rest.issues.getComment({ ...r, comment_id: id });
    return commentStateOf({ id: data.id, body: data.body ?? '', updatedAt: data.updated_at });
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** The branch a pull request comes from (its repository: a fork's, or none when the fork was deleted). */
export interface PullHead {
  readonly ref: string;
  readonly repo: Repo | undefined;
}

export interface PullState {
  readonly headSha: string;
  readonly head: PullHead;
  readonly author: string;
  readonly baseRef: string;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  /** After a merge: the commit the merge made on the base branch (merge, squash or last rebased commit). */
  readonly mergeCommitSha: string | null;
}

export async function pullState(gh: GitHub, r: Repo, pull: number): Promise<PullState> {
  const { data } = await gh.rest.pulls.get({ ...r, pull_number: pull });
  const repo = data.head.repo ? { owner: data.head.repo.owner.login, repo: data.head.repo.name } : undefined;
  return { headSha: data.head.sha, head: { ref: data.head.ref, repo }, author: data.user.login, baseRef: data.base.ref, state: data.state as 'open' | 'closed', merged: data.merged === true || data.merged_at !== null, mergeCommitSha: data.merge_commit_sha ?? null };
}

/** The pull request's commits, oldest first (GitHub lists at most 250). */
export async function pullCommitList(gh: GitHub, r: Repo, pull: number): Promise<PullCommit[]> {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...r, pull_number: pull, per_page: 100 });
  return commits.map((c) => ({ message: c.commit.message, authorDate: c.commit.author?.date ?? null }));
}

/** The merged pull request whose merge made `sha` (a push to the base branch after a merge). */
export async function mergedPullOf(gh: GitHub, r: Repo, sha: string): Promise<number | undefined> {
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha, per_page: 100 });
  return data.find((p) => p.merge_commit_sha === sha && p.merged_at !== null)?.number;
}

/** The commits reachable from `head` and not from `base`, with their parents (GitHub's compare, up to 250). */
export async function commitsBetween(gh: GitHub, r: Repo, base: string, head: string): Promise<ChainCommit[]> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}`, per_page: 250 });
  return data.commits.map((c) => ({ sha: c.sha, parents: c.parents.map((p) => p.sha), message: c.commit.message, authorDate: c.commit.author?.date ?? null }));
}

/** Whether `ancestor` is reachable from `descendant` (GitHub's compare: nothing of it is missing there). */
export async function isAncestor(gh: GitHub, r: Repo, ancestor: string, descendant: string): Promise<boolean> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${ancestor}...${descendant}`, per_page: 1 });
  return data.behind_by === 0;
}

/** The newest `steer` check run on a commit, as apply/execute judge it. */
export interface CheckRunApproval {
  readonly id: number;
  readonly externalId: string | null;
  readonly status: string;
  readonly headSha: string;
  readonly conclusion: string | null;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly title: string | null;
  readonly summary: string | null;
  readonly appSlug: string | null;
}

/**
 * The newest `steer` check run on `sha` — by id, the order GitHub created them in (times are
 * set by whoever creates a run, so they don't order anything). Every run, not only the
 * "latest" GitHub would pick by completion time.
 */
export async function newestSteerCheck(gh: GitHub, r: Repo, sha: string): Promise<CheckRunApproval | undefined> {
  const runs = await gh.paginate(gh.rest.checks.listForRef, { ...r, ref: sha, check_name: 'steer', filter: 'all', per_page: 100 });
  const run = [...runs].sort((a, b) => b.id - a.id)[0];
  if (!run) return undefined;
  return {
    id: run.id,
    externalId: run.external_id,
    status: run.status,
    headSha: run.head_sha,
    conclusion: run.conclusion,
    startedAt: run.started_at,
    completedAt: run.completed_at,
    title: run.output.title,
    summary: run.output.summary,
    appSlug: run.app?.slug ?? null,
  };
}

/** The commit a branch points at now. */
export async function branchTip(gh: GitHub, r: Repo, branch: string): Promise<string | undefined> {
  try {
    return (await gh.rest.git.getRef({ ...r, ref: `heads/${branch}` })).data.object.sha;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}
