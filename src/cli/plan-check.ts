import { Command } from 'commander';
import { loadConfig } from '../app/load-config.js';
import { agentAuthored, withAgentAuthored } from './agent-authored.js';
import { planCheck } from '../app/plan-check.js';
import { startProgress } from './progress.js';
import { emitReport, withReportOptions, type ReportOutputOptions } from './report-output.js';

interface PlanCheckOptions extends ReportOutputOptions {
  config?: string;
  env?: string;
  workspace?: string;
  tfBin: string;
  tfChdir?: string;
  agent?: boolean;
  agentAuthored?: boolean;
  stream?: boolean;
  cdktf?: string;
  stack?: string;
  changeSet?: string;
  region?: string;
}

export function planCheckCommand(): Command {
  const command = new Command('plan-check')
    .description('Analyze Terraform/OpenTofu plans and CloudFormation change sets; exit 0 allow, 1 error, 2 review required, 3 blocked.')
    .argument('[inputs...]', 'plan JSON (terraform show -json), saved plan files, DescribeChangeSet JSON, directories of change-set JSON, or - for stdin');
  return withAgentAuthored(withReportOptions(command))
    .option('-c, --config <file>', 'policy file (default: steer.yml or .steer.yml in the current directory)')
    .option('--env <name>', 'the environment these plans deploy to (adds a production signal when it names production)')
    .option('--workspace <name>', 'Terraform workspace the plans were made in (default: $TF_WORKSPACE)')
    .option('--tf-bin <path>', 'terraform or tofu binary used to read saved plans', 'terraform')
    .option('--tf-chdir <dir>', 'working directory for "terraform show" on saved plans (default: the plan file\'s directory)')
    .option('--stream', 'read Terraform JSON plans with the streaming reader (automatic above 256 MB)')
    .option('--cdktf <dir>', 'a synthesized CDK for Terraform app (cdktf.out): plan every stack (or take the plans already there)')
    .option('--stack <name>', 'CloudFormation stack of --change-set')
    .option('--change-set <name|arn>', 'analyze an existing change set through the AWS API (all pages, nested change sets)')
    .option('--region <region>', 'AWS region (default: the standard AWS chain, e.g. AWS_REGION)')
    .exitOverride()
    .action(async (inputs: string[], opts: PlanCheckOptions) => {
      const { config } = await loadConfig(process.cwd(), opts.config);
      const workspace = opts.workspace ?? process.env.TF_WORKSPACE;
      const progress = startProgress(`analyzing ${inputs.length || 1} input(s)…`);
      const cdktfPlans = opts.cdktf ? await (await import('../app/cdktf.js')).cdktfStackPlans(opts.cdktf, opts.tfBin) : [];
      const report = await planCheck({
        inputs: [...inputs, ...cdktfPlans],
        config,
        tfBin: opts.tfBin,
        agentAuthored: agentAuthored(opts),
        stream: opts.stream === true,
        onSkipped: (path, why) => process.stderr.write(`steer: skipped ${path}: ${why}\n`),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
        ...(workspace ? { workspace } : {}),
        ...(opts.tfChdir !== undefined ? { tfChdir: opts.tfChdir } : {}),
        ...(opts.changeSet !== undefined
          ? { live: { changeSet: opts.changeSet, ...(opts.stack ? { stack: opts.stack } : {}), ...(opts.region ? { region: opts.region } : {}) } }
          : {}),
      }).finally(() => progress.stop());
      await emitReport(report, opts);
    });
}
