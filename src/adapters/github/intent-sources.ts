import type { GitHub } from './client.js';

interface Repo {
  readonly owner: string;
  readonly repo: string;
}

/** The pull request's title and body, read live (the event payload may be stale after an edit). */
export async function pullRequestText(gh: GitHub, r: Repo, pull: number): Promise<{ title: string; body: string }> {
  const { data } = await gh.rest.pulls.get({ ...r, pull_number: pull });
  return { title: data.title, body: data.body ?? '' };
}

/** The titles of these issues; one that can't be read (deleted, another repository, no access) is left out. */
export async function issueTitles(gh: GitHub, r: Repo, numbers: readonly number[]): Promise<string[]> {
  const titles: string[] = [];
  for (const issue_number of numbers) {
    try {
      const { data } = await gh.rest.issues.get({ ...r, issue_number });
      titles.push(data.title);
    } catch {
      // Not readable: the task is judged on the rest.
    }
  }
  return titles;
}
