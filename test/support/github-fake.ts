import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/parse.js';
import { encodeRecord, policyDigest, RECORD_VERSION, type ApprovalRecord } from '../../src/core/approval-record.js';
import { assertValidResponse } from './github-openapi.js';

function examplePullRequest(): Record<string, unknown> {
  const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: { action?: string; pull_request?: Record<string, unknown> }[] }[];
  return structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!.pull_request!);
}

/**
 * A loopback GitHub REST API holding one repository and one pull request. Every response body
 * is checked against GitHub's OpenAPI description before it is sent; a mismatch fails the test.
 */
const API = 'http://127.0.0.1';
let nextId = 1000;
const id = () => ++nextId;
const iso = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function user(login: string, type: 'User' | 'Bot' = 'User'): Record<string, unknown> {
  const safe = encodeURIComponent(login);
  const u = `${API}/users/${safe}`;
  return {
    login, id: login.length * 7 + 1, node_id: `U_${safe}`, avatar_url: `${API}/avatars/${safe}`, gravatar_id: '', url: u, html_url: `${API}/${safe}`,
    followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`, gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`, repos_url: `${u}/repos`, events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`, type, site_admin: false,
  };
}

export interface FakeReview { login: string; type?: 'User' | 'Bot'; state: string; commitId: string; submittedAt: string }
export interface FakeComment { id: number; login: string; type?: 'User' | 'Bot'; body: string; updatedAt?: string }
export interface Failure { method: string; pathPrefix: string; status: number; times: number; headers?: Record<string, string>; message?: string }

export class FakeGitHub {
  readonly owner = 'octo-org';
  readonly repo = 'infra';
  selfLogin: string | undefined = undefined; // undefined: GET /user answers 403, as for GITHUB_TOKEN
  baseFiles: Record<string, string> = {};
  prFiles: string[] = ['main.tf'];
  commitMessages: string[] = ['fix drift'];
  /** sha → GitHub login of a pull-request commit's author / committer (none by default). */
  commitAuthors: Record<string, string> = {};
  commitCommitters: Record<string, string> = {};
  /** Pushes GitHub recorded (the repository activity API): who pushed to which ref. */
  pushes: { actor: string; ref: string }[] = [];
  /** Who opened the pull request (#1). */
  prAuthor = 'Codertocat';
  reviews: FakeReview[] = [];
  comments: FakeComment[] = [];
  checkRuns: Record<string, unknown>[] = [];
  labels: string[] = [];
  requestedReviewers: string[] = [];
  failures: Failure[] = [];
  /** The app GitHub records as the creator of check runs (github-actions for GITHUB_TOKEN). */
  checkRunApp = 'github-actions';
  requests: string[] = [];
  /** branch → tip commit. */
  branches: Record<string, string> = { main: 'ba5e'.padEnd(40, '0') };
  /** branch → the checks an active ruleset requires before a merge (GET …/rules/branches/{branch}). */
  rulesetChecks: Record<string, string[]> = { main: ['steer'] };
  /** branch → the checks classic branch protection requires (none: the branch is unprotected). */
  protectionChecks: Record<string, string[]> = {};
  /** org/team → member logins. */
  teams: Record<string, string[]> = {};
  /** The commit the pull request's branch started from (main's tip when the test begins). */
  readonly pullBase = 'ba5e'.padEnd(40, '0');
  /** The pull request (#1): open until a test merges it. */
  pull: { state: 'open' | 'closed'; merged: boolean; mergeCommitSha: string | null; baseRef: string } = { state: 'open', merged: false, mergeCommitSha: null, baseRef: 'main' };
  /** Commits of the base branch and merges: sha → parents, message, author date (for compare). */
  graph: Record<string, { parents: string[]; message: string; date: string }> = {};
  private server: Server | undefined;
  private clock = Date.parse('2026-01-01T00:00:00Z');
  /** A GitHub timestamp (whole seconds) strictly later than the previous one. */
  private tick(): string {
    this.clock = Math.max(this.clock + 1000, Math.floor(Date.now() / 1000) * 1000);
    return iso(new Date(this.clock));
  }
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `${API}:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** Who the token writes as: the user of a user token, else the app's bot user (`github-actions[bot]` for GITHUB_TOKEN). */
  get tokenLogin(): string {
    return this.selfLogin ?? `${this.checkRunApp}[bot]`;
  }

  /** The sticky comments Steer wrote (author = the token's identity). */
  steerComments(marker: string): FakeComment[] {
    return this.comments.filter((c) => c.body.includes(marker) && c.login === this.tokenLogin);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const failure = this.failures.find((f) => f.method === method && url.pathname.startsWith(f.pathPrefix) && f.times > 0);
    if (failure) {
      failure.times -= 1;
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify({ message: failure.message ?? 'injected failure', documentation_url: 'https://docs.github.com/rest' }));
      return;
    }
    try {
      const [status, payload, headers] = this.route(method, url, body);
      if (status < 300) assertValidResponse(method, url.pathname, status, payload);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    } catch (e) {
      res.writeHead(599, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake GitHub bug: ${(e as Error).message}` }));
      process.stderr.write(`${(e as Error).message}\n`);
      this.requests.push(`INVALID ${(e as Error).message}`);
    }
  }

  private route(method: string, url: URL, body: Record<string, unknown> | undefined): [number, unknown, Record<string, string>?] {
    const p = url.pathname;
    const repoBase = `/repos/${this.owner}/${this.repo}`;
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    const paged = <T>(all: T[]): [number, T[], Record<string, string>] => {
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const at = (n: number) => {
        const next = new URL(url.href);
        next.searchParams.set('per_page', String(perPage));
        next.searchParams.set('page', String(n));
        return `${this.url}${p}?${next.searchParams.toString()}`;
      };
      const link: Record<string, string> = page < last ? { link: `<${at(page + 1)}>; rel="next", <${at(last)}>; rel="last"` } : {};
      return [200, slice, link];
    };
    let m: RegExpMatchArray | null;
    if (method === 'GET' && p === '/user') {
      if (!this.selfLogin) return [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' }];
      return [200, { ...user(this.selfLogin), name: null, company: null, blog: '', location: null, email: null, hireable: null, bio: null, public_repos: 1, public_gists: 0, followers: 0, following: 0, created_at: iso(), updated_at: iso() }];
    }
    if (method === 'GET' && (m = p.match(new RegExp(`^${repoBase}/contents/(.+)$`)))) {
      const path = decodeURIComponent(m[1]!);
      const text = this.baseFiles[path];
      if (text === undefined) return [404, { message: 'Not Found' }];
      const self = `${this.url}${repoBase}/contents/${path}`;
      return [200, { type: 'file', encoding: 'base64', size: text.length, name: path.split('/').pop(), path, content: Buffer.from(text).toString('base64'), sha: 'f'.repeat(40), url: self, git_url: self, html_url: self, download_url: self, _links: { git: self, html: self, self } }];
    }
    if (method === 'GET' && (m = p.match(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/))) {
      const members = this.teams[`${m[1]}/${m[2]}`] ?? [];
      if (!members.includes(decodeURIComponent(m[3]!))) return [404, { message: 'Not Found' }];
      return [200, { url: `${this.url}${p}`, role: 'member', state: 'active' }];
    }
    if (method === 'GET' && (m = decodeURIComponent(p).match(new RegExp(`^${repoBase}/git/ref/heads/(.+)$`)))) {
      const sha = this.branches[m[1]!];
      if (!sha) return [404, { message: 'Not Found' }];
      return [200, { ref: `refs/heads/${m[1]}`, node_id: 'REF', url: `${this.url}${p}`, object: { type: 'commit', sha, url: `${this.url}/commits/${sha}` } }];
    }
    if (method === 'GET' && (m = decodeURIComponent(p).match(new RegExp(`^${repoBase}/rules/branches/(.+)$`)))) {
      const checks = this.rulesetChecks[m[1]!] ?? [];
      if (checks.length === 0) return [200, []];
      return [200, [{ type: 'required_status_checks', parameters: { required_status_checks: checks.map((context) => ({ context, integration_id: 15368 })), strict_required_status_checks_policy: true }, ruleset_source_type: 'Repository', ruleset_source: `${this.owner}/${this.repo}`, ruleset_id: 1 }]];
    }
    if (method === 'GET' && (m = decodeURIComponent(p).match(new RegExp(`^${repoBase}/branches/([^/]+)$`)))) {
      const sha = this.branches[m[1]!];
      if (!sha) return [404, { message: 'Branch not found' }];
      const checks = this.protectionChecks[m[1]!];
      const self = `${this.url}${p}`;
      return [200, {
        name: m[1], commit: this.commit(sha, 'tip', '2026-01-01T00:00:00Z', []), _links: { html: self, self }, protected: checks !== undefined,
        protection: { enabled: checks !== undefined, required_status_checks: { enforcement_level: checks ? 'non_admins' : 'off', contexts: checks ?? [], checks: (checks ?? []).map((context) => ({ context, app_id: null })) } },
        protection_url: `${self}/protection`,
      }];
    }
    if (method === 'GET' && p === `${repoBase}/pulls/1/files`) {
      return paged(this.prFiles.map((f) => ({ sha: 'a'.repeat(40), filename: f, status: 'modified', additions: 1, deletions: 1, changes: 2, blob_url: `${this.url}/b`, raw_url: `${this.url}/r`, contents_url: `${this.url}/c` })));
    }
    if (method === 'GET' && p === `${repoBase}/pulls/1/commits`) {
      return paged(this.pullCommits().map((c) => this.commit(c.sha, c.message, c.date, c.parents)));
    }
    if (method === 'GET' && p === `${repoBase}/pulls/1`) {
      const pr = examplePullRequest() as Record<string, any>;
      const merged = this.pull.merged;
      Object.assign(pr, { number: 1, changed_files: this.prFiles.length, user: user(this.prAuthor, this.prAuthor === 'Copilot' ? 'Bot' : 'User'), state: this.pull.state, merged, merged_at: merged ? iso() : null, closed_at: this.pull.state === 'closed' ? iso() : null, merge_commit_sha: this.pull.mergeCommitSha, auto_merge: null });
      pr.head.sha = this.pullCommits().at(-1)!.sha;
      pr.base.ref = this.pull.baseRef;
      pr.base.sha = this.branches[this.pull.baseRef] ?? pr.base.sha;
      return [200, pr];
    }
    if (method === 'GET' && (m = p.match(new RegExp(`^${repoBase}/commits/([0-9a-f]{40})/pulls$`)))) {
      if (!this.pull.merged || this.pull.mergeCommitSha !== m[1]) return [200, []];
      const { merged: _m, mergeable: _a, rebaseable: _r, mergeable_state: _s, merged_by: _b, comments: _c, review_comments: _v, maintainer_can_modify: _x, commits: _n, additions: _d, deletions: _e, changed_files: _f, ...simple } = examplePullRequest() as Record<string, any>;
      return [200, [{ ...simple, number: 1, state: 'closed', merged_at: iso(), merge_commit_sha: m[1], auto_merge: null }]];
    }
    if (method === 'GET' && (m = p.match(new RegExp(`^${repoBase}/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})$`)))) {
      const all = this.allCommits();
      const reach = (from: string) => {
        const seen = new Set<string>();
        for (const stack = [from]; stack.length; ) {
          const sha = stack.pop()!;
          if (seen.has(sha) || !all[sha]) continue;
          seen.add(sha);
          stack.push(...all[sha]!.parents);
        }
        return seen;
      };
      const [base, head] = [m[1]!, m[2]!];
      if (!all[base] || !all[head]) return [404, { message: 'Not Found' }];
      const fromBase = reach(base);
      const ahead = [...reach(head)].filter((sha) => !fromBase.has(sha)).map((sha) => ({ sha, ...all[sha]! })).sort((a, b) => a.date.localeCompare(b.date));
      const behind = [...fromBase].filter((sha) => !reach(head).has(sha)).length;
      const c = (sha: string) => this.commit(sha, all[sha]!.message, all[sha]!.date, all[sha]!.parents);
      return [200, {
        url: `${this.url}${p}`, html_url: `${this.url}${p}`, permalink_url: `${this.url}${p}`, diff_url: `${this.url}${p}.diff`, patch_url: `${this.url}${p}.patch`,
        base_commit: c(base), merge_base_commit: c(behind === 0 ? base : base), status: behind === 0 ? (ahead.length ? 'ahead' : 'identical') : ahead.length ? 'diverged' : 'behind',
        ahead_by: ahead.length, behind_by: behind, total_commits: ahead.length, commits: ahead.map((x) => c(x.sha)), files: [],
      }];
    }
    if (method === 'GET' && (m = p.match(/^\/repos\/([^/]+)\/([^/]+)\/activity$/))) {
      const ref = url.searchParams.get('ref');
      return paged(this.pushes.filter((x) => !ref || x.ref === ref).map((x, i) => ({ id: i + 1, node_id: `RA_${i}`, before: 'a'.repeat(40), after: 'b'.repeat(40), ref: x.ref, timestamp: '2026-01-01T00:00:00Z', activity_type: 'push', actor: user(x.actor) })));
    }
    if (method === 'GET' && p === `${repoBase}/pulls/1/reviews`) {
      return paged(this.reviews.map((r, i) => ({ id: i + 1, node_id: `R_${i}`, user: user(r.login, r.type), body: '', state: r.state, html_url: `${this.url}/r/${i}`, pull_request_url: `${this.url}/p/1`, _links: { html: { href: `${this.url}/r/${i}` }, pull_request: { href: `${this.url}/p/1` } }, submitted_at: r.submittedAt, commit_id: r.commitId, author_association: 'MEMBER' })));
    }
    if (method === 'GET' && p === `${repoBase}/issues/1/comments`) return paged(this.comments.map((c) => this.comment(c)));
    if (method === 'POST' && p === `${repoBase}/issues/1/comments`) {
      const c: FakeComment = { id: id(), login: this.tokenLogin, type: (this.selfLogin ? 'User' : 'Bot') as 'User' | 'Bot', body: String(body?.body), updatedAt: this.tick() };
      this.comments.push(c);
      return [201, this.comment(c)];
    }
    if (method === 'PATCH' && (m = p.match(new RegExp(`^${repoBase}/issues/comments/(\\d+)$`)))) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return [404, { message: 'Not Found' }];
      c.body = String(body?.body);
      c.updatedAt = this.tick();
      return [200, this.comment(c)];
    }
    if (method === 'GET' && (m = p.match(new RegExp(`^${repoBase}/issues/comments/(\\d+)$`)))) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return [404, { message: 'Not Found' }];
      return [200, this.comment(c)];
    }
    if (method === 'GET' && (m = p.match(new RegExp(`^${repoBase}/commits/([0-9a-f]{40})/check-runs$`)))) {
      const runs = this.checkRuns.filter((r) => r.head_sha === m![1] && (!url.searchParams.get('check_name') || r.name === url.searchParams.get('check_name')));
      const [, slice, link] = paged(runs);
      return [200, { total_count: runs.length, check_runs: slice }, link];
    }
    if (method === 'POST' && p === `${repoBase}/check-runs`) {
      const runId = id();
      const run: Record<string, unknown> = {
        id: runId, node_id: `CR_${runId}`, head_sha: body?.head_sha, name: body?.name, external_id: body?.external_id ?? null, url: `${this.url}${repoBase}/check-runs/${runId}`,
        html_url: `${this.url}/runs/${runId}`, details_url: body?.details_url ?? null, status: body?.status ?? 'queued', conclusion: body?.conclusion ?? null,
        started_at: body?.started_at ?? iso(), completed_at: body?.completed_at ?? null, output: this.checkOutput(runId, body?.output),
        check_suite: { id: 1 }, app: this.app(), pull_requests: [],
      };
      this.checkRuns.push(run);
      return [201, run];
    }
    if (method === 'PATCH' && (m = p.match(new RegExp(`^${repoBase}/check-runs/(\\d+)$`)))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return [404, { message: 'Not Found' }];
      for (const k of ['status', 'conclusion', 'completed_at', 'details_url', 'external_id', 'started_at'] as const) if (body?.[k] !== undefined) run[k] = body[k];
      if (body?.output) run.output = this.checkOutput(run.id as number, body.output);
      return [200, run];
    }
    if (method === 'GET' && p === `${repoBase}/issues/1/labels`) return paged(this.labels.map((name, i) => this.label(name, i)));
    if (method === 'POST' && p === `${repoBase}/issues/1/labels`) {
      for (const l of (body?.labels as string[]) ?? []) if (!this.labels.includes(l)) this.labels.push(l);
      return [200, this.labels.map((name, i) => this.label(name, i))];
    }
    if (method === 'DELETE' && (m = p.match(new RegExp(`^${repoBase}/issues/1/labels/(.+)$`)))) {
      this.labels = this.labels.filter((l) => l !== decodeURIComponent(m![1]!));
      return [200, this.labels.map((name, i) => this.label(name, i))];
    }
    if (method === 'POST' && p === `${repoBase}/pulls/1/requested_reviewers`) {
      this.requestedReviewers.push(...((body?.reviewers as string[]) ?? []), ...((body?.team_reviewers as string[]) ?? []).map((t) => `team:${t}`));
      // GitHub answers with the pull request: the webhook example's, which matches the REST schema.
      return [201, { ...examplePullRequest(), auto_merge: null }];
    }
    return [404, { message: `fake GitHub: no route for ${method} ${p}` }];
  }

  /**
   * What the PR gate leaves behind when it approved a plan on `headSha`: a completed `steer`
   * check run by GitHub Actions whose summary carries the gate's record (signed with `key`),
   * and — unless `review: false` — alice's approving review on that head.
   */
  addSteerCheck(plan: { artifact?: string; digest: string; verdict?: string; findings?: string[] }, headSha: string, o: { key?: string; over?: Record<string, unknown>; record?: Record<string, unknown>; review?: boolean } = {}): Record<string, any> {
    const now = new Date();
    const reportedAt = new Date(now.getTime() - 60_000).toISOString();
    const runId = id();
    const verdict = plan.verdict ?? 'review';
    const record = {
      v: RECORD_VERSION, repository: `${this.owner}/${this.repo}`, pull: 1, checkRunId: runId, headSha, base: { ref: 'main', sha: this.branches.main! },
      reportedAt, reviewedFrom: reportedAt, verdict, digest: plan.digest,
      plans: [{ name: 'tfplan', ...(plan.artifact ? { artifact: plan.artifact } : {}), digest: plan.digest, verdict, findings: plan.findings ?? [] }],
      conclusion: 'success', required: 1, approvers: [{ login: 'alice', reviewId: 1, submittedAt: now.toISOString() }],
      policy: { path: 'steer.yml', sha256: this.basePolicy() }, concludedAt: now.toISOString(), ...o.record,
    } as unknown as ApprovalRecord;
    if (o.review !== false) this.reviews.push({ login: 'alice', state: 'APPROVED', commitId: headSha, submittedAt: iso(new Date(now.getTime() - 30_000)) });
    const run = {
      id: runId, node_id: 'CR', head_sha: headSha, name: 'steer', external_id: `steer:${plan.digest}`, url: `${this.url}/cr`, html_url: `${this.url}/cr`, details_url: null,
      status: 'completed', conclusion: 'success', started_at: reportedAt, completed_at: now.toISOString(),
      output: { title: 'Approved by alice', summary: `Verdict **${verdict}** · digest \`${plan.digest}\`\n\n${encodeRecord(record, o.key)}`, text: null, annotations_count: 0, annotations_url: `${this.url}/a` },
      check_suite: { id: 1 }, app: this.app(), pull_requests: [], ...o.over,
    };
    this.checkRuns.push(run);
    return run;
  }

  /** The digest of the policy the gate reads: steer.yml of the base branch (the defaults without one). */
  basePolicy(): string {
    const text = this.baseFiles['steer.yml'];
    return policyDigest(text === undefined ? DEFAULT_CONFIG : parseConfig(text, 'steer.yml'));
  }

  /** The pull request's commits, oldest first: shas 000…0, 000…1, … (the last is the head). */
  pullCommits(): { sha: string; message: string; date: string; parents: string[] }[] {
    return this.commitMessages.map((message, i) => ({ sha: String(i).padStart(40, '0'), message, date: `2026-01-01T00:0${i}:00Z`, parents: i === 0 ? [this.pullBase] : [String(i - 1).padStart(40, '0')] }));
  }

  private allCommits(): Record<string, { parents: string[]; message: string; date: string }> {
    const out: Record<string, { parents: string[]; message: string; date: string }> = { [this.pullBase]: { parents: [], message: 'base', date: '2025-12-31T00:00:00Z' }, ...this.graph };
    for (const c of this.pullCommits()) out[c.sha] ??= c;
    return out;
  }

  /** Merges the pull request onto `onto` (default: the main tip) the way GitHub's merge button does; returns the new main tip. */
  merge(method: 'merge' | 'squash' | 'rebase', onto = this.branches.main!): string {
    const commits = this.pullCommits();
    let tip = onto;
    if (method === 'rebase') {
      commits.forEach((c, i) => {
        const sha = `e${String(i).padStart(39, '0')}`;
        this.graph[sha] = { parents: [tip], message: c.message, date: c.date };
        tip = sha;
      });
    } else {
      tip = `d${'0'.repeat(39)}`;
      this.graph[tip] = { parents: method === 'merge' ? [onto, commits.at(-1)!.sha] : [onto], message: method === 'merge' ? 'Merge pull request #1' : 'fix drift (#1)', date: '2026-02-01T00:00:00Z' };
    }
    this.branches.main = tip;
    this.pull = { ...this.pull, state: 'closed', merged: true, mergeCommitSha: tip };
    return tip;
  }

  private commit(sha: string, message: string, date: string, parents: string[]): Record<string, unknown> {
    const who = { name: 'dev', email: 'dev@example.com', date };
    return {
      url: `${this.url}/c/${sha}`, sha, node_id: `C_${sha.slice(0, 8)}`, html_url: `${this.url}/c/${sha}`, comments_url: `${this.url}/c/${sha}/comments`,
      commit: { url: `${this.url}/c/${sha}`, author: who, committer: who, message, comment_count: 0, tree: { sha, url: `${this.url}/t/${sha}` } },
      author: this.commitAuthors[sha] ? user(this.commitAuthors[sha]!) : null, committer: this.commitCommitters[sha] ? user(this.commitCommitters[sha]!) : null, parents: parents.map((p) => ({ sha: p, url: `${this.url}/c/${p}`, html_url: `${this.url}/c/${p}` })),
    };
  }

  /** The annotations each check run was given, as sent (GitHub lists them apart from the run). */
  annotations: Record<number, Record<string, unknown>[]> = {};

  private checkOutput(runId: number, output: unknown): Record<string, unknown> {
    const o = (output ?? {}) as Record<string, unknown>;
    if (Array.isArray(o.annotations)) (this.annotations[runId] ??= []).push(...(o.annotations as Record<string, unknown>[]));
    return { title: o.title ?? null, summary: o.summary ?? null, text: o.text ?? null, annotations_count: (o.annotations as unknown[] | undefined)?.length ?? 0, annotations_url: `${this.url}/a/${runId}` };
  }

  private comment(c: FakeComment): Record<string, unknown> {
    return { id: c.id, node_id: `IC_${c.id}`, url: `${this.url}/comments/${c.id}`, html_url: `${this.url}/comments/${c.id}`, body: c.body, user: user(c.login, c.type ?? 'User'), created_at: '2026-01-01T00:00:00Z', updated_at: c.updatedAt ?? '2026-01-01T00:00:00Z', issue_url: `${this.url}/issues/1`, author_association: 'MEMBER' };
  }

  private app(): Record<string, unknown> {
    const slug = this.checkRunApp;
    return { id: 15368, slug, node_id: `A_${slug}`, owner: user('github', 'User'), name: slug, description: null, external_url: `${API}/apps/${slug}`, html_url: `${API}/apps/${slug}`, created_at: iso(), updated_at: iso(), permissions: { checks: 'write' }, events: [] };
  }

  private label(name: string, i: number): Record<string, unknown> {
    return { id: i + 1, node_id: `L_${i}`, url: `${this.url}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'd73a4a', default: false };
  }
}
