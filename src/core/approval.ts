import { isAgentLogin, isBotAccount } from './agents.js';
import type { Verdict } from './verdict.js';

/**
 * Which pull-request reviews approve this exact plan. A review counts only when it is APPROVED,
 * is the reviewer's latest word, comes from a human who is not the PR author (nor a bot, nor an
 * agent), is in the allowed list when there is one, is on the head commit the plan was computed
 * for, and was submitted after the plan (its digest) was reported. Nothing here trusts GitHub's
 * "dismiss stale approvals" setting.
 */
export interface Review {
  readonly id: number;
  readonly login: string;
  readonly userType?: string;
  readonly state: string;
  readonly commitId: string;
  /** ISO time; reviews still pending have none. */
  readonly submittedAt?: string;
}

export interface ApprovalRules {
  readonly required: number;
  /** When non-empty (or `restricted`), only these logins (case-insensitive) may approve. */
  readonly users: readonly string[];
  /** True when steer.yml names approvers (users or teams): an empty resolved list then approves no one. */
  readonly restricted?: boolean;
  readonly agentLogins: readonly string[];
}

export interface ApprovalContext {
  readonly prAuthor: string;
  readonly headSha: string;
  /** When the plan with this digest was first reported on this head commit. */
  readonly reportedAt: string;
  readonly verdict: Verdict;
}

export interface ApprovalDecision {
  readonly approved: boolean;
  readonly approvers: readonly string[];
  /** Why each other review does not count — shown in the check run. */
  readonly rejected: readonly string[];
  readonly needed: number;
}

export function decideApproval(reviews: readonly Review[], rules: ApprovalRules, ctx: ApprovalContext): ApprovalDecision {
  const needed = Math.max(1, rules.required);
  if (ctx.verdict === 'block') return { approved: false, approvers: [], rejected: ['a blocked plan cannot be approved in the pull request'], needed };
  if (ctx.verdict === 'allow') return { approved: true, approvers: [], rejected: [], needed: 0 };

  // The latest submitted review of each person is their word (a later "changes requested" or a dismissal withdraws approval).
  const latest = new Map<string, Review>();
  for (const r of [...reviews].filter((r) => r.submittedAt).sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!))) {
    if (r.state === 'COMMENTED') continue;
    latest.set(r.login.toLowerCase(), r);
  }
  const approvers: string[] = [];
  const rejected: string[] = [];
  const allowed = rules.users.map((u) => u.toLowerCase());
  for (const r of latest.values()) {
    const why = rejection(r, rules, ctx, allowed);
    if (why) rejected.push(`${r.login}: ${why}`);
    else approvers.push(r.login);
  }
  return { approved: approvers.length >= needed, approvers, rejected, needed };
}

function rejection(r: Review, rules: ApprovalRules, ctx: ApprovalContext, allowed: readonly string[]): string | undefined {
  if (r.state !== 'APPROVED') return `latest review is ${r.state.toLowerCase().replace('_', ' ')}`;
  if (r.login.toLowerCase() === ctx.prAuthor.toLowerCase()) return 'the author cannot approve their own change';
  if (isAgentLogin(r.login, rules.agentLogins)) return 'an AI agent cannot approve';
  if (isBotAccount({ login: r.login, ...(r.userType ? { type: r.userType } : {}) })) return 'a bot cannot approve';
  if ((rules.restricted || allowed.length > 0) && !allowed.includes(r.login.toLowerCase())) return 'not in the approvers of steer.yml (approvals.users / approvals.teams)';
  if (r.commitId !== ctx.headSha) return `approved an older commit (${r.commitId.slice(0, 7)})`;
  if (Date.parse(r.submittedAt!) <= Date.parse(ctx.reportedAt)) return 'approved before this plan was reported';
  return undefined;
}
