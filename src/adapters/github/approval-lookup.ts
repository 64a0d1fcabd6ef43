import type { ChainCommit, PullCommit } from '../../core/merge-check.js';
import type { GitHub } from './client.js';
import type { Repo } from './pull-request.js';

export interface PullState {
  readonly headSha: string;
  readonly baseRef: string;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  /** After a merge: the commit the merge made on the base branch (merge, squash or last rebased commit). */
  readonly mergeCommitSha: string | null;
}

export async function pullState(gh: GitHub, r: Repo, pull: number): Promise<PullState> {
  const { data } = await gh.rest.pulls.get({ ...r, pull_number: pull });
  return { headSha: data.head.sha, baseRef: data.base.ref, state: data.state as 'open' | 'closed', merged: data.merged === true || data.merged_at !== null, mergeCommitSha: data.merge_commit_sha ?? null };
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
