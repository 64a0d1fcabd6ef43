import { INFRA_PROGRAMS } from './rules.js';
import { UNKNOWN, type Arg } from './words.js';

/**
 * Programs that run other commands from their arguments in their own way: `find -exec`, GNU
 * `parallel`, `ssh host command`, `alias`, `docker run image`, `env -S`. Each gives what will
 * run: a command (argv), shell text to parse, or a problem (what runs can't be known).
 */
export type Launch =
  | { readonly argv: readonly Arg[] }
  | { readonly shell: Arg }
  | { readonly problem: string };

type Launcher = (args: readonly Arg[]) => Launch[];

/** `find … -exec cmd {} ;` (also -execdir, -ok, -okdir, and `+`): `{}` is a path found at run time. */
const find: Launcher = (args) => {
  const out: Launch[] = [];
  for (let i = 1; i < args.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(args[i] as string)) continue;
    const argv: Arg[] = [];
    for (i += 1; i < args.length && args[i] !== ';' && args[i] !== '+'; i++) argv.push(typeof args[i] === 'string' && (args[i] as string).includes('{}') ? UNKNOWN : args[i]!);
    if (argv.length > 0) out.push({ argv });
  }
  return out;
};

/** GNU parallel: `parallel cmd ::: args` appends its inputs; without a command it runs its input lines. */
const parallel: Launcher = (args) => {
  let i = 1;
  while (i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-') && !isInputSeparator(args[i]!)) i += ['-j', '--jobs', '-S', '--sshlogin', '--delay', '--joblog', '--results', '-a', '--arg-file'].includes(args[i] as string) ? 2 : 1;
  const argv: Arg[] = [];
  for (; i < args.length && !isInputSeparator(args[i]!); i++) argv.push(args[i]!);
  if (argv.length === 0) return [{ problem: '"parallel" runs commands read from its input, which cannot be known before running' }];
  return [{ argv: [...argv, UNKNOWN] }];
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
  if (remote.length === 0) return []; // an interactive login: nothing to judge here
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
    const value = a === '-S' || a === '--split-string' ? args[i + 1] : a.startsWith('--split-string=') ? a.slice('--split-string='.length) : /^-[^-]*S./.test(a) ? a.slice(a.indexOf('S') + 1) : undefined;
    if (value === undefined) continue;
    const rest = args.slice(a.includes('=') || /^-[^-]*S./.test(a) ? i + 1 : i + 2);
    return [{ shell: value === UNKNOWN || rest.some((r) => r === UNKNOWN) ? UNKNOWN : [value, ...(rest as string[])].join(' ') }];
  }
  return [];
};

const LAUNCHERS: Readonly<Record<string, Launcher>> = {
  find,
  parallel,
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
