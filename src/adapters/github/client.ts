import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';

/**
 * Octokit with retries (5xx, 429, network: @octokit/plugin-retry) and rate-limit handling
 * (primary and secondary, waiting for the server's reset / retry-after: @octokit/plugin-throttling).
 * When retries run out the error propagates: the step fails, it is never reported as success.
 */
export type GitHub = InstanceType<typeof Octokit>;

export interface GitHubClientOptions {
  /** Milliseconds per "second" of retry wait (1000; tests make it a few ms). */
  readonly retryBaseMs?: number;
  /** Told about each rate-limit wait, for the log. */
  readonly onWait?: (message: string) => void;
}

/**
 * A rate limit that resets later than this is not waited for: the step fails now (never green)
 * instead of hanging the job for up to an hour. Re-run the job after the reset.
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 300;
const RATE_LIMIT_RETRIES = 2;

export function gitHubClient(token: string, baseUrl: string, options: GitHubClientOptions = {}): GitHub {
  const base = options.retryBaseMs ?? 1000;
  const decide = (kind: string) => (retryAfter: number, o: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    options.onWait?.(`GitHub ${kind} rate limit on ${o.method ?? ''} ${o.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : `giving up (reset in ${retryAfter} s, retry ${retryCount})`}`);
    return retrying;
  };
  const WithPlugins = Octokit.plugin(retry, throttling);
  return new WithPlugins({
    auth: token,
    baseUrl,
    userAgent: 'steer-action',
    // Failed requests are thrown and reported by the caller (a 404 for an absent steer.yml is normal): no log noise.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => options.onWait?.(m), error: () => {} },
    retry: { retries: 3, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      // GitHub asks for a second between content-creating requests; the same unit as the waits.
      write: new Bottleneck.Group({ id: 'steer-write', maxConcurrent: 1, minTime: base }),
      onRateLimit: decide('primary'),
      onSecondaryRateLimit: decide('secondary'),
    },
  }) as unknown as GitHub;
}
