import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FakeGitHub } from './github-fake.js';
import { repoRoot } from './paths.js';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

/** A webhook payload from GitHub's own examples; only the PR number, author, head and base are changed. */
export function pullRequestEvent(name: 'pull_request' | 'pull_request_review', action: string, author: { login: string; type: string }, head: string, base: string): Record<string, unknown> {
  const example = structuredClone(examples.find((e) => e.name === name)!.examples.find((x) => x.action === action)!) as Record<string, any>;
  Object.assign(example.pull_request, { number: 1, user: { ...example.pull_request.user, login: author.login, type: author.type } });
  example.pull_request.head.sha = head;
  example.pull_request.base.sha = base;
  example.pull_request.base.ref = 'main';
  return example;
}

export interface ActionRun {
  readonly code: number;
  /** stdout and stderr, as the runner's log shows them. */
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  readonly summary: string;
}

/**
 * The bundled Action (dist/index.js) as the runner starts it: INPUT_*, the event file, GITHUB_OUTPUT,
 * against the loopback GitHub (every response checked against GitHub's OpenAPI description).
 * `env` adds or (undefined) removes variables; STEER_ACTION_NODE runs it under another Node.
 */
export async function runBundledAction(
  gh: FakeGitHub,
  dir: string,
  event: Record<string, unknown>,
  eventName: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const runnerEnv: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    'INPUT_CONFIG': 'steer.yml',
    'INPUT_GITHUB-TOKEN': 'ghs_fake',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: gh.url,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '42',
    STEER_GITHUB_RETRY_BASE_MS: '5',
    TF_CLI_CONFIG_FILE: '/dev/null',
    ...env,
  };
  const defined = Object.fromEntries(Object.entries(runnerEnv).filter((e): e is [string, string] => e[1] !== undefined));
  const child = spawn(process.env.STEER_ACTION_NODE ?? process.execPath, [join(repoRoot, 'dist/index.js')], { cwd: dir, env: defined });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(join(dir, 'output'), 'utf8').matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const invalid = gh.requests.filter((r) => r.startsWith('INVALID'));
  if (invalid.length > 0) throw new Error(`the fake GitHub answered outside GitHub's OpenAPI description: ${invalid.join('; ')}`);
  return { code, stdout, outputs, summary: readFileSync(join(dir, 'summary'), 'utf8') };
}
