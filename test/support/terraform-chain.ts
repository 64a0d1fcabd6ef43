import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { decodeRecord, type ApprovalRecord, type EncodedRecord } from '../../src/core/approval-record.js';
import { FakeGitHub } from './github-fake.js';
import { runCliAsync, type CliResult } from './run-cli.js';
import { pullRequestEvent, runBundledAction, type ActionRun } from './run-action.js';
import { requireTerraform, terraform } from './terraform.js';

/**
 * The Terraform approval chain as users run it, for tests of attacks on it: a repository
 * checkout with a configuration applied once (the real terraform), the loopback GitHub with one
 * pull request by an agent, the plan job (saved plan and rendering, copied as the artifact), the
 * bundled Action as the gate (with a signing key) and the built CLI's `steer apply --github-pr 1`.
 * Registers its own beforeEach/afterEach; each test gets a fresh repository and GitHub.
 */
export interface TerraformChain {
  readonly tf: string;
  readonly gh: () => FakeGitHub;
  /** The test's directory (the runner's workspace and temp dir); the checkout is `work()`. */
  readonly root: () => string;
  readonly work: () => string;
  readonly head: () => string;
  /** `terraform plan -out` of `config` in the checkout; saved plan (and, unless `json: false`, its JSON) copied to root/<name>. */
  planJob(config: string, name?: string, o?: { json?: boolean; vars?: string[] }): string;
  gate(o?: { event?: 'pull_request' | 'pull_request_review'; action?: string; artifact?: string; key?: string; env?: Record<string, string | undefined> }): Promise<ActionRun>;
  approve(login?: string, state?: string): void;
  apply(artifact?: string, env?: Record<string, string | undefined>): Promise<CliResult>;
  lastCheck(): { id: number; conclusion: string; completed_at: string; output: { summary: string } };
  lastRecord(): ApprovalRecord;
  /** The addresses in the checkout's state. */
  resources(): string[];
  /** The id of a resource in the state (it changes when the resource is replaced). */
  idOf(address: string): string;
}

export const AGENT = { login: 'Copilot', type: 'Bot' } as const;
export const TF_ENV = { TF_CLI_CONFIG_FILE: '/dev/null' };

export function useTerraformChain(o: { key: string; config: string }): TerraformChain {
  const tf = requireTerraform();
  let gh: FakeGitHub;
  let root: string;
  const work = () => join(root, 'work');
  const head = () => gh.pullCommits().at(-1)!.sha;
  const state = () => JSON.parse(terraform(tf, work(), ['show', '-json'])) as { values?: { root_module?: { resources?: { address: string; values: { id: string } }[] } } };

  beforeEach(async () => {
    gh = new FakeGitHub();
    gh.prAuthor = AGENT.login;
    await gh.start();
    root = mkdtempSync(join(tmpdir(), 'steer-chain-'));
    mkdirSync(work());
    writeFileSync(join(work(), 'main.tf'), o.config);
    terraform(tf, work(), ['init', '-input=false']);
    terraform(tf, work(), ['apply', '-auto-approve', '-input=false']);
  });
  afterEach(async () => {
    await gh.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const chain: TerraformChain = {
    tf,
    gh: () => gh,
    root: () => root,
    work,
    head,
    planJob(config, name = 'artifact', p = {}) {
      writeFileSync(join(work(), 'main.tf'), config);
      terraform(tf, work(), ['plan', '-input=false', '-out=tfplan', ...(p.vars ?? [])]);
      const out = join(root, name);
      mkdirSync(out, { recursive: true });
      copyFileSync(join(work(), 'tfplan'), join(out, 'tfplan'));
      if (p.json !== false) writeFileSync(join(out, 'tfplan.json'), terraform(tf, work(), ['show', '-json', 'tfplan']));
      return out;
    },
    gate(g = {}) {
      const event = g.event ?? 'pull_request';
      const payload = pullRequestEvent(event, g.action ?? (event === 'pull_request' ? 'opened' : 'submitted'), AGENT, head(), gh.branches.main!);
      return runBundledAction(gh, root, payload, event, { plans: `${g.artifact ?? 'artifact'}/tfplan`, 'signing-key': g.key ?? o.key }, g.env);
    },
    approve(login = 'alice', state = 'APPROVED') {
      gh.reviews.push({ login, state, commitId: head(), submittedAt: new Date().toISOString() });
    },
    apply(artifact = 'artifact', env = {}) {
      return runCliAsync(['apply', join(root, artifact, 'tfplan'), '--tf-chdir', work(), '--github-pr', '1'], {
        cwd: root,
        env: { ...TF_ENV, GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url, STEER_GITHUB_RETRY_BASE_MS: '5', STEER_SIGNING_KEY: o.key, GITHUB_EVENT_PATH: undefined, ...env },
      });
    },
    lastCheck: () => gh.checkRuns.at(-1) as ReturnType<TerraformChain['lastCheck']>,
    lastRecord: () => (decodeRecord(chain.lastCheck().output.summary) as EncodedRecord).record,
    resources: () => (state().values?.root_module?.resources ?? []).map((r) => r.address).sort(),
    idOf: (address) => state().values!.root_module!.resources!.find((r) => r.address === address)!.values.id,
  };
  return chain;
}
