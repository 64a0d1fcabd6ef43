import type { GitHub } from './client.js';
import type { Repo } from './pull-request.js';

/**
 * Whether GitHub requires a check before anything is merged into a branch: an active ruleset's
 * `required_status_checks` rule (GET …/rules/branches/{branch}, readable with read access), or
 * classic branch protection as the branch itself summarizes it (GET …/branches/{branch}).
 *
 * Steer can't make GitHub enforce it, and its own apply-time checks don't depend on it; but
 * without it a pull request merges without the gate, and after the merge its workflows and lock
 * file are the default branch's. So this is said, never decided on: `undefined` when the check
 * is required, otherwise why not (or that it could not be told: the token may not read it).
 */
export async function requiredCheckGap(gh: GitHub, r: Repo, branch: string, check: string): Promise<string | undefined> {
  try {
    const { data: rules } = await gh.rest.repos.getBranchRules({ ...r, branch, per_page: 100 });
    for (const rule of rules) {
      if (rule.type === 'required_status_checks' && rule.parameters?.required_status_checks.some((c) => c.context === check)) return undefined;
    }
    const { data } = await gh.rest.repos.getBranch({ ...r, branch });
    const classic = data.protection?.required_status_checks;
    if (classic && (classic.contexts.includes(check) || classic.checks?.some((c) => c.context === check))) return undefined;
    return `no ruleset or branch protection of ${branch} requires the ${check} check: a pull request can be merged without the gate, and its workflows and lock file then run on ${branch} (see examples/github/README.md, "Make steer a required check")`;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 404) return `could not tell whether ${branch} requires the ${check} check (GitHub answered ${status}): make sure a ruleset requires it`;
    throw e;
  }
}
