import { createInterface } from 'node:readline/promises';
import { RefusedError, UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
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

export interface ApprovalGateOptions {
  readonly report: Report;
  /** What a human must type on a terminal: the workspace or stack name. */
  readonly confirmName: string;
  readonly maxAgeHours: number;
  readonly github?: { readonly token: string; readonly apiUrl: string; readonly repo: { owner: string; repo: string }; readonly pull: number };
  readonly now?: () => Date;
}

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

async function gitHubApproval(o: ApprovalGateOptions, g: NonNullable<ApprovalGateOptions['github']>): Promise<Approval | { refused: string }> {
  const { gitHubClient } = await import('../adapters/github/client.js');
  const { branchTip, pullHead, steerCheckFor } = await import('../adapters/github/approval-lookup.js');
  const gh = gitHubClient(g.token, g.apiUrl, { retryBaseMs: Number(process.env.STEER_GITHUB_RETRY_BASE_MS ?? 1000) });
  const head = await pullHead(gh, g.repo, g.pull);
  if (!head) return { refused: `pull request #${g.pull} has no commits` };
  const check = await steerCheckFor(gh, g.repo, head, o.report.digest);
  if (!check) return { refused: `no steer check on the head of #${g.pull} (${head.slice(0, 7)}) carries this digest: the plan changed, or the head moved, since it was reviewed` };
  if (!check.appSlug || !TRUSTED_CHECK_APPS.includes(check.appSlug)) return { refused: `the steer check on #${g.pull} was not created by GitHub Actions (${check.appSlug ?? 'no app'})` };
  if (check.conclusion !== 'success') return { refused: `the steer check on #${g.pull} is ${check.conclusion ?? 'pending'}, not approved` };
  const age = ((o.now?.() ?? new Date()).getTime() - Date.parse(check.completedAt ?? '')) / 3_600_000;
  if (!(age <= o.maxAgeHours)) return { refused: `the approval on #${g.pull} is ${Number.isFinite(age) ? `${age.toFixed(1)} h` : 'of unknown age'} old (limit ${o.maxAgeHours} h): review again` };
  // The plan was reviewed against a base branch; if it moved, what gets applied is not what was reviewed.
  const base = /base `([^`]+)` at `([0-9a-f]{40})`/.exec(check.summary ?? '');
  if (!base) return { refused: `the steer check on #${g.pull} does not record its base branch: run the PR gate again` };
  const tip = await branchTip(gh, g.repo, base[1]!);
  if (tip !== base[2]) return { refused: `the base branch ${base[1]} moved since the plan was approved (${base[2]!.slice(0, 7)} → ${tip?.slice(0, 7) ?? 'gone'}): update the pull request and plan again` };
  const approver = /^Approved by (.+)$/.exec(check.title ?? '')?.[1] ?? 'unknown';
  return { source: 'github', approver, detail: `steer check on pull request #${g.pull} at ${head}` };
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

/** The pull request to read an approval from: --github-pr, else the workflow's event. */
export function gitHubTarget(pullOption: string | undefined, env: NodeJS.ProcessEnv, eventPull: number | undefined): ApprovalGateOptions['github'] {
  const pull = pullOption !== undefined ? Number(pullOption) : eventPull;
  if (pull === undefined) return undefined;
  if (!Number.isInteger(pull) || pull <= 0) throw new UsageError(`--github-pr expects a pull request number, got "${pullOption}"`);
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) throw new UsageError('reading a GitHub approval needs GITHUB_TOKEN (or GH_TOKEN) and GITHUB_REPOSITORY');
  return { token, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repo: { owner, repo }, pull };
}
