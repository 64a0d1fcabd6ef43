import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { signingKeyProblem } from '../core/approval-record.js';
import { InputError, UsageError } from '../core/errors.js';
import { firstIssueText } from '../sources/issue-text.js';

/** Everything the Action reads from its environment, read once, validated, as plain values. */
export interface ActionInputs {
  readonly plans: readonly string[];
  readonly configPath: string;
  readonly env?: string;
  readonly token: string;
  readonly eventName: string;
  readonly repo: { readonly owner: string; readonly repo: string };
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runUrl?: string;
  readonly outputFile?: string;
  readonly summaryFile?: string;
  readonly tempDir: string;
  readonly workspace: string;
  readonly pull?: PullRequestEvent;
  /** Milliseconds per second of GitHub retry waits (internal knob STEER_GITHUB_RETRY_BASE_MS; tests shorten it). */
  readonly retryBaseMs: number;
  /** Input `signing-key`: the gate signs its check with it (steer apply verifies with STEER_SIGNING_KEY). */
  readonly signingKey?: string;
  /** Input `sarif`: where to write the report as SARIF (relative to the workspace). */
  readonly sarifPath?: string;
}

export interface PullRequestEvent {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
  readonly author: { readonly login: string; readonly type: string };
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/; // SHA-1, or SHA-256 repositories
const userSchema = z.looseObject({ login: z.string(), type: z.string().default('User') });
const pullSchema = z.looseObject({
  number: z.number().int().positive(),
  user: userSchema,
  head: z.looseObject({ sha: z.string().regex(SHA) }),
  base: z.looseObject({ sha: z.string().regex(SHA), ref: z.string().min(1) }),
});
const eventSchema = z.looseObject({ pull_request: pullSchema.optional() });

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/** `INPUT_GITHUB-TOKEN` is how the runner names input `github-token` (upper case, '-' kept). */
function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.toUpperCase()}`] ?? env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
}

export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const plans = input(env, 'plans')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (plans.length === 0) throw new UsageError('input "plans" is empty: give the plan files (one path or glob per line)');
  const token = input(env, 'github-token');
  if (!token) throw new UsageError('input "github-token" is empty');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set: run this as a GitHub Action');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const eventPath = env.GITHUB_EVENT_PATH;
  let pull: PullRequestEvent | undefined;
  if (eventPath) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(eventPath, 'utf8'));
    } catch (e) {
      throw new InputError(eventPath, `event payload unreadable: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(eventPath, `unexpected event payload: ${firstIssueText(parsed.error)}`);
    const pr = parsed.data.pull_request;
    if (pr) pull = { number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha, baseRef: pr.base.ref, author: { login: pr.user.login, type: pr.user.type } };
  }
  // A pull-request event without its pull request must not quietly run as a plain analysis.
  if (PULL_REQUEST_EVENTS.has(eventName) && !pull) throw new InputError(eventPath ?? 'GITHUB_EVENT_PATH', `a ${eventName} event without its pull_request payload`);
  const signingKey = input(env, 'signing-key');
  const weak = signingKey ? signingKeyProblem(signingKey, 'input "signing-key"') : undefined;
  if (weak) throw new UsageError(weak);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const envName = input(env, 'env');
  return {
    plans,
    configPath: input(env, 'config') || 'steer.yml',
    ...(envName ? { env: envName } : {}),
    token,
    eventName,
    repo: { owner, repo },
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl,
    ...(env.GITHUB_RUN_ID ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
    ...(env.GITHUB_OUTPUT ? { outputFile: env.GITHUB_OUTPUT } : {}),
    ...(env.GITHUB_STEP_SUMMARY ? { summaryFile: env.GITHUB_STEP_SUMMARY } : {}),
    tempDir: env.RUNNER_TEMP ?? process.cwd(),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    ...(pull ? { pull } : {}),
    retryBaseMs: retryBase(env.STEER_GITHUB_RETRY_BASE_MS),
    ...(signingKey ? { signingKey } : {}),
    ...(input(env, 'sarif') ? { sarifPath: input(env, 'sarif') } : {}),
  };
}

function retryBase(value: string | undefined): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : 1000;
}
