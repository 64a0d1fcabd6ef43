import { Command } from 'commander';
import { exitCodeForRun } from './exit-codes.js';
import { eventPullNumber } from '../adapters/github/runner-files.js';
import { loadConfig } from '../app/load-config.js';
import { renderText } from '../render/text.js';

interface ExecuteOptions {
  stack: string;
  changeSet: string;
  region?: string;
  config?: string;
  env?: string;
  githubPr?: string;
  auditLog: string;
  timeout: string;
}

export function executeCommand(): Command {
  return new Command('execute')
    .description('Execute exactly the approved CloudFormation change set (root only) and wait for the stack. Exit: 0 done; 2 not approved; 3 blocked; 1 error or rollback.')
    .requiredOption('--stack <name>', 'stack name')
    .requiredOption('--change-set <name|arn>', 'the change set (its ARN is what the approval is bound to)')
    .option('--region <region>', 'AWS region (default: the standard AWS chain)')
    .option('-c, --config <file>', 'policy file (default: steer.yml or .steer.yml)')
    .option('--env <name>', 'the environment (adds a production signal)')
    .option('--github-pr <number>', 'read the approval from this pull request\'s steer check (default: the workflow\'s pull request)')
    .option('--audit-log <file>', 'JSON Lines audit log', '.steer/audit.jsonl')
    .option('--timeout <seconds>', 'how long to wait for the stack', '3600')
    .exitOverride()
    .action(async (opts: ExecuteOptions) => {
      const [{ executeApprovedChangeSet }, { gitHubTarget }] = await Promise.all([import('../app/execute.js'), import('../app/approval-gate.js')]);
      const { config } = await loadConfig(process.cwd(), opts.config);
      const github = gitHubTarget(opts.githubPr, process.env, eventPullNumber(process.env.GITHUB_EVENT_PATH));
      process.exitCode = exitCodeForRun(await executeApprovedChangeSet({
        stack: opts.stack,
        changeSet: opts.changeSet,
        config,
        auditLog: opts.auditLog,
        timeoutMs: Number(opts.timeout) * 1000,
        pollMs: Number(process.env.STEER_CFN_POLL_MS ?? 5000),
        onReport: (report) => process.stdout.write(renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(github ? { github } : {}),
      }));
    });
}
