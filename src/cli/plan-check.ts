import { Command, Option } from 'commander';
import { writeOutputFile } from '../adapters/fs/write-output.js';
import { loadConfig } from '../app/load-config.js';
import { planCheck } from '../app/plan-check.js';
import { exitCodeFor } from '../core/verdict.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import { VERDICT_TITLES } from '../render/summary.js';
import { STEER_VERSION } from './version.js';

interface PlanCheckOptions {
  format: 'text' | 'json' | 'markdown';
  out?: string;
  config?: string;
  env?: string;
  workspace?: string;
  tfBin: string;
  tfChdir?: string;
  agent?: boolean;
  color: boolean;
}

export function planCheckCommand(): Command {
  return new Command('plan-check')
    .description('Analyze Terraform/OpenTofu plans and CloudFormation change sets; exit 0 allow, 1 error, 2 review required, 3 blocked.')
    .argument('<inputs...>', 'plan JSON (terraform show -json), saved plan files, DescribeChangeSet JSON, directories of change-set JSON, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'policy file (default: steer.yml or .steer.yml in the current directory)')
    .option('--env <name>', 'the environment these plans deploy to (adds a production signal when it names production)')
    .option('--workspace <name>', 'Terraform workspace the plans were made in (default: $TF_WORKSPACE)')
    .option('--tf-bin <path>', 'terraform or tofu binary used to read saved plans', 'terraform')
    .option('--tf-chdir <dir>', 'working directory for "terraform show" on saved plans (default: the plan file\'s directory)')
    .option('--agent', 'the change was authored by an AI agent (rules with agent: true apply)')
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)')
    .exitOverride()
    .action(async (inputs: string[], opts: PlanCheckOptions) => {
      const cwd = process.cwd();
      const { config } = await loadConfig(cwd, opts.config);
      const workspace = opts.workspace ?? process.env.TF_WORKSPACE;
      const report = await planCheck({
        inputs,
        config,
        tfBin: opts.tfBin,
        agentAuthored: opts.agent === true,
        ...(opts.env !== undefined ? { env: opts.env } : {}),
        ...(workspace ? { workspace } : {}),
        ...(opts.tfChdir !== undefined ? { tfChdir: opts.tfChdir } : {}),
      });
      const stream = opts.out === undefined ? process.stdout : undefined;
      const color = opts.color && stream?.isTTY === true && !process.env.NO_COLOR;
      const output =
        opts.format === 'json' ? renderJson(report, STEER_VERSION) : opts.format === 'markdown' ? renderMarkdown(report) : renderText(report, { color });
      if (opts.out !== undefined) {
        await writeOutputFile(opts.out, output);
        process.stderr.write(`steer: ${VERDICT_TITLES[report.verdict]} (digest ${report.digest}); report written to ${opts.out}\n`);
      } else {
        process.stdout.write(output);
      }
      process.exitCode = exitCodeFor(report.verdict);
    });
}
