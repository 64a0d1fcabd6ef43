/**
 * Applying after a merge: was the pull request merged onto the very base commit its plan was
 * reviewed against? If anything else landed on the branch between review and merge, the merged
 * configuration is not what the plan was made from: plan and approve again.
 *
 * Decided on the first-parent chain from the merge result back to the reviewed base:
 * - merge commit or squash: one commit, whose first parent is the reviewed base;
 * - rebase: one commit per pull-request commit, in order, each keeping its message and author
 *   date (rebasing rewrites the hashes, not those).
 */
export interface ChainCommit {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly authorDate: string | null;
}

export interface PullCommit {
  readonly message: string;
  readonly authorDate: string | null;
}

export type MergeCheck = { readonly ok: true; readonly method: 'merge or squash' | 'rebase' } | { readonly ok: false; readonly reason: string };

/**
 * `commits`: the commits reachable from `merged` and not from `reviewedBase` (GitHub's compare),
 * with their parents; `pull`: the pull request's own commits, oldest first.
 */
export function mergedOntoReviewedBase(reviewedBase: string, merged: string, commits: readonly ChainCommit[], pull: readonly PullCommit[]): MergeCheck {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const chain: ChainCommit[] = [];
  for (let sha = merged; sha !== reviewedBase; ) {
    const commit = bySha.get(sha);
    if (!commit || chain.length > commits.length) return { ok: false, reason: `${short(merged)} does not descend from the reviewed base ${short(reviewedBase)}` };
    chain.push(commit);
    sha = commit.parents[0] ?? '';
  }
  if (chain.length === 0) return { ok: false, reason: `the merge ${short(merged)} is the reviewed base itself` };
  if (chain.length === 1) return { ok: true, method: 'merge or squash' };
  const rebased = [...chain].reverse();
  const same = rebased.length === pull.length && rebased.every((c, i) => c.message === pull[i]!.message && c.authorDate === pull[i]!.authorDate);
  if (same) return { ok: true, method: 'rebase' };
  return { ok: false, reason: `${chain.length} commits lie between the reviewed base ${short(reviewedBase)} and the merge ${short(merged)}, not only this pull request's: the branch moved between review and merge` };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
