import { INFRA_PROGRAMS, TERRAGRUNT_OPTIONS_WITH_VALUE } from './rules.js';
import { joinedShell, programName, substituted, UNKNOWN, UNKNOWN_WORD, type Arg } from './words.js';

/**
 * Programs that run other commands from their arguments in their own way: `find -exec`, GNU
 * `parallel`, `ssh host command`, `alias`, `docker run image`, `env -S`. Each gives what will
 * run: a command (argv), shell text to parse, or a problem (what runs can't be known).
 */
export type Launch =
  | { readonly argv: readonly Arg[] }
  | { readonly shell: Arg }
  | { readonly problem: string }
  /** It runs shell code read from its standard input (`ssh host` with no command, `ssh host <<EOF`). */
  | { readonly stdinShell: true }
  /** It runs a script in another language (`pwsh -File x.ps1`). */
  | { readonly script: Arg };

type Launcher = (args: readonly Arg[]) => Launch[];

/** `find … -exec cmd {} ;` (also -execdir, -ok, -okdir, and `+`): `{}` is a path found at run time. */
const find: Launcher = (args) => {
  const out: Launch[] = [];
  for (let i = 1; i < args.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(args[i] as string)) continue;
    const argv: Arg[] = [];
    for (i += 1; i < args.length && args[i] !== ';' && args[i] !== '+'; i++) argv.push(typeof args[i] === 'string' ? substituted(args[i] as string, '{}') : args[i]!);
    if (argv.length > 0) out.push({ argv });
  }
  return out;
};

