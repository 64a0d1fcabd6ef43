import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import "./chunk-QEVJJKSU.js";

// src/adapters/github/approval-lookup.ts
async function pullHead(gh, r, pull) {
  const commits = await gh.paginate(gh.rest.pulls.listCommits, { ...r, pull_number: pull, per_page: 100 });
  return commits.at(-1)?.sha;
}
async function steerCheckFor(gh, r, sha, digest) {
  const runs = await gh.paginate(gh.rest.checks.listForRef, { ...r, ref: sha, check_name: "steer", per_page: 100 });
  const bound = runs.filter((c) => c.external_id === `steer:${digest}`).sort((a, b) => (b.completed_at ?? "").localeCompare(a.completed_at ?? ""));
  const run = bound[0];
  if (!run) return void 0;
  return {
    headSha: run.head_sha,
    conclusion: run.conclusion,
    completedAt: run.completed_at,
    title: run.output.title,
    summary: run.output.summary,
    appSlug: run.app?.slug ?? null
  };
}
async function branchTip(gh, r, branch) {
  try {
    return (await gh.rest.git.getRef({ ...r, ref: `heads/${branch}` })).data.object.sha;
  } catch (e) {
    if (e.status === 404) return void 0;
    throw e;
  }
}
export {
  branchTip,
  pullHead,
  steerCheckFor
};
