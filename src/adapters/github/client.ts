import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/**
 * Octokit with retries (5xx, network) and rate-limit handling (primary and secondary, with the
 * server's retry-after). When retries run out the error propagates: the step fails, it is never
 * reported as success.
 */
export type GitHub = InstanceType<typeof Octokit>;

export function gitHubClient(token: string, baseUrl: string, options: { retryBaseMs?: number } = {}): GitHub {
  const WithPlugins = Octokit.plugin(retry, throttling);
  return new WithPlugins({
    auth: token,
    baseUrl,
    userAgent: 'steer-action',
    retry: { retries: 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      onRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
      onSecondaryRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
    },
  }) as unknown as GitHub;
}
