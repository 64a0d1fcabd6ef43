import { Command } from 'commander';
import { exitCodeForRun } from './exit-codes.js';
import { eventPullNumber } from '../adapters/github/runner-files.js';
import { loadConfig } from '../app/load-config.js';
import { renderText } from '../render/text.js';

interface ApplyOptions {
  tfBin: string;
  tfChdir?: string;
  config?: string;
  env?: string;
  workspace?: string;
  githubPr?: string;
  auditLog: string;
}

export function applyCommand(): Command {
  return new Command('apply')
    .description('Apply exactly the approved saved Terraform plan (never a fresh plan). Exit: terraform\'s code; 2 not approved; 3 blocked; 1 error.')
    .argument('<saved-plan>', 'the file "terraform plan -out=FILE" wrote')
    .option('--tf-bin <path>', 'terraform or tofu binary', 'terraform')
    .option('--tf-chdir <dir>', 'working directory for terraform (default: the plan file\'s directory)')
    .option('-c, --config <file>', 'policy file (default: steer.yml or .steer.yml)')
    .option('--env <name>', 'the environment (adds a production signal)')
    .option('--workspace <name>', 'workspace name a human must type to approve on a terminal (default: $TF_WORKSPACE or "default")')
    .option('--github-pr <number>', 'read the approval from this pull request\'s steer check (default: the workflow\'s pull request)')
    .option('--audit-log <file>', 'JSON Lines audit log', '.steer/audit.jsonl')
    .exitOverride()
    .action(async (planPath: string, opts: ApplyOptions) => {
      const [{ applyApprovedPlan }, { gitHubTarget }] = await Promise.all([import('../app/apply.js'), import('../app/approval-gate.js')]);
      const { config } = await loadConfig(process.cwd(), opts.config);
      const github = gitHubTarget(opts.githubPr, process.env, eventPullNumber(process.env.GITHUB_EVENT_PATH));
      process.exitCode = exitCodeForRun(await applyApprovedPlan({
        planPath,
        tfBin: opts.tfBin,
        config,
        workspace: opts.workspace ?? process.env.TF_WORKSPACE ?? 'default',
        auditLog: opts.auditLog,
        onReport: (report) => process.stdout.write(renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })),
        ...(opts.tfChdir ? { tfChdir: opts.tfChdir } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(github ? { github } : {}),
      }));
    });
}
