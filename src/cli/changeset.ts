import { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { loadConfig } from '../app/load-config.js';
import { planCheck } from '../app/plan-check.js';
import { agentAuthored, withAgentAuthored } from './agent-authored.js';
import { emitReport, withReportOptions, type ReportOutputOptions } from './report-output.js';

interface CreateOptions extends ReportOutputOptions {
  stack?: string;
  template?: string;
  cdk?: string;
  parameters: string[];
  tags: string[];
  name?: string;
  capabilities: string[];
  region?: string;
  config?: string;
  env?: string;
  agent?: boolean;
  agentAuthored?: boolean;
  timeout: string;
}

export function changesetCommand(): Command {
  const create = withAgentAuthored(withReportOptions(
    new Command('create')
      .description('Create a CloudFormation change set (never executed), wait for it, and analyze it like plan-check. Prints its ARN: approvals bind to it.')
      .option('--stack <name>', 'stack name (CREATE when it does not exist yet, UPDATE otherwise); with --cdk, which stack of the app')
      .option('--template <file>', 'template file (JSON or YAML)')
      .option('--cdk <cdk.out>', 'an AWS CDK cloud assembly: a change set per stack template (assets must already be published)'),
  ))
    .option('--parameters <Key=Value...>', 'template parameters', [])
    .option('--tags <Key=Value...>', 'stack tags', [])
    .option('--name <name>', 'change set name (default: steer-<timestamp>)')
    .option('--capabilities <capability...>', 'e.g. CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND', [])
    .option('--region <region>', 'AWS region (default: the standard AWS chain)')
    .option('-c, --config <file>', 'policy file (default: steer.yml or .steer.yml)')
    .option('--env <name>', 'the environment this stack is (adds a production signal when it names production)')
    .option('--timeout <seconds>', 'how long to wait for the change set', '600')
    .exitOverride()
    .action(async (opts: CreateOptions) => {
      const { createChangeSetPlans } = await import('../app/live-change-set.js');
      const { config } = await loadConfig(process.cwd(), opts.config);
      const targets = await changeSetTargets(opts);
      const plans = [];
      for (const target of targets) {
        const created = await createChangeSetPlans({
          stack: target.stack,
          templatePath: target.templatePath,
          parameters: opts.parameters,
          tags: opts.tags,
          capabilities: opts.capabilities,
          timeoutMs: Number(opts.timeout) * 1000,
          pollMs: Number(process.env.STEER_CFN_POLL_MS ?? 2000),
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.region ? { region: opts.region } : {}),
        });
        process.stderr.write(`steer: created ${created.type} change set ${created.arn} (not executed)\n`);
        plans.push(...created.plans);
      }
      const report = await planCheck({
        inputs: [],
        plans,
        config,
        tfBin: 'terraform',
        agentAuthored: agentAuthored(opts),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      });
      await emitReport(report, opts);
    });
  return new Command('changeset').description('CloudFormation change sets: create and analyze, never execute').exitOverride().addCommand(create);
}

/** `--stack` + `--template`, or every stack (or `--stack`) of a CDK cloud assembly. */
async function changeSetTargets(opts: CreateOptions): Promise<{ stack: string; templatePath: string }[]> {
  if (opts.cdk) {
    const { cdkStacks } = await import('../app/cdk.js');
    const stacks = cdkStacks(opts.cdk, opts.stack);
    const blocked = stacks.filter((s) => s.unpublishedAssets.length > 0);
    if (blocked.length > 0) {
      throw new UsageError(
        `out of scope: ${blocked.map((s) => `${s.stackName} needs ${s.unpublishedAssets.join(', ')}`).join('; ')} — Steer does not publish CDK assets. Use "cdk deploy --method=prepare-change-set" (it publishes them and creates the change set), then "steer plan-check --stack NAME --change-set NAME"`,
      );
    }
    return stacks.map((s) => ({ stack: s.stackName, templatePath: s.templatePath }));
  }
  if (!opts.stack || !opts.template) throw new UsageError('give --stack and --template, or --cdk <cdk.out>');
  return [{ stack: opts.stack, templatePath: opts.template }];
}
