/**
 * What the guard denies and allows, as data. A rule names a program and the subcommand path
 * (positional words after global options) that mutates infrastructure. `*` matches any word.
 */
import { awsCliDenial } from './aws-cli.js';
import { SDK_CALL } from './sdk-calls.js';
import { sigv4Denial } from './sigv4.js';
import type { DryRunFlags } from './flags.js';
import type { Arg } from './words.js';

export interface CommandRule {
  readonly programs: readonly string[];
  /** Subcommand paths that are denied, e.g. ['state', 'rm']. */
  readonly deny: readonly (readonly string[])[];
  /**
   * The tool's read-only subcommand paths, when it has few: then every other subcommand is denied
   * (a tool that gains a verb gains a denial, not a hole).
   */
  readonly reads?: readonly (readonly string[])[];
  /** Global options that take a value (skipped with it when looking for the subcommand). */
  readonly optionsWithValue?: readonly string[];
  /** Options that make a denied subcommand change nothing (`--no-execute-changeset`), or undo that (`--execute`): the last one wins. */
  readonly dryRun?: DryRunFlags;
  /** The tool only pretends unless told otherwise (aws-nuke without `--no-dry-run`). */
  readonly dryRunByDefault?: boolean;
  /** Subcommand paths a broader denial covers but that change nothing outside this machine (`sls deploy list`). */
  readonly allow?: readonly (readonly string[])[];
  /** A tool whose own convention decides (the AWS CLI's operation names): why the words after the program are denied. */
  readonly judge?: (words: readonly Arg[]) => string | undefined;
  readonly why: string;
}

const STATE_CHANGES = 'changes real infrastructure or its state without a reviewed plan';

/** terragrunt's own options that take a value (skipped when looking for what it runs). */
export const TERRAGRUNT_OPTIONS_WITH_VALUE: readonly string[] = ['--working-dir', '--terragrunt-working-dir', '--config', '--terragrunt-config', '--download-dir', '--terragrunt-download-dir', '--iam-assume-role', '--terragrunt-iam-role', '--log-level', '--tf-path', '--terragrunt-tfpath', '--queue-include-dir', '--queue-exclude-dir', '--terragrunt-include-dir', '--terragrunt-exclude-dir', '--parallelism', '--terragrunt-parallelism', '--source', '--terragrunt-source', '--filter', '--out-dir', '--json-out-dir', '--log-format', '--log-custom-format', '--feature', '--terragrunt-log-level', '--queue-include-units-reading', '--units-that-include'];