/** GNU parallel: `parallel 'cmd' ::: args` runs the command words through a shell with its inputs appended; without a command it runs its input lines. */
const parallel: Launcher = (args) => {
  let i = 1;
  while (i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-') && !isInputSeparator(args[i]!)) i += ['-j', '--jobs', '-S', '--sshlogin', '--delay', '--joblog', '--results', '-a', '--arg-file'].includes(args[i] as string) ? 2 : 1;
  const words: Arg[] = [];
  for (; i < args.length && !isInputSeparator(args[i]!); i++) words.push(args[i]!);
  if (words.length === 0) return [{ problem: '"parallel" runs commands read from its input, which cannot be known before running' }];
  return [{ shell: `${joinedShell(words)} ${UNKNOWN_WORD}` }];
};

/** watch runs its arguments joined, through `sh -c` (unless -x). */
const watch: Launcher = (args) => {
  let i = 1;
  let exec = false;
  for (; i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-'); i++) {
    if (args[i] === '-x' || args[i] === '--exec') exec = true;
    if (['-n', '--interval', '-d', '--differences'].includes(args[i] as string) && args[i] !== '-d') i++;
  }
  const words = args.slice(i);
  return exec || words.length === 0 ? [] : [{ shell: joinedShell(words) }];
};

/** Options whose value is shell code: `su -c`, `script -qc`, `nix-shell --run`, `flock -c`, `npx -c`, `npm exec -c`. */
const CODE_OPTIONS: Readonly<Record<string, { readonly short?: string; readonly long?: readonly string[] }>> = {
  su: { short: 'c', long: ['--command'] },
  runuser: { short: 'c', long: ['--command'] },
  script: { short: 'c', long: ['--command'] },
  flock: { short: 'c', long: ['--command'] },
  'nix-shell': { long: ['--run', '--command'] },
  npx: { short: 'c', long: ['--call'] },
  npm: { short: 'c', long: ['--call'] },
  doppler: { long: ['--command'] },
  infisical: { long: ['--command'] },
  gcloud: { long: ['--command'] },
  vagrant: { short: 'c', long: ['--command'] },
  expect: { short: 'c' },
  pwsh: { short: 'c', long: ['-Command', '-command', '-CommandWithArgs'] },
  cdk: { long: ['--app', '-a'] }, // the app is a command cdk runs (for synth and every other command)
  cdktf: { long: ['--app', '-a'] },
  nodemon: { short: 'x', long: ['--exec'] },
  chokidar: { short: 'c', long: ['--command'] },
  sg: { short: 'c' },
  powershell: { short: 'c', long: ['-Command', '-command'] },
};

function codeOption(name: string): Launcher {
  const spec = CODE_OPTIONS[name]!;
  return (args) => {
    const out: Launch[] = [];
    for (let i = 1; i < args.length; i++) {
      const a = args[i];
      if (typeof a !== 'string') continue;
      const long = spec.long ?? [];
      const eq = long.find((l) => a.startsWith(`${l}=`));
      if (eq) out.push({ shell: a.slice(eq.length + 1) });
      else if (/^-e(ncodedcommand|c)$/i.test(a) && (name === 'pwsh' || name === 'powershell')) out.push({ shell: UNKNOWN }); // base64 code
      else if (long.includes(a) || (spec.short && new RegExp(`^-[A-Za-z]*${spec.short}$`).test(a))) out.push({ shell: args[i + 1] ?? UNKNOWN });
    }
    return out;
  };
}

/** tmux new-session / new-window / split-window / respawn-* / run-shell: the trailing words are a shell command. */
const TMUX_TYPES = new Set(['send-keys', 'send']);
const TMUX_RUNS = new Set(['new', 'new-session', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'respawnp', 'respawn-window', 'respawnw', 'run-shell', 'run']);
const TMUX_OPTIONS_WITH_VALUE = new Set(['-t', '-s', '-n', '-c', '-e', '-F', '-x', '-y', '-l', '-L', '-S', '-f']);
const tmux: Launcher = (args) => {
  let i = 1;
  while (i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-')) i += TMUX_OPTIONS_WITH_VALUE.has(args[i] as string) ? 2 : 1;
  if (typeof args[i] === 'string' && TMUX_TYPES.has(args[i] as string)) {
    // `tmux send-keys -t pane 'terraform apply' Enter`: keys typed into a shell.
    for (i += 1; i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-'); i++) if (TMUX_OPTIONS_WITH_VALUE.has(args[i] as string)) i++;
    const keys = args.slice(i).filter((k) => !(typeof k === 'string' && /^(Enter|C-m|KPEnter|C-j)$/.test(k)));
    return keys.length === 0 ? [] : [{ shell: joinedShell(keys) }];
  }
  if (typeof args[i] !== 'string' || !TMUX_RUNS.has(args[i] as string)) return [];
  for (i += 1; i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-'); i++) if (TMUX_OPTIONS_WITH_VALUE.has(args[i] as string)) i++;
  const words = args.slice(i);
  return words.length === 0 ? [] : [{ shell: joinedShell(words) }];
};

/**
 * git runs shell code in: `!` aliases (`-c alias.x='!…'`, `git config alias.x '!…'`), `rebase
 * --exec/-x`, `submodule foreach`, `bisect run`.
 */
const git: Launcher = (args) => {
  const out: Launch[] = [];
  const words = args.slice(1);
  words.forEach((a, i) => {
    if (typeof a !== 'string') return;
    const inline = /^alias\.[^=]+=!(.*)$/s.exec(a);
    if (inline) out.push({ shell: inline[1]! });
    if (/^alias\./.test(a) && typeof words[i + 1] === 'string' && (words[i + 1] as string).startsWith('!')) out.push({ shell: (words[i + 1] as string).slice(1) });
    if ((a === '--exec' || a === '-x') && words.includes('rebase')) out.push({ shell: words[i + 1] ?? UNKNOWN });
    if (a.startsWith('--exec=') && words.includes('rebase')) out.push({ shell: a.slice('--exec='.length) });
  });
  // `git -c core.fsmonitor='…' status`, `git config core.pager '…'`: configuration that git runs as a command.
  words.forEach((a, i) => {
    if (typeof a !== 'string') return;
    const pair = words[i - 1] === '-c' || words[i - 1] === '--config' ? /^([^=]+)=(.*)$/s.exec(a) : null;
    if (pair && GIT_COMMAND_KEYS.test(pair[1]!)) out.push(gitCommand(pair[1]!, pair[2]!));
    if (words[0] === 'config' && GIT_COMMAND_KEYS.test(a) && i > 0 && words[i + 1] !== undefined) out.push(gitCommand(a, words[i + 1]!));
  });
  const sub = words.indexOf('foreach');
  if (words.includes('submodule') && sub >= 0) out.push({ shell: joinedShell(words.slice(sub + 1).filter((w) => w !== '--recursive' && w !== '--quiet')) });
  const bisect = words.indexOf('run');
  if (words[0] === 'bisect' && bisect === 1 && words.length > 2) out.push({ argv: words.slice(2) });
  return out;
};

/** git configuration whose value is a command git runs (https://git-scm.com/docs/git-config). */
const GIT_COMMAND_KEYS = /^(core\.(fsmonitor|sshcommand|editor|pager|askpass|hookspath)|sequence\.editor|diff\.external|diff\.[^.]+\.(command|textconv)|merge\.[^.]+\.driver|filter\.[^.]+\.(clean|smudge|process)|pager\.[^.]+|interactive\.difffilter|gpg\.(program|[^.]+\.program)|credential\.helper|uploadpack\.packobjectshook|sendemail\.(smtpserver|tocmd|cccmd))$/i;

function gitCommand(key: string, value: Arg): Launch {
  if (value === UNKNOWN) return { shell: UNKNOWN };
  // `core.hooksPath` points at hook scripts the guard doesn't read; a credential helper is a program name unless it starts with `!`.
  if (/^core\.hookspath$/i.test(key)) return { problem: `git's ${key} runs hook scripts from another directory, which are not checked` };
  if (/^credential\.helper$/i.test(key) && !value.startsWith('!')) return { argv: [] };
  return { shell: value.replace(/^!/, '') };
}

/** tar's options whose value is a command (https://www.gnu.org/software/tar/manual/): `--checkpoint-action=exec=…`, `--to-command`, `-I`. */
const TAR_COMMAND_OPTIONS = ['--to-command', '--use-compress-program', '--info-script', '--new-volume-script', '--rsh-command', '-I', '-F'];
const tar: Launcher = (args) => {
  const out: Launch[] = [];
  args.forEach((a, i) => {
    if (typeof a !== 'string') return;
    if (a.startsWith('--checkpoint-action=exec=')) out.push({ shell: a.slice('--checkpoint-action=exec='.length) });
    const eq = TAR_COMMAND_OPTIONS.find((o) => o.startsWith('--') && a.startsWith(`${o}=`));
    if (eq) out.push({ shell: a.slice(eq.length + 1) });
    else if (TAR_COMMAND_OPTIONS.includes(a)) out.push({ shell: args[i + 1] ?? UNKNOWN });
  });
  return out;
};

/** `pwsh -File script.ps1`: the script is PowerShell (its AWS Tools cmdlets are checked). */
const pwsh: Launcher = (args) => {
  const file = args.findIndex((a, i) => i > 0 && typeof a === 'string' && /^-f(ile)?$/i.test(a));
  const script: Arg | undefined = file > 0 ? args[file + 1] : undefined;
  const launches: Launch[] = codeOption(programName(args[0]!) === 'powershell' ? 'powershell' : 'pwsh')(args);
  return script === undefined ? launches : [...launches, { script }];
};

/** `screen -S s -X stuff 'terraform apply\n'`: keys typed into a shell. */
const screen: Launcher = (args) => {
  const at = args.indexOf('stuff');
  return at > 0 ? [{ shell: typeof args[at + 1] === 'string' ? (args[at + 1] as string).replace(/\\n|\\r/g, '\n') : UNKNOWN }] : [];
};

/** at / batch read shell commands from standard input (or -f file); crontab installs commands to run later. */
const scheduled: Launcher = (args) => {
  const file = args.findIndex((a) => a === '-f');
  if (file > 0) return [{ problem: `"${String(args[0])}" schedules the commands of a file, which are not checked` }];
  return [{ stdinShell: true }];
};
const crontab: Launcher = (args) => {
  const plain = args.slice(1).filter((a) => a !== UNKNOWN) as string[];
  if (plain.some((a) => a === '-l' || a === '-r' || a === '-e') && !plain.includes('-')) return [];
  return [{ problem: '"crontab" installs commands to run later, which are not checked' }];
};

function isInputSeparator(a: Arg): boolean {
  return a === ':::' || a === '::::' || a === ':::+' || a === '::::+';
}

/** `ssh [options] host command…`: the command is shell text run on the remote host. */
const SSH_OPTIONS_WITH_VALUE = ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'];
const ssh: Launcher = (args) => {
  let i = 1;
  while (i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-')) i += SSH_OPTIONS_WITH_VALUE.includes(args[i] as string) ? 2 : 1;
  const remote = args.slice(i + 1); // after the host
  const options = args.slice(1, i).filter((a): a is string => typeof a === 'string');
  // No remote command runs for -N (tunnels), -V/-G/-Q/-O (local queries), nor on a git host (`ssh -T git@github.com`).
  const noShell = options.some((o) => /^-[A-Za-z]*[NVGQO]/.test(o)) || (typeof args[i] === 'string' && (args[i] as string).startsWith('git@'));
  if (remote.length === 0) return noShell ? [] : [{ stdinShell: true }]; // the remote shell reads its commands from stdin
  return [{ shell: remote.some((a) => a === UNKNOWN) ? UNKNOWN : remote.join(' ') }];
};

/** `alias t=terraform`: the value is shell text that runs wherever the alias is used. */
const alias: Launcher = (args) =>
  args.slice(1).flatMap((a): Launch[] => {
    if (a === UNKNOWN) return [{ problem: 'an alias is defined with a value that cannot be known before running' }];
    const eq = a.indexOf('=');
    return eq > 0 ? [{ shell: a.slice(eq + 1) }] : [];
  });

/**
 * `docker run [options] image [command…]` (podman, nerdctl, finch alike): the command runs in
 * the container, and an image of an infrastructure tool (hashicorp/terraform:1.11,
 * amazon/aws-cli) runs that tool with the arguments.
 */
const CONTAINER_OPTIONS_WITH_VALUE = [
  '-a', '--attach', '--add-host', '--cap-add', '--cap-drop', '--cgroup-parent', '--cidfile', '-c', '--cpu-shares', '--cpus', '--cpuset-cpus', '--device', '--dns',
  '-e', '--env', '--env-file', '--entrypoint', '--expose', '--gpus', '--group-add', '-h', '--hostname', '--health-cmd', '--ipc', '-l', '--label', '--link', '--log-driver',
  '--log-opt', '-m', '--memory', '--mount', '--name', '--net', '--network', '-p', '--publish', '--pid', '--platform', '--pull', '--restart', '--runtime', '--security-opt',
  '--shm-size', '--stop-signal', '--stop-timeout', '--tmpfs', '-u', '--user', '--ulimit', '-v', '--volume', '--volumes-from', '-w', '--workdir',
];
const IMAGE_PROGRAMS: Readonly<Record<string, string>> = { 'aws-cli': 'aws', awscli: 'aws', opentofu: 'tofu', 'aws-cdk': 'cdk' };
const containerRun: Launcher = (args) => {
  if (args[1] !== 'run' && args[1] !== 'container') return [];
  let i = args[1] === 'container' ? (args[2] === 'run' ? 3 : args.length) : 2;
  let entrypoint: Arg | undefined;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN || !a.startsWith('-')) break;
    if (a === '--entrypoint') entrypoint = args[i + 1];
    else if (a.startsWith('--entrypoint=')) entrypoint = a.slice('--entrypoint='.length);
    if (CONTAINER_OPTIONS_WITH_VALUE.includes(a)) i += 1;
  }
  const image = args[i];
  if (image === undefined) return [];
  const rest = args.slice(i + 1);
  if (image === UNKNOWN || entrypoint === UNKNOWN) return [{ argv: [UNKNOWN, ...rest] }];
  const program = entrypoint ?? imageProgram(image);
  const out: Launch[] = program ? [{ argv: [program, ...rest] }] : [];
  if (rest.length > 0) out.push({ argv: rest });
  // An option we don't know may have taken the image's place (`--ip 1.2.3.4 hashicorp/terraform`):
  // a later word naming a tool's image counts too.
  if (!program) {
    const later = rest.findIndex((w) => typeof w === 'string' && imageProgram(w) !== undefined);
    if (later >= 0) out.push({ argv: [imageProgram(rest[later] as string)!, ...rest.slice(later + 1)] });
  }
  return out;
};

/** hashicorp/terraform:1.11 → terraform; public.ecr.aws/aws-cli/aws-cli@sha256:… → aws. */
function imageProgram(image: string): string | undefined {
  const name = image.split('/').pop()!.split('@')[0]!.split(':')[0]!.toLowerCase();
  const program = IMAGE_PROGRAMS[name] ?? name;
  return INFRA_PROGRAMS.includes(program) ? program : undefined;
}

/** `env -S "terraform apply"` / `--split-string=…`: the string is split into the command's words. */
const envSplit: Launcher = (args) => {
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return [];
    const value = a === '-S' || a === '--split-string' || /^-[A-Za-z]*S$/.test(a) ? args[i + 1] : a.startsWith('--split-string=') ? a.slice('--split-string='.length) : /^-[^-]*S./.test(a) ? a.slice(a.indexOf('S') + 1) : undefined;
    if (value === undefined) continue;
    const rest = args.slice(a.includes('=') || /^-[^-]*S./.test(a) ? i + 1 : i + 2);
    return [{ shell: value === UNKNOWN || rest.some((r) => r === UNKNOWN) ? UNKNOWN : [value, ...(rest as string[])].join(' ') }];
  }
  return [];
};

/** PowerShell's `iex '…'` / `Invoke-Expression`, and `cmd /c …`: the rest is a command line (read as shell: close enough to find a tool and its verb). */
const invokeExpression: Launcher = (args) => (args.length > 1 ? [{ shell: joinedShell(args.slice(1)) }] : [{ problem: 'Invoke-Expression without an argument runs code that cannot be known before running' }]);
const cmd: Launcher = (args) => {
  const at = args.findIndex((a, i) => i > 0 && typeof a === 'string' && /^\/[ck]$/i.test(a));
  return at > 0 ? [{ shell: joinedShell(args.slice(at + 1)) }] : [];
};

/** terragrunt's commands that are its own, not terraform's. */
const TERRAGRUNT_OWN = new Set(['backend', 'catalog', 'scaffold', 'hcl', 'render', 'info', 'dag', 'find', 'list', 'stack', 'graph-dependencies', 'hclfmt', 'hclvalidate', 'render-json', 'output-module-groups', 'validate-inputs', 'aws-provider-patch', 'terragrunt-info', 'help', 'version']);
const HELP_WORDS = new Set(['-h', '--help', '-help']);

/**
 * terragrunt runs terraform: `run [--all] [--] <command>`, `run-all <command>`, `stack run
 * <command>`, `<command>-all`, and old-style `terragrunt apply`; `exec -- <program>` runs a
 * program. What it runs is judged as that command (terragrunt's own `--options` left out).
 */
const terragrunt: Launcher = (args) => {
  const words: Arg[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (typeof a === 'string' && a.startsWith('--') && !HELP_WORDS.has(a)) {
      if (TERRAGRUNT_OPTIONS_WITH_VALUE.includes(a)) i += 1;
      continue;
    }
    words.push(a);
  }
  const [first, second] = words;
  if (first === 'exec') {
    const dash = args.indexOf('--');
    return [{ argv: dash > 0 ? args.slice(dash + 1) : words.slice(1) }];
  }
  if (first === 'run' || first === 'run-all') return [{ argv: ['terraform', ...words.slice(1)] }];
  if (first === 'stack' && second === 'run') return [{ argv: ['terraform', ...words.slice(2)] }];
  if (typeof first === 'string' && /^[a-z]+-all$/.test(first)) return [{ argv: ['terraform', first.replace(/-all$/, ''), ...words.slice(1)] }];
  if (typeof first === 'string' && TERRAGRUNT_OWN.has(first)) return [];
  return words.length === 0 ? [] : [{ argv: ['terraform', ...words] }];
};

/**
 * `nix run nixpkgs#terraform -- apply`: the installable's program with the arguments; `nix shell
 * … -c cmd`, `nix develop -c cmd`: the command (https://nix.dev/manual/nix/latest/command-ref/new-cli/nix3-run).
 */
const NIX_TWO_VALUES = new Set(['--arg', '--argstr', '--option', '--override-input', '--override-flake']);
const NIX_ONE_VALUE = new Set(['-I', '--include', '--profile', '--store', '--eval-store', '--inputs-from', '--reference-lock-file', '--output-lock-file', '--log-format', '--keep', '-k', '--unset', '-u']);
const nix: Launcher = (args) => {
  const sub = args[1];
  const positional: Arg[] = [];
  for (let i = 2; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' || a === '--command') return [{ argv: args.slice(i + 1) }];
    if (a === '--') return sub === 'run' ? [{ argv: [nixProgram(positional[0]), ...args.slice(i + 1)] }] : [];
    if (typeof a === 'string' && NIX_TWO_VALUES.has(a)) i += 2;
    else if (typeof a === 'string' && NIX_ONE_VALUE.has(a)) i += 1;
    else if (a === UNKNOWN || !a.startsWith('-')) {
      positional.push(a);
      // `nix run nixpkgs#terraform apply`: after the installable, the words are the program's.
      if (sub === 'run') return [{ argv: [nixProgram(a), ...args.slice(i + 1)] }];
    }
  }
  return [];
};

/** `nixpkgs#terraform_1` → terraform; `github:owner/repo#opentofu` → tofu; a flake's default app can't be known. */
function nixProgram(installable: Arg | undefined): Arg {
  if (typeof installable !== 'string' || !installable.includes('#')) return UNKNOWN;
  const attr = installable.slice(installable.indexOf('#') + 1).split('.').pop()!.replace(/_\d+$/, '');
  return IMAGE_PROGRAMS[attr] ?? attr;
}

const LAUNCHERS: Readonly<Record<string, Launcher>> = {
  nix,
  terragrunt,
  tg: terragrunt,
  iex: invokeExpression,
  'invoke-expression': invokeExpression,
  cmd,
  find,
  parallel,
  watch,
  tmux,
  git,
  screen,
  at: scheduled,
  batch: scheduled,
  crontab,
  su: codeOption('su'),
  runuser: codeOption('runuser'),
  script: codeOption('script'),
  flock: codeOption('flock'),
  'nix-shell': codeOption('nix-shell'),
  npx: codeOption('npx'),
  npm: codeOption('npm'),
  doppler: codeOption('doppler'),
  infisical: codeOption('infisical'),
  gcloud: codeOption('gcloud'),
  vagrant: codeOption('vagrant'),
  expect: codeOption('expect'),
  pwsh,
  powershell: pwsh,
  tar,
  cdk: codeOption('cdk'),
  'aws-cdk': codeOption('cdk'),
  cdktf: codeOption('cdktf'),
  nodemon: codeOption('nodemon'),
  chokidar: codeOption('chokidar'),
  sg: codeOption('sg'),
  ssh,
  alias,
  docker: containerRun,
  podman: containerRun,
  nerdctl: containerRun,
  finch: containerRun,
  env: envSplit,
};

/** What a launcher will run; empty when the program isn't one (or runs nothing judgeable). */
export function launches(name: string, args: readonly Arg[]): Launch[] {
  return LAUNCHERS[name]?.(args) ?? [];
}
