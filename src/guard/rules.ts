/**
 * What the guard denies and allows, as data. A rule names a program and the subcommand path
 * (positional words after global options) that mutates infrastructure. `*` matches any word.
 */
export interface CommandRule {
  readonly programs: readonly string[];
  /** Subcommand paths that are denied, e.g. ['state', 'rm']. */
  readonly deny: readonly (readonly string[])[];
  /** Global options that take a value (skipped with it when looking for the subcommand). */
  readonly optionsWithValue?: readonly string[];
  /** Options that make a denied subcommand change nothing (`--no-execute-changeset`; `--method prepare-change-set`: an option and its value). */
  readonly safeWith?: readonly string[];
  /** Subcommand paths a broader denial covers but that change nothing outside this machine (`aws eks update-kubeconfig`). */
  readonly allow?: readonly (readonly string[])[];
  readonly why: string;
}

export const DENY_RULES: readonly CommandRule[] = [
  {
    programs: ['terraform', 'tofu', 'opentofu', 'tf'], // tf: the usual alias
    optionsWithValue: ['-out', '-var', '-var-file', '-target', '-replace', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-backend-config', '-generate-config-out', '-chdir'],
    deny: [['apply'], ['destroy'], ['state', 'rm'], ['state', 'mv'], ['state', 'push'], ['state', 'replace-provider'], ['import'], ['taint'], ['untaint'], ['force-unlock'], ['workspace', 'delete'], ['refresh']],
    why: 'changes real infrastructure or its state without a reviewed plan',
  },
  {
    programs: ['terragrunt', 'tg'],
    optionsWithValue: ['--working-dir', '--terragrunt-working-dir', '--config', '--terragrunt-config', '--download-dir', '--terragrunt-download-dir', '--iam-assume-role', '--terragrunt-iam-role', '--log-level', '--tf-path', '--terragrunt-tfpath', '--queue-include-dir', '--queue-exclude-dir', '--terragrunt-include-dir', '--terragrunt-exclude-dir', '--parallelism', '--terragrunt-parallelism', '--source', '--terragrunt-source'],
    deny: [['stack', 'run', 'apply'], ['stack', 'run', 'destroy'], ['refresh'], ['workspace', 'delete'], ['run-all', 'state'], ['run', '*', 'state'], ['run', 'state'], ['apply'], ['destroy'], ['run-all', 'apply'], ['run-all', 'destroy'], ['apply-all'], ['destroy-all'], ['run', '*', 'apply'], ['run', '*', 'destroy'], ['run', 'apply'], ['run', 'destroy'], ['state', 'rm'], ['state', 'mv'], ['state', 'push'], ['import'], ['taint'], ['force-unlock']],
    why: 'changes real infrastructure or its state without a reviewed plan',
  },
  {
    programs: ['aws'],
    optionsWithValue: ['--region', '--profile', '--output', '--endpoint-url', '--query', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--color', '--cli-binary-format'],
    deny: [
      ['cloudformation', 'deploy'], ['cloudformation', 'create-stack'], ['cloudformation', 'update-stack'], ['cloudformation', 'delete-stack'],
      ['cloudformation', 'execute-change-set'], ['cloudformation', 'create-stack-set'], ['cloudformation', 'update-stack-set'], ['cloudformation', 'delete-stack-set'],
      ['cloudformation', 'delete-stack-instances'], ['cloudformation', 'update-stack-instances'], ['cloudformation', 'rollback-stack'], ['cloudformation', 'continue-update-rollback'],
      ['cloudformation', 'update-termination-protection'], ['cloudformation', 'set-stack-policy'],
      ['s3', 'rb'], ['s3', 'rm'], ['s3', 'mv'], ['s3', 'sync'], ['s3api', 'delete-bucket'], ['s3api', 'delete-object'], ['s3api', 'delete-objects'], ['s3api', 'put-bucket-lifecycle-configuration'],
      ['rds', 'delete-*'], ['rds', 'modify-db-instance'], ['rds', 'modify-db-cluster'], ['rds', 'restore-*'],
      ['dynamodb', 'delete-table'], ['dynamodb', 'delete-backup'], ['dynamodb', 'update-table'],
      ['ec2', 'terminate-instances'], ['ec2', 'delete-volume'], ['ec2', 'delete-snapshot'], ['ec2', 'delete-vpc'],
      ['efs', 'delete-file-system'], ['fsx', 'delete-file-system'], ['fsx', 'delete-volume'],
      ['kms', 'schedule-key-deletion'], ['kms', 'disable-key'], ['secretsmanager', 'delete-secret'], ['ssm', 'delete-parameter'], ['ssm', 'delete-parameters'],
      ['route53', 'delete-hosted-zone'], ['route53', 'change-resource-record-sets'], ['elasticache', 'delete-*'], ['memorydb', 'delete-*'], ['cognito-idp', 'delete-user-pool'],
      ['ecr', 'delete-repository'], ['logs', 'delete-log-group'], ['backup', 'delete-*'], ['sqs', 'delete-queue'], ['sqs', 'purge-queue'], ['kinesis', 'delete-stream'],
      ['redshift', 'delete-*'], ['opensearch', 'delete-domain'], ['es', 'delete-elasticsearch-domain'], ['docdb', 'delete-*'], ['neptune', 'delete-*'],
      ['eks', 'delete-cluster'], ['lambda', 'delete-function'], ['iam', 'delete-*'],
      ['cloudformation', 'create-stack-instances'], ['cloudformation', 'delete-change-set'], ['cloudcontrol', 'delete-resource'], ['cloudcontrol', 'update-resource'],
      ['ecs', 'delete-service'], ['ecs', 'delete-cluster'], ['elbv2', 'delete-load-balancer'], ['elb', 'delete-load-balancer'], ['autoscaling', 'delete-auto-scaling-group'],
      ['ssm', 'send-command'], ['s3', 'cp'], ['dynamodb', 'batch-write-item'], ['lambda', 'update-function-code'], ['cloudformation', 'import-stacks-to-stack-set'],
      // Any service: verbs that delete, stop, detach, overwrite or reconfigure what exists.
      ['*', 'delete-*'], ['*', 'terminate-*'], ['*', 'deregister-*'], ['*', 'purge-*'], ['*', 'remove-*'], ['*', 'detach-*'], ['*', 'disassociate-*'],
      ['*', 'revoke-*'], ['*', 'disable-*'], ['*', 'stop-*'], ['*', 'reboot-*'], ['*', 'restore-*'], ['*', 'modify-*'], ['*', 'update-*'], ['*', 'put-*'],
      ['*', 'replace-*'], ['*', 'schedule-*'], ['*', 'cancel-*'], ['*', 'reset-*'], ['*', 'rollback-*'], ['*', 'execute-*'], ['*', 'import-*'], ['*', 'failover-*'],
    ],
    safeWith: ['--no-execute-changeset', '--dryrun', '--dry-run'],
    allow: [['eks', 'update-kubeconfig'], ['configure', '*'], ['sso', '*']],
    why: 'mutates AWS resources directly',
  },
  {
    programs: ['cdk', 'aws-cdk'],
    optionsWithValue: ['--app', '-a', '--profile', '--context', '-c', '--output', '-o', '--role-arn', '-r', '--proxy', '--ca-bundle-path', '--plugin', '--build', '--toolkit-stack-name', '--region', '--method', '-m', '--change-set-name', '--outputs-file', '-O'],
    deny: [['deploy'], ['destroy'], ['import'], ['rollback'], ['watch'], ['bootstrap'], ['gc']],
    safeWith: ['--method=prepare-change-set', '--method prepare-change-set', '-m prepare-change-set', '--no-execute'],
    why: 'deploys a CDK app without a reviewed change set',
  },
  { programs: ['cdktf', 'cdktf-cli'], optionsWithValue: ['--app', '-a', '--output', '-o', '--log-level'], deny: [['deploy'], ['destroy'], ['apply'], ['watch']], why: 'deploys a CDK for Terraform app without a reviewed plan' },
  { programs: ['sam'], optionsWithValue: ['--profile', '--region', '--config-file', '--config-env'], safeWith: ['--no-execute-changeset'], deny: [['pipeline', 'bootstrap'], ['deploy'], ['delete'], ['sync']], why: 'deploys or deletes a SAM stack directly' },
  { programs: ['pulumi'], optionsWithValue: ['-C', '--cwd', '-s', '--stack', '--color', '--config-file', '-v', '--verbose', '--tracing', '--profiling'], deny: [['up'], ['update'], ['destroy'], ['dn'], ['down'], ['refresh'], ['import'], ['watch'], ['state', 'delete'], ['state', 'edit'], ['state', 'move'], ['state', 'unprotect'], ['stack', 'rm']], safeWith: ['--preview-only'], why: 'changes Pulumi-managed infrastructure directly' },
  { programs: ['serverless', 'sls', 'osls'], optionsWithValue: ['--stage', '-s', '--region', '-r', '--config', '-c', '--aws-profile', '--param', '-f', '--function'], deny: [['deploy'], ['remove'], ['rollback']], why: 'deploys or removes a Serverless app directly' },
  { programs: ['sst'], deny: [['deploy'], ['remove'], ['refresh'], ['unlock']], why: 'deploys or removes an SST app directly' },
  { programs: ['atmos'], optionsWithValue: ['-s', '--stack'], deny: [['terraform', 'apply'], ['terraform', 'deploy'], ['terraform', 'destroy'], ['terraform', 'import'], ['helmfile', 'apply'], ['helmfile', 'sync'], ['workflow']], why: 'applies Atmos components directly' },
  { programs: ['copilot'], deny: [['deploy'], ['svc', 'deploy'], ['app', 'delete'], ['env', 'delete'], ['svc', 'delete']], why: 'deploys or deletes AWS Copilot services directly' },
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
]);

/** Infrastructure tools the guard knows (for documentation and tests). */
export const INFRA_PROGRAMS = [...new Set(DENY_RULES.flatMap((r) => r.programs))];

/**
 * When the program can't be known before running (`$T apply`, `$(which aws) s3 rm`), the verb of
 * any denied subcommand (its last word; a name glob such as `delete-*`) in it denies.
 */
export const RISKY_VERBS: readonly string[] = [...new Set(DENY_RULES.flatMap((r) => r.deny.map((path) => path[path.length - 1]!)).filter((w) => w !== '*'))];