export const DENY_RULES: readonly CommandRule[] = [
  {
    programs: ['terraform', 'tofu', 'opentofu', 'tf'], // tf: the usual alias
    optionsWithValue: ['-out', '-var', '-var-file', '-target', '-replace', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-backend-config', '-generate-config-out', '-chdir'],
    deny: [['apply'], ['destroy'], ['state', 'rm'], ['state', 'mv'], ['state', 'push'], ['state', 'replace-provider'], ['import'], ['taint'], ['untaint'], ['force-unlock'], ['workspace', 'delete'], ['refresh']],
    dryRun: { '-dry-run': true }, // state mv|rm -dry-run
    why: STATE_CHANGES,
  },
  // terragrunt's run / run-all / stack run / old-style commands are terraform's (launchers.ts): judged by the rule above.
  {
    programs: ['terragrunt', 'tg'],
    optionsWithValue: TERRAGRUNT_OPTIONS_WITH_VALUE,
    deny: [['backend', 'delete'], ['backend', 'migrate'], ['backend', 'bootstrap']],
    why: 'changes the Terraform state backend directly',
  },
  { programs: ['aws', 'aws2', 'awscli'], deny: [], judge: awsCliDenial, why: 'mutates AWS resources directly' }, // awscli: the pip package, as `pipx run awscli`
  {
    programs: ['cdk', 'aws-cdk'],
    optionsWithValue: ['--app', '-a', '--profile', '--context', '-c', '--output', '-o', '--role-arn', '-r', '--proxy', '--ca-bundle-path', '--plugin', '--build', '--toolkit-stack-name', '--region', '--method', '-m', '--change-set-name', '--outputs-file', '-O'],
    deny: [['deploy'], ['destroy'], ['import'], ['rollback'], ['watch'], ['bootstrap'], ['gc'], ['refactor']],
    dryRun: { '--method=prepare-change-set': true, '--method prepare-change-set': true, '-m prepare-change-set': true, '--no-execute': true, '--execute': false, '--dry-run': true },
    why: 'deploys a CDK app without a reviewed change set',
  },
  { programs: ['cdktf', 'cdktf-cli'], optionsWithValue: ['--app', '-a', '--output', '-o', '--log-level'], deny: [['deploy'], ['destroy'], ['apply'], ['watch']], why: 'deploys a CDK for Terraform app without a reviewed plan' },
  {
    programs: ['sam'],
    optionsWithValue: ['--profile', '--region', '--config-file', '--config-env'],
    dryRun: { '--no-execute-changeset': true },
    deny: [['pipeline', 'bootstrap'], ['deploy'], ['delete'], ['sync'], ['remote', 'invoke'], ['remote', 'test-event', 'put'], ['remote', 'test-event', 'delete']],
    why: 'deploys, deletes or invokes a SAM stack directly',
  },
  {
    programs: ['pulumi'],
    optionsWithValue: ['-C', '--cwd', '-s', '--stack', '--color', '--config-file', '-v', '--verbose', '--tracing', '--profiling', '-m', '--message'],
    deny: [['up'], ['update'], ['destroy'], ['dn'], ['down'], ['refresh'], ['import'], ['watch'], ['cancel'], ['state', '*'], ['stack', 'rm'], ['stack', 'import'], ['stack', 'rename'], ['stack', 'change-secrets-provider'], ['deployment', 'run'], ['policy', 'enable'], ['policy', 'disable'], ['policy', 'publish'], ['policy', 'rm']],
    dryRun: { '--preview-only': true },
    why: 'changes Pulumi-managed infrastructure or its state directly',
  },
  {
    programs: ['serverless', 'sls', 'osls'],
    optionsWithValue: ['--stage', '-s', '--region', '-r', '--config', '-c', '--aws-profile', '--param', '-f', '--function'],
    deny: [],
    reads: [['package'], ['print'], ['info'], ['logs'], ['metrics'], ['invoke', 'local'], ['offline'], ['create'], ['plugin'], ['config'], ['login'], ['logout'], ['doctor'], ['help'], ['version'], ['deploy', 'list'], ['dashboard'], ['support'], ['usage']],
    why: 'deploys, invokes or removes a Serverless app directly',
  },
  { programs: ['sst'], deny: [['deploy'], ['remove'], ['refresh'], ['unlock'], ['dev'], ['secret', 'set'], ['secret', 'remove'], ['secret', 'load'], ['state', 'remove'], ['state', 'repair']], why: 'deploys or removes an SST app directly' },
  { programs: ['atmos'], optionsWithValue: ['-s', '--stack'], deny: [['terraform', 'apply'], ['terraform', 'deploy'], ['terraform', 'destroy'], ['terraform', 'import'], ['helmfile', 'apply'], ['helmfile', 'sync'], ['workflow']], why: 'applies Atmos components directly' },
  {
    programs: ['copilot'],
    deny: [],
    reads: [['*', 'ls'], ['*', 'show'], ['*', 'logs'], ['*', 'status'], ['*', 'package'], ['ls'], ['version'], ['completion'], ['docs'], ['help'], ['pipeline', 'init'], ['storage', 'init'], ['run', 'local']],
    why: 'deploys, runs or deletes AWS Copilot applications directly',
  },
  {
    programs: ['eksctl'],
    deny: [],
    reads: [['get'], ['info'], ['version'], ['completion'], ['help'], ['utils', 'describe-*'], ['utils', 'write-kubeconfig'], ['utils', 'schema'], ['utils', 'nodegroup-health']],
    dryRun: { '--dry-run': true }, // create cluster|nodegroup --dry-run prints the config
    why: 'creates, changes or deletes EKS clusters directly',
  },
  {
    programs: ['amplify'],
    deny: [],
    reads: [['status'], ['env', 'list'], ['env', 'get'], ['env', 'pull'], ['env', 'checkout'], ['pull'], ['mock'], ['codegen'], ['console'], ['configure'], ['help'], ['version'], ['diagnose'], ['add'], ['update'], ['remove'], ['override'], ['upgrade'], ['uninstall']],
    why: 'pushes, publishes or deletes Amplify backends directly',
  },
  { programs: ['ampx'], deny: [], reads: [['info'], ['generate'], ['configure'], ['help'], ['version']], why: 'deploys Amplify Gen 2 backends directly' },
  {
    programs: ['eb'],
    deny: [],
    reads: [['status'], ['health'], ['events'], ['logs'], ['list'], ['printenv'], ['open'], ['console'], ['platform', 'list'], ['platform', 'show'], ['platform', 'status'], ['use'], ['local'], ['codesource'], ['help'], ['version']],
    why: 'creates, deploys or terminates Elastic Beanstalk environments directly',
  },
  {
    programs: ['rain'],
    deny: [],
    reads: [['cat'], ['diff'], ['ls'], ['info'], ['fmt'], ['tree'], ['build'], ['pkg'], ['forecast'], ['console'], ['watch'], ['logs'], ['merge'], ['stackset', 'ls'], ['help'], ['completion']],
    why: 'deploys or removes CloudFormation stacks directly',
  },
  {
    programs: ['sceptre'],
    deny: [],
    reads: [['list'], ['describe'], ['diff'], ['validate'], ['generate'], ['estimate-cost'], ['dump'], ['status'], ['new'], ['drift', 'detect'], ['drift', 'show'], ['fetch-remote-template']],
    why: 'launches, updates or deletes CloudFormation stacks directly',
  },
  {
    programs: ['chalice'],
    deny: [],
    reads: [['local'], ['new-project'], ['package'], ['generate-pipeline'], ['logs'], ['url'], ['gen-policy'], ['generate-models'], ['dev']],
    why: 'deploys, invokes or deletes a Chalice app directly',
  },
  { programs: ['aws-nuke'], deny: [[]], dryRunByDefault: true, dryRun: { '--no-dry-run': false, '--dry-run': true }, why: 'deletes every resource of an AWS account' },
  { programs: ['cloud-nuke'], deny: [['aws'], ['gcp'], ['defaults-aws']], why: 'deletes every resource of a cloud account' },
  { programs: ['tfmigrate'], deny: [['apply']], why: 'applies Terraform state migrations directly' },
  // An AWS SDK call found in inline code or a script (sdk-calls.ts): recorded only when it may write.
  { programs: [SDK_CALL], deny: [[]], why: 'is an AWS SDK call that may change AWS resources' },
  { programs: ['curl', 'awscurl'], deny: [], judge: sigv4Denial, why: 'sends a signed request that may change AWS resources' },
];

/** Wrappers that run the command given after their own options. */
export const PREFIX_COMMANDS: Readonly<Record<string, { readonly withValue: readonly string[] }>> = {
  sudo: { withValue: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '--user', '--group'] },
  doas: { withValue: ['-u', '-C'] },
  env: { withValue: ['-u', '-C', '-S', '--unset', '--chdir'] },
  nohup: { withValue: [] },
  time: { withValue: ['-f', '-o', '--format', '--output'] },
  timeout: { withValue: ['-s', '-k', '--signal', '--kill-after'] },
  nice: { withValue: ['-n', '--adjustment'] },
  ionice: { withValue: ['-c', '-n', '-p'] },
  stdbuf: { withValue: ['-i', '-o', '-e'] },
  exec: { withValue: ['-a'] },
  command: { withValue: [] },
  builtin: { withValue: [] },
  xargs: { withValue: ['-I', '-i', '-n', '-P', '-L', '-d', '-E', '-s', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file'] },
  watch: { withValue: ['-n', '-d', '--interval'] },
  unbuffer: { withValue: [] },
  chronic: { withValue: [] },
  caffeinate: { withValue: ['-t', '-w'] },
  npx: { withValue: ['-p', '--package', '-c', '--call'] },
  bunx: { withValue: ['-p', '--package'] },
  pnpx: { withValue: [] },
  uvx: { withValue: ['--from', '--with', '-w', '--python', '-p', '--index-url', '--with-requirements'] },
  dotenv: { withValue: ['-e', '-v'] },
  busybox: { withValue: [] }, // busybox APPLET args
};

/** Package-manager forms that run a binary: `pnpm exec cdk`, `npm exec -- cdk`, `yarn cdk`, `pnpm dlx cdk`. */
export const RUNNER_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  npm: ['exec', 'x'],
  pnpm: ['exec', 'dlx', 'x'],
  yarn: ['exec', 'dlx', 'run'],
  bun: ['x', 'run'],
  uv: ['run'],
  poetry: ['run'],
  pipx: ['run'],
};

/** Shells whose `-c STRING` (or stdin) is more shell code. */
export const SHELLS = ['sh', 'bash', 'rbash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'tcsh', 'csh', 'yash', 'posh', 'nu', 'elvish', 'xonsh'];

/** Programs whose words are data, never a command they start (`echo terraform apply`, `grep -r terraform apply.log`). */
export const DATA_READERS: ReadonlySet<string> = new Set([
  'echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'git', 'gh', 'man', 'which', 'whereis', 'type', 'help', 'info', 'tldr', 'apropos', 'whatis',
  'cat', 'less', 'more', 'head', 'tail', 'bat', 'find', 'fd', 'locate', 'tar', 'zip', 'unzip', 'jq', 'yq', 'sed', 'wc', 'sort', 'uniq', 'cut', 'tr', 'diff', 'ls', 'touch', 'mkdir', 'cp', 'mv', 'rm', 'tee', ':',
  'steer', 'brew', 'apt', 'apt-get', 'yum', 'dnf', 'apk', 'pip', 'pip3', 'cargo', 'go', 'tfenv', 'tofuenv', 'tflint', 'tfsec', 'checkov', 'infracost', 'terraform-docs',
  // patterns, messages, SQL and HTTP bodies: data
  'pgrep', 'pkill', 'pidof', 'killall', 'logger', 'notify-send', 'wall', 'say', 'cowsay', 'cowthink', 'figlet', 'toilet', 'banner', 'lolcat', 'espeak', 'spd-say', 'psql', 'mysql', 'sqlite3', 'redis-cli', 'curl', 'wget', 'http', 'https', 'glab',
  // test runners: their words are test names and patterns
  'vitest', 'jest', 'pytest', 'mocha', 'ava', 'playwright', 'cypress', 'bats',
]);

/** Infrastructure tools the guard knows (for documentation and tests). */
export const INFRA_PROGRAMS = [...new Set(DENY_RULES.flatMap((r) => r.programs))];

/**
 * When the program can't be known before running (`$T apply`, `$(which aws) s3 rm`), the verb of
 * any denied subcommand (its last word; a name glob such as `delete-*`) in it denies.
 */
export const RISKY_VERBS: readonly string[] = [...new Set(DENY_RULES.flatMap((r) => r.deny.filter((path) => path.length > 0).map((path) => path[path.length - 1]!)).filter((w) => w !== '*'))];
