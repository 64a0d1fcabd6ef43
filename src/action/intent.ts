import type { GitHub } from '../adapters/github/client.js';
import { issueTitles, pullRequestText } from '../adapters/github/intent-sources.js';
import { pullCommits } from '../adapters/github/pull-request.js';
import type { Intent } from '../core/intent/intent.js';

/** At most this many closed issues are read (a body listing a hundred is not a task). */
const MAX_ISSUES = 10;

/**
 * The task of a pull request, as the gate judges the plan against it: its title and body (a
 * steer-scope block there declares the scope), the titles of the issues it closes (GitHub's
 * closing keywords in the body and the commit messages), and its commit messages.
 */
export async function pullRequestIntent(gh: GitHub, repo: { owner: string; repo: string }, pull: number): Promise<Intent> {
  const { title, body } = await pullRequestText(gh, repo, pull);
  const messages = (await pullCommits(gh, repo, pull)).map((c) => c.message);
  const closed = await issueTitles(gh, repo, closingIssueNumbers([body, ...messages]).slice(0, MAX_ISSUES));
  return { source: 'pull-request', detail: `#${pull}`, text: intentText(title, body, closed, messages) };
}

/** `{ intent }` for planCheck: one line in the Action's entry. */
export async function pullRequestIntentOption(gh: GitHub, repo: { owner: string; repo: string }, pull: number): Promise<{ intent: Intent }> {
  return { intent: await pullRequestIntent(gh, repo, pull) };
}

/**
 * Issue numbers after GitHub's closing keywords (close, closes, closed, fix, fixes, fixed,
 * resolve, resolves, resolved), same repository only (`#12`, not `other/repo#12`).
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue
 */
export function closingIssueNumbers(texts: readonly string[]): number[] {
  const found = new Set<number>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+#(\d+)\b/gi)) found.add(Number(m[1]));
  }
  return [...found];
}

/** Title first: it is the clause a reviewer reads first, and the one the classifier sees first. */
export function intentText(title: string, body: string, closedIssues: readonly string[], commitMessages: readonly string[]): string {
  const parts = [title, body.trim()];
  if (closedIssues.length > 0) parts.push(closedIssues.map((t) => `Closes: ${t}`).join('\n'));
  // Merge commits of the base branch say nothing about the task.
  const own = commitMessages.filter((m) => !/^Merge (branch|pull request|remote-tracking branch) /.test(m));
  if (own.length > 0) parts.push(own.join('\n'));
  return parts.filter((p) => p !== '').join('\n\n');
}
