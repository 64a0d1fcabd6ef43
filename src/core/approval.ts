import { isAgentLogin, isBotAccount } from './agents.js';
import type { ApprovalRecord, DecodedRecord } from './approval-record.js';
import { VERDICTS, type Verdict } from './verdict.js';

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
  /** Everyone who pushed or authored a commit of the pull request: like its author, they can't approve the plan their commits made. */
  readonly pushers?: readonly string[];
  readonly headSha: string;
  /** Approvals must be submitted after this: when the plan with this digest was first reported on this head commit (later, when the gate's comment was tampered with). */
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
  if (ctx.pushers?.some((p) => p.toLowerCase() === r.login.toLowerCase())) return 'pushed a commit to this pull request, so cannot approve the plan it made';
  if (isAgentLogin(r.login, rules.agentLogins)) return 'an AI agent cannot approve';
  if (isBotAccount({ login: r.login, ...(r.userType ? { type: r.userType } : {}) })) return 'a bot cannot approve';
  if ((rules.restricted || allowed.length > 0) && !allowed.includes(r.login.toLowerCase())) return 'not in the approvers of steer.yml (approvals.users / approvals.teams)';
  if (r.commitId !== ctx.headSha) return `approved an older commit (${r.commitId.slice(0, 7)})`;
  if (Date.parse(r.submittedAt!) <= Date.parse(ctx.reportedAt)) return 'approved before this plan was reported';
  return undefined;
}

/**
 * Who may write what apply trusts. Any workflow holding `checks: write` creates check runs as
 * the same app as the gate (GitHub Actions for GITHUB_TOKEN), so by default only a record
 * signed with the gate's key counts, or one in a check written by the GitHub App named in
 * steer.yml (its checks and comments can't be edited by other workflows). `trustUnsigned` is
 * the documented, loudly warned opt-out.
 */
export interface GateTrust {
  /** STEER_SIGNING_KEY is set where apply runs. */
  readonly signingKey: boolean;
  /** approvals.gateApp: the slug of the GitHub App the gate runs as. */
  readonly gateApp?: string;
  /** approvals.trustUnsignedChecks: accept an unsigned check by GitHub Actions. */
  readonly trustUnsigned: boolean;
  /** approvals.signedChecks: a signature is required even where a gate app is named. */
  readonly requireSignature?: boolean;
}

/** What apply/execute computed themselves from the artifact they are about to run. */
export interface LocalPlan {
  /** `sha256:<hex>` of the saved plan file, or the change set ARN. */
  readonly artifact: string;
  readonly digest: string;
  readonly verdict: Verdict;
  /** The findings that made this verdict, in words (to name a stricter verdict's cause). */
  readonly reasons: readonly string[];
  /** `policyDigest` of the steer.yml this verdict was computed under. */
  readonly policy: string;
  /**
   * `findingKeys` of what needs a human here, when it must be among what the gate reported: a
   * saved plan's rendering came from the pull request's plan job. (A change set is described
   * live by execute, with more of it than the gate's file; its ARN pins what no PR code wrote.)
   */
  readonly findings?: readonly string[];
}

export interface CheckFacts {
  readonly id: number;
  readonly status: string;
  readonly conclusion: string | null;
  readonly appSlug: string | null;
  readonly completedAt: string | null;
}

/** Everything `verifyApproval` judges, gathered by the GitHub adapter before any decision. */
export interface ApplyFacts {
  readonly repository: string;
  readonly local: LocalPlan;
  readonly pull: { readonly number: number; readonly state: 'open' | 'closed'; readonly merged: boolean; readonly headSha: string; readonly author: string };
  /** The newest `steer` check run on the head (by id), and its record decoded. */
  readonly check?: CheckFacts;
  readonly record?: DecodedRecord;
  /** Whether the record's signature verifies with STEER_SIGNING_KEY ('no-key' when none is set). */
  readonly signature: 'valid' | 'invalid' | 'no-key';
  readonly trust: GateTrust;
  /** Read again now: a later "changes requested" or a dismissal withdraws an approval. */
  readonly reviews: readonly Review[];
  readonly pushers: readonly string[];
  readonly rules: ApprovalRules;
  /** The gate's sticky comment as it is now (undefined: deleted). */
  readonly comment?: CommentState;
  /** The policy file the record names, read at the record's base commit: what the gate read there. */
  readonly basePolicy?: { readonly sha256: string } | { readonly problem: string };
  /** The head contains the base the plan was reviewed against. */
  readonly baseContained?: boolean;
  /** Before the merge: the base branch tip now. After: whether the merge sits right on the reviewed base. */
  readonly place?: { readonly merged: false; readonly baseTip: string | undefined } | { readonly merged: true; readonly merge: { readonly ok: true; readonly method: string; readonly mergeCommit: string } | { readonly ok: false; readonly reason: string } };
  readonly now: Date;
  readonly maxAgeHours: number;
  /** Why GitHub may not require the steer check before merging into the base branch (said, never decided on). */
  readonly mergeRuleGap?: string;
}

