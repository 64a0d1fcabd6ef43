import type { GitHub } from './client.js';
import type { Repo } from './pull-request.js';

/** Writes to a pull request: the sticky comment, the check run, labels, reviewers. */

/**
 * Our comment: it carries the marker AND is written by us. Anyone can plant a comment with the
 * marker; only our own is updated. All pages are read (a busy PR has more than one).
 */
export async function upsertStickyComment(gh: GitHub, r: Repo, pull: number, marker: string, self: string, body: string): Promise<'created' | 'updated'> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: pull, per_page: 100 });
  const ours = comments.find((c) => c.body?.includes(marker) && c.user?.login.toLowerCase() === self.toLowerCase());
  if (ours) {
    await gh.rest.issues.updateComment({ ...r, comment_id: ours.id, body });
    return 'updated';
  }
  await gh.rest.issues.createComment({ ...r, issue_number: pull, body });
  return 'created';
}

export interface CheckRunSummary {
  readonly id: number;
  readonly externalId: string | null;
  readonly startedAt: string | null;
}

export async function checkRunsFor(gh: GitHub, r: Repo, sha: string, name: string): Promise<CheckRunSummary[]> {
  const runs = await gh.paginate(gh.rest.checks.listForRef, { ...r, ref: sha, check_name: name, per_page: 100 });
  return runs.map((c) => ({ id: c.id, externalId: c.external_id, startedAt: c.started_at }));
}

export interface CheckRunInput {
  readonly name: string;
  readonly headSha: string;
  readonly externalId: string;
  readonly conclusion: 'success' | 'failure' | 'action_required' | 'neutral';
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  readonly annotations: readonly { path: string; start_line: number; end_line: number; annotation_level: 'notice' | 'warning' | 'failure'; message: string; title?: string }[];
  readonly detailsUrl?: string;
  /** When this plan was first reported on this commit: kept across re-runs, approvals are compared with it. */
  readonly startedAt: string;
}

export async function createCheckRun(gh: GitHub, r: Repo, c: CheckRunInput): Promise<number> {
  const { data } = await gh.rest.checks.create({
    ...r,
    name: c.name,
    head_sha: c.headSha,
    external_id: c.externalId,
    status: 'completed',
    started_at: c.startedAt,
    conclusion: c.conclusion,
    completed_at: new Date().toISOString(),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: { title: c.title, summary: c.summary, text: c.text, annotations: [...c.annotations].slice(0, 50) },
  });
  return data.id;
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

export async function requestReviewers(gh: GitHub, r: Repo, pull: number, users: readonly string[], teams: readonly string[], author: string): Promise<void> {
  const reviewers = users.filter((u) => u.toLowerCase() !== author.toLowerCase());
  if (reviewers.length === 0 && teams.length === 0) return;
  await gh.rest.pulls.requestReviewers({ ...r, pull_number: pull, reviewers, team_reviewers: [...teams] });
}
