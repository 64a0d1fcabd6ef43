import type { GitHub } from './client.js';
import type { Repo } from './pull-request.js';

/** What the PR's `steer` check run says about a digest, on the pull request's current head. */
export interface CheckRunApproval {
  readonly headSha: string;
  readonly conclusion: string | null;
  readonly completedAt: string | null;
  readonly title: string | null;
  readonly summary: string | null;
  readonly appSlug: string | null;
}

/** The PR's current head commit (last commit of the pull request). */
export async function pullHead(gh: GitHub, r: Repo, pull: number): Promise<string | undefined> {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...r, pull_number: pull, per_page: 100 });
  return commits.at(-1)?.sha;
}

/** The newest `steer` check run on `sha` whose external_id binds it to `digest`. */
export async function steerCheckFor(gh: GitHub, r: Repo, sha: string, digest: string): Promise<CheckRunApproval | undefined> {
  const runs = await gh.paginate(gh.rest.checks.listForRef, { ...r, ref: sha, check_name: 'steer', per_page: 100 });
  const bound = runs.filter((c) => c.external_id === `steer:${digest}`).sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
  const run = bound[0];
  if (!run) return undefined;
  return {
    headSha: run.head_sha,
    conclusion: run.conclusion,
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