export type ApplyDecision =
  | { readonly ok: true; readonly approvers: readonly string[]; readonly detail: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly exitCode: 2 | 3 };

/** Clocks disagree a little; a completion time further ahead than this is forged. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether apply/execute may run this artifact on the strength of the PR gate's record. Every
 * rule of the approval chain after the gate is here, in order; the first that fails refuses.
 */
export function verifyApproval(f: ApplyFacts): ApplyDecision {
  const n = `#${f.pull.number}`;
  const refuse = (reason: string, exitCode: 2 | 3 = 2): ApplyDecision => ({ ok: false, reason, exitCode });
  const warnings: string[] = f.mergeRuleGap ? [f.mergeRuleGap] : [];
  if (f.pull.state === 'closed' && !f.pull.merged) return refuse(`pull request ${n} was closed without being merged`);
  const check = f.check;
  if (!check) return refuse(`no steer check on the head of ${n} (${f.pull.headSha.slice(0, 7)}): the PR gate has not run on this commit`);
  if (check.status !== 'completed') return refuse(`the steer check on ${n} is still ${check.status}: wait for the PR gate`);

  // Who wrote it.
  if (f.trust.requireSignature && !f.trust.signingKey) return refuse('approvals.signedChecks is set, but STEER_SIGNING_KEY is not: give the key the PR gate signs with');
  if (f.trust.signingKey) {
    if (f.signature !== 'valid') return refuse(`the newest steer check on ${n} is not signed by the PR gate's key (${f.record && 'record' in f.record && f.record.signature ? 'the signature does not verify' : 'no signature'}): another workflow or token wrote it, or the gate has another key`);
  } else if (f.trust.gateApp) {
    if (check.appSlug !== f.trust.gateApp) return refuse(`the newest steer check on ${n} was written by ${check.appSlug ?? 'no app'}, not by the gate's GitHub App ${f.trust.gateApp} (approvals.gateApp)`);
  } else if (f.trust.trustUnsigned) {
    if (check.appSlug !== 'github-actions') return refuse(`the newest steer check on ${n} was written by ${check.appSlug ?? 'no app'}, not by GitHub Actions`);
    warnings.push('approvals.trustUnsignedChecks is set: any workflow or token with checks: write could have written this steer check (set STEER_SIGNING_KEY or approvals.gateApp)');
  } else {
    return refuse('no way to tell the gate\'s steer check from a forged one: set STEER_SIGNING_KEY (the key the gate signs with) or approvals.gateApp (the GitHub App the gate runs as) in steer.yml; approvals.trustUnsignedChecks: true accepts the risk');
  }

  // What it says.
  const decoded = f.record;
  if (!decoded || !('record' in decoded)) return refuse(`the steer check on ${n} can't be used: ${decoded && 'problem' in decoded ? decoded.problem : 'no record'}`);
  const r = decoded.record;
  if (r.repository !== f.repository || r.pull !== f.pull.number || r.checkRunId !== check.id || r.headSha !== f.pull.headSha) {
    return refuse(`the approval record on ${n} is about ${r.repository}#${r.pull} at ${r.headSha.slice(0, 7)} (check ${r.checkRunId}), not this pull request's head: it was copied from elsewhere`);
  }
  if (check.conclusion !== 'success' || r.conclusion !== 'success') return refuse(`the steer check on ${n} is ${check.conclusion ?? 'pending'}, not approved`, r.verdict === 'block' ? 3 : 2);
  const plan = r.plans.find((p) => p.artifact === f.local.artifact);
  if (!plan) return refuse(`the PR gate on ${n} judged ${r.plans.map((p) => p.artifact ?? `${p.name} (no artifact)`).join(', ')}, not ${f.local.artifact}: this is not the plan that was reviewed — plan, review and approve it`);
  if (plan.digest !== f.local.digest) return refuse(`the plan file is the one the gate approved, but its content reads differently here (digest ${f.local.digest.slice(0, 12)}, the gate read ${plan.digest.slice(0, 12)}): the gate was shown another rendering of it`);
  if (VERDICTS.indexOf(f.local.verdict) > VERDICTS.indexOf(plan.verdict)) {
    return refuse(`Steer judges this plan ${f.local.verdict} here, but the gate judged it ${plan.verdict}: ${f.local.reasons.slice(0, 3).join('; ') || 'the policy differs'} — plan and review again`, f.local.verdict === 'block' ? 3 : 2);
  }
  // What was shown: the digest covers the changes, not the configuration around them, so a
  // rendering can leave out a provisioner the saved plan carries and keep its digest.
  const unseen = (f.local.findings ?? []).filter((k) => !plan.findings.includes(k));
  if (unseen.length > 0) return refuse(`Steer finds in this plan what the gate on ${n} did not report: ${unseen.slice(0, 3).join('; ')}${unseen.length > 3 ? ` and ${unseen.length - 3} more` : ''} — the gate was shown another rendering of it; plan and review again`, f.local.verdict === 'block' ? 3 : 2);
  // Under which rules: the policy here must be the one the gate read from the base commit. After
  // the merge, the checkout's steer.yml is the pull request's own: it must not decide how its
  // plan is judged, who may approve it, for how long, or which checks are trusted.
  const policy = policyMismatch(r, f);
  if (policy) return refuse(`on ${n}, ${policy}: a pull request can't change the policy its own plan is applied under — give steer apply/execute the base branch's steer.yml (-c), as the example workflows do`);

  // When: the gate's own time, not the check run's (any workflow with checks: write can edit those).
  const concluded = Date.parse(r.concludedAt);
  if (!(concluded <= f.now.getTime() + CLOCK_SKEW_MS)) return refuse(`the steer check on ${n} says the gate concluded ${Number.isNaN(concluded) ? 'at no valid time' : `in the future (${r.concludedAt})`}: not a record the gate wrote`);
  const completed = Date.parse(check.completedAt ?? '');
  if (!(completed <= f.now.getTime() + CLOCK_SKEW_MS)) return refuse(`the steer check on ${n} says it completed ${Number.isNaN(completed) ? 'at no valid time' : `in the future (${check.completedAt})`}: not a check the gate wrote`);
  const age = (f.now.getTime() - concluded) / 3_600_000;
  if (!(age <= f.maxAgeHours)) return refuse(`the approval on ${n} is ${age.toFixed(1)} h old (limit ${f.maxAgeHours} h): review again`);

  // Who approved, read again now.
  let approvers: readonly string[] = [];
  if (plan.verdict !== 'allow' || r.verdict !== 'allow') {
    const tampered = r.comment ? commentTampering(r.comment, f.comment) : undefined;
    if (tampered) return refuse(`on ${n}, ${tampered}: reviewers may have approved another text — run the gate again`);
    const now = decideApproval(f.reviews, f.rules, { prAuthor: f.pull.author, pushers: f.pushers, headSha: r.headSha, reportedAt: r.reviewedFrom, verdict: r.verdict });
    if (!now.approved) return refuse(`the approval on ${n} no longer holds (${now.approvers.length}/${now.needed}): ${now.rejected.slice(0, 3).join('; ') || 'no approving review'}`);
    approvers = now.approvers;
  }

  // Where: what is applied was made from the reviewed base.
  if (f.baseContained !== true) return refuse(`the head of ${n} (${r.headSha.slice(0, 7)}) does not contain the base ${r.base.ref} at ${r.base.sha.slice(0, 7)} it was reviewed against (the branch was behind): its plan misses changes of ${r.base.ref}; update the branch and plan again`);
  const place = f.place;
  if (!place) return refuse(`could not tell where ${n} stands against ${r.base.ref}`);
  if (place.merged) {
    if (!place.merge.ok) return refuse(`${n} was merged, but ${place.merge.reason}: plan and approve again`);
    return { ok: true, approvers, warnings, detail: `merged pull request ${n} (head ${r.headSha}, merged by ${place.merge.method} as ${place.merge.mergeCommit} onto ${r.base.ref} at ${r.base.sha})` };
  }
  if (place.baseTip !== r.base.sha) return refuse(`the base branch ${r.base.ref} moved since the plan was approved (${r.base.sha.slice(0, 7)} → ${place.baseTip?.slice(0, 7) ?? 'gone'}): update the pull request and plan again`);
  return { ok: true, approvers, warnings, detail: `steer check on pull request ${n} at ${r.headSha}` };
}

