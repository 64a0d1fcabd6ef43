import type { Commit } from '../../core/agents.js';
import type { ApprovalRules, Review } from '../../core/approval.js';
import { DEFAULT_CONFIG } from '../../config/defaults.js';
import { parseConfig } from '../../config/parse.js';
import type { SteerConfig } from '../../config/schema.js';
import type { GitHub } from './client.js';

/** Reads of a pull request and its repository. Every list is paginated. */
export interface Repo {
  readonly owner: string;
  readonly repo: string;
}

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}

/**
 * The login the token writes as. A user token (PAT, app user token) may call GET /user. An
 * installation token — GITHUB_TOKEN included — gets 403 "Resource not accessible by integration"
 * there, and writes as its app's bot user `<app-slug>[bot]`; the app is the one GitHub records on
 * the check run we created (`github-actions` for GITHUB_TOKEN).
 */
export async function ownLogin(gh: GitHub, appSlug: string | null): Promise<string> {
  try {
    return (await gh.rest.users.getAuthenticated()).data.login;
  } catch (e) {
    if (status(e) === 403) return `${appSlug ?? 'github-actions'}[bot]`;
    throw e;
  }
}

/** A file's text at a commit, or undefined when it does not exist there. */
export async function fileAt(gh: GitHub, r: Repo, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...r, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}

/** steer.yml as it is at a commit: parsed, the defaults when the file is absent; an invalid file is a ConfigError. */
export async function configAt(gh: GitHub, r: Repo, path: string, sha: string): Promise<SteerConfig> {
  const text = await fileAt(gh, r, path, sha);
  return text === undefined ? DEFAULT_CONFIG : parseConfig(text, `${path} (base ${sha.slice(0, 7)})`);
}

/** GitHub lists at most this many files of a pull request: a longer list is cut short, silently. */
export const PULL_FILES_LIMIT = 3000;

/**
 * The pull request's changed files (renames by both names), and whether GitHub cut the list:
 * the pull request's own count says how many there are.
 */
export async function changedFiles(gh: GitHub, r: Repo, pull: number): Promise<{ files: string[]; truncated: boolean }> {
  const listed = await gh.paginate(gh.rest.pulls.listFiles, { ...r, pull_number: pull, per_page: 100 });
  const { data } = await gh.rest.pulls.get({ ...r, pull_number: pull });
  const files = listed.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]);
  return { files, truncated: listed.length >= PULL_FILES_LIMIT || (data.changed_files ?? 0) > listed.length };
}

/** The pull request's commits (GitHub lists at most 250), with the accounts of their authors. */
export async function pullCommits(gh: GitHub, r: Repo, pull: number): Promise<Commit[]> {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...r, pull_number: pull, per_page: 100 });
  return commits.map((c) => ({ message: c.commit.message, ...(c.author ? { author: { login: c.author.login, type: c.author.type } } : {}) }));
}

export async function reviews(gh: GitHub, r: Repo, pull: number): Promise<Review[]> {
  const all = await gh.paginate(gh.rest.pulls.listReviews, { ...r, pull_number: pull, per_page: 100 });
  return all.map((rv) => ({
    id: rv.id,
    login: rv.user?.login ?? '(ghost)',
    ...(rv.user?.type ? { userType: rv.user.type } : {}),
    state: rv.state,
    commitId: rv.commit_id ?? '',
    ...(rv.submitted_at ? { submittedAt: rv.submitted_at } : {}),
  }));
}

/** Whether a user is an active member of `org/team-slug`. */
export async function isTeamMember(gh: GitHub, team: string, login: string): Promise<boolean> {
  const [org, slug] = team.split('/');
  try {
    const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org: org!, team_slug: slug!, username: login });
    return data.state === 'active';
  } catch (e) {
    if (status(e) === 404) return false;
    throw e;
  }
}

/**
 * The approval rules of steer.yml with its teams resolved: approvals.users, plus the reviewers
 * who approved and belong to one of approvals.teams. The gate and apply/execute both use it.
 */
export async function approvalRules(gh: GitHub, config: SteerConfig, prReviews: readonly Review[]): Promise<ApprovalRules> {
  const users = [...config.approvals.users];
  for (const login of new Set(prReviews.filter((r) => r.state === 'APPROVED').map((r) => r.login))) {
    for (const team of config.approvals.teams) {
      if (await isTeamMember(gh, team, login)) {
        users.push(login);
        break;
      }
    }
  }
  return { required: config.approvals.required, users, restricted: config.approvals.users.length + config.approvals.teams.length > 0, agentLogins: config.agents.logins };
}
