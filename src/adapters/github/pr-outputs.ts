import type { GitHub } from './client.js';
import type { Repo } from './pull-request.js';

/** Writes to a pull request: the sticky comment, the check run, labels, reviewers. */

export interface StickyComment {
  readonly id: number;
  /** The body as GitHub stores it. */
  readonly body: string;
  readonly updatedAt: string;
}

/**
 * Our comment: it carries the marker AND is written by us. Anyone can plant a comment with the
 * marker; only our own counts. All pages are read (a busy PR has more than one).
 */
export async function findStickyComment(gh: GitHub, r: Repo, pull: number, marker: string, self: string): Promise<StickyComment | undefined> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: pull, per_page: 100 });
  const ours = comments.find((c) => c.body?.includes(marker) && c.user?.login.toLowerCase() === self.toLowerCase());
  return ours ? { id: ours.id, body: ours.body ?? '', updatedAt: ours.updated_at } : undefined;
}

/** Updates our comment in place, or creates it; returns it as GitHub stored it. */
export async function writeStickyComment(gh: GitHub, r: Repo, pull: number, existing: number | undefined, body: string): Promise<StickyComment> {
  const { data } = existing !== undefined ? await gh.rest.issues.updateComment({ ...r, comment_id: existing, body }) : await gh.rest.issues.createComment({ ...r, issue_number: pull, body });
  return { id: data.id, body: data.body ?? '', updatedAt: data.updated_at };
}

export interface CheckRunSummary {
  readonly id: number;
  readonly appSlug: string | null;
  readonly externalId: string | null;
  readonly startedAt: string | null;
  readonly conclusion: string | null;
  readonly title: string | null;
  readonly summary: string | null;
}

/** Every check run named `name` on a commit (filter `all`: GitHub's default returns only the latest). */
export async function checkRunsFor(gh: GitHub, r: Repo, sha: string, name: string): Promise<CheckRunSummary[]> {
  const runs = await gh.paginate(gh.rest.checks.listForRef, { ...r, ref: sha, check_name: name, filter: 'all', per_page: 100 });
  return runs.map((c) => ({ id: c.id, appSlug: c.app?.slug ?? null, externalId: c.external_id, startedAt: c.started_at, conclusion: c.conclusion, title: c.output.title, summary: c.output.summary }));
}

export type CheckConclusion = 'success' | 'failure' | 'action_required' | 'neutral';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunOutput {
  /** Set on completion: when the plan was first reported on this commit. */
  readonly startedAt?: string;
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
  readonly annotations?: readonly Annotation[];
}

export interface CheckRunStart {
  readonly name: string;
  readonly headSha: string;
  readonly externalId: string;
  /** When this plan was first reported on this commit: kept across re-runs, approvals are compared with it. */
  readonly startedAt: string;
  readonly detailsUrl?: string;
}

export interface StartedCheckRun {
  readonly id: number;
  /** The GitHub App the token belongs to (`github-actions` for GITHUB_TOKEN): its bot user writes our comments. */
  readonly appSlug: string | null;
}

/**
 * The check run starts `in_progress` and is completed last, after every other write succeeded:
 * a run that dies half-way leaves a pending check (a required check that never passes), never a
 * stale green one.
 */
export async function startCheckRun(gh: GitHub, r: Repo, c: CheckRunStart): Promise<StartedCheckRun> {
  const { data } = await gh.rest.checks.create({
    ...r,
    name: c.name,
    head_sha: c.headSha,
    external_id: c.externalId,
    status: 'in_progress',
    started_at: c.startedAt,
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: { title: 'Steer is checking the plan', summary: 'The gate is running.' },
  });
  return { id: data.id, appSlug: data.app?.slug ?? null };
}

export async function completeCheckRun(gh: GitHub, r: Repo, id: number, conclusion: CheckConclusion, output: CheckRunOutput): Promise<void> {
  await gh.rest.checks.update({
    ...r,
    check_run_id: id,
    status: 'completed',
    conclusion,
    completed_at: new Date().toISOString(),
    ...(output.startedAt ? { started_at: output.startedAt } : {}),
    output: checkOutput(output),
  });
}

/** A check run concluded at once: how a run that failed reports it (no stale green check stays on top). */
export async function createCompletedCheckRun(gh: GitHub, r: Repo, c: CheckRunStart, conclusion: CheckConclusion, output: CheckRunOutput): Promise<number> {
  const { data } = await gh.rest.checks.create({
    ...r,
    name: c.name,
    head_sha: c.headSha,
    external_id: c.externalId,
    status: 'completed',
    started_at: c.startedAt,
    conclusion,
    completed_at: new Date().toISOString(),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: checkOutput(output),
  });
  return data.id;
}

/** GitHub's limits: title 255 characters, summary and text 65,535, 50 annotations per request. */
function checkOutput(o: CheckRunOutput): { title: string; summary: string; text?: string; annotations?: Annotation[] } {
  return {
    title: o.title.slice(0, 255),
    summary: o.summary.slice(0, 65_000),
    ...(o.text !== undefined ? { text: o.text.slice(0, 65_000) } : {}),
    ...(o.annotations && o.annotations.length > 0 ? { annotations: [...o.annotations].slice(0, 50) } : {}),
  };
}

export async function setLabels(gh: GitHub, r: Repo, pull: number, wanted: readonly string[], managed: readonly string[]): Promise<void> {
  const current = (await gh.paginate(gh.rest.issues.listLabelsOnIssue, { ...r, issue_number: pull, per_page: 100 })).map((l) => l.name);
  const add = wanted.filter((l) => !current.includes(l));
  if (add.length > 0) await gh.rest.issues.addLabels({ ...r, issue_number: pull, labels: add });
  for (const label of managed.filter((l) => current.includes(l) && !wanted.includes(l))) {
    try {
      await gh.rest.issues.removeLabel({ ...r, issue_number: pull, name: label });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
}

/**
 * Asks steer.yml's reviewers for a review. A courtesy, not part of the verdict: GitHub refuses
 * (422) a reviewer who is not a collaborator, or a team it can't see; that is returned as a
 * warning instead of failing the gate.
 */
export async function requestReviewers(gh: GitHub, r: Repo, pull: number, users: readonly string[], teams: readonly string[], author: string): Promise<string | undefined> {
  const reviewers = users.filter((u) => u.toLowerCase() !== author.toLowerCase());
  if (reviewers.length === 0 && teams.length === 0) return undefined;
  try {
    await gh.rest.pulls.requestReviewers({ ...r, pull_number: pull, reviewers, team_reviewers: [...teams] });
    return undefined;
  } catch (e) {
    if ((e as { status?: number }).status !== 422) throw e;
    return `GitHub refused to request reviewers ${[...reviewers, ...teams.map((t) => `team ${t}`)].join(', ')}: ${(e as Error).message}`;
  }
}