/** Why the policy here is not the gate's, or undefined when it is. */
function policyMismatch(r: ApprovalRecord, f: ApplyFacts): string | undefined {
  const where = `${r.policy.path} at base ${r.base.sha.slice(0, 7)}`;
  const base = f.basePolicy;
  if (!base) return `the gate's policy (${where}) could not be read`;
  if ('problem' in base) return `the gate's policy (${where}) can't be read: ${base.problem}`;
  if (f.local.policy !== base.sha256) return `steer.yml here (policy ${f.local.policy.slice(0, 12)}) is not the policy the gate judged with (${where}, policy ${base.sha256.slice(0, 12)})`;
  if (r.policy.sha256 !== base.sha256) return `the gate's record names another policy than ${where}`;
  return undefined;
}

/** The gate's comment as recorded, or as it is now. */
export interface CommentState {
  readonly id: number;
  readonly sha256: string;
  readonly updatedAt: string;
}

/**
 * Whether the comment the reviewers read is still the one the gate wrote: any edit (by another
 * workflow writing as the same bot, or anyone with write access) or deletion since is tampering.
 * Returns what happened, or undefined when the comment is as the gate left it.
 */
export function commentTampering(recorded: CommentState | undefined, current: CommentState | undefined): string | undefined {
  if (!recorded) return current ? `the gate's comment exists but no trusted record of the gate says what it wrote` : undefined;
  if (!current) return "the gate's comment was deleted";
  if (current.id !== recorded.id) return "the gate's comment was replaced by another";
  if (current.sha256 !== recorded.sha256 || current.updatedAt !== recorded.updatedAt) return `the gate's comment was edited at ${current.updatedAt}, after the gate wrote it`;
  return undefined;
}
