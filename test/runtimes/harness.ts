import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, repoRoot } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

export type DrivenRuntime = 'claude' | 'codex' | 'gemini' | 'copilot' | 'openclaw' | 'cursor';

interface ManifestEntry {
  readonly package: string;
  readonly version: string;
  /** The executable; absent for a library (Cursor's SDK), which runtimePackageDir finds. */
  readonly bin?: string;
  /** The Node.js release it runs under, when it needs a newer one than Steer's own. */
  readonly node?: string;
}

export function manifestEntry(runtime: DrivenRuntime): ManifestEntry {
  return (JSON.parse(readFileSync(join(repoRoot, 'test/runtimes/runtimes.json'), 'utf8')) as Record<string, ManifestEntry>)[runtime]!;
}

const runtimesCache = (): string => process.env.STEER_RUNTIMES_CACHE || join(repoRoot, '.cache/runtimes');

/** The pinned runtime's executable in .cache/runtimes/; fails loudly, with how to install it, when it is missing. */
export function runtimeBin(runtime: DrivenRuntime): string {
  return installed(runtime, join('node_modules/.bin', manifestEntry(runtime).bin ?? ''));
}

/** The pinned runtime's package directory in .cache/runtimes/ (a library, run by a script of ours); fails loudly when it is missing. */
export function runtimePackageDir(runtime: DrivenRuntime): string {
  return installed(runtime, join('node_modules', manifestEntry(runtime).package));
}

function installed(runtime: DrivenRuntime, relative: string): string {
  const { package: pkg, version } = manifestEntry(runtime);
  const path = join(runtimesCache(), `${runtime}-${version}`, relative);
  if (!existsSync(path)) throw new Error(`${pkg}@${version} is not installed at ${path}: run "node scripts/install-runtimes.mjs ${runtime}" (npm run test:runtimes does it first)`);
  return path;
}

/**
 * The directory of the Node.js a runtime runs under (to put first on its PATH), when it needs a
 * newer one than Steer's own (OpenClaw: >= 24.16); fails loudly, with how to install it, when it is missing.
 */
export function runtimeNodeDir(runtime: DrivenRuntime): string | undefined {
  const { node } = manifestEntry(runtime);
  if (node === undefined) return undefined;
  const dir = join(runtimesCache(), `node-${node}`, 'node_modules/node/bin');
  if (!existsSync(join(dir, 'node'))) throw new Error(`Node.js ${node}, which ${runtime} needs, is not installed at ${dir}: run "node scripts/install-runtimes.mjs ${runtime}" (it installs the npm package node@${node}; npm run test:runtimes does it first)`);
  return dir;
}

export interface Project {
  readonly dir: string;
  /** A HOME of its own, so no user configuration of the runtime is read. */
  readonly home: string;
  /** The stub terraform: it only records that it ran (ran-terraform-<subcommand> in the project). */
  readonly terraform: string;
  /** Whether the stub ran with this subcommand, or the file exists. */
  ran(subcommand: string): boolean;
  exists(file: string): boolean;
}

/**
 * A temporary git repository prepared by the BUILT `steer init --agent <runtime>`, where
 * `npx --no-install steer` resolves to this worktree's dist/cli.js (a node_modules/.bin shim, as a
 * devDependency would put it), and a stub terraform that never touches anything but a marker file.
 */
export function prepareProject(runtime: DrivenRuntime, init = true): Project {
  const dir = mkdtempSync(join(tmpdir(), `steer-rt-${runtime}-`));
  created.push(dir);
  const home = join(dir, '.home');
  mkdirSync(home);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'guarded-project', private: true, devDependencies: { steer: '*' } }));
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  writeExecutable(join(dir, 'node_modules/.bin/steer'), `#!/bin/sh\nexec "${process.execPath}" "${builtCli}" "$@"\n`);
  mkdirSync(join(dir, 'node_modules/steer'));
  writeFileSync(join(dir, 'node_modules/steer/package.json'), JSON.stringify({ name: 'steer', version: '0.0.0-test', bin: { steer: 'cli.js' } }));
  const terraform = join(dir, 'bin/terraform');
  mkdirSync(join(dir, 'bin'));
  // Never a real terraform: records that it ran, and with which subcommand.
  writeExecutable(terraform, `#!/bin/sh\n: > "${dir}/ran-terraform-$1"\necho "stub terraform: $*"\n`);
  writeFileSync(join(dir, 'main.tf'), '# nothing: the stub terraform never reads it\n');
  git(dir, ['init', '-q']);
  git(dir, ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'start']);
  if (init) {
    const r = runCli(['init', '--agent', runtime], { cwd: dir });
    if (r.code !== 0) throw new Error(`steer init --agent ${runtime} failed: ${r.stderr}`);
  }
  return { dir, home, terraform, ran: (sub) => existsSync(join(dir, `ran-terraform-${sub}`)), exists: (f) => existsSync(join(dir, f)) };
}

const created: string[] = [];

/** A temporary directory outside any project, removed with the projects (a runtime's HOME that must not be inside the repository). */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `steer-rt-${name}-`));
  created.push(dir);
  return dir;
}

/** Removes the projects this test file prepared (their HOMEs hold the runtimes' sessions); STEER_KEEP_PROJECTS=1 keeps them. */
export function removeProjects(): void {
  if (process.env.STEER_KEEP_PROJECTS) return;
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

function git(cwd: string, args: string[]): void {
  if (spawnSync('git', args, { cwd, stdio: 'ignore' }).status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}`);
}

/**
 * The environment a runtime runs in: the stub first on PATH (then the Node.js the runtime needs,
 * `nodeDir`), its own HOME, nothing of ours that could reach a network.
 */
export function runtimeEnv(project: Project, extra: Record<string, string>, nodeDir?: string): Record<string, string> {
  const keep = ['LANG', 'TERM', 'TMPDIR', 'USER', 'SHELL'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return {
    ...env,
    PATH: [join(project.dir, 'bin'), join(project.dir, 'node_modules/.bin'), ...(nodeDir ? [nodeDir] : []), process.env.PATH ?? '/usr/bin:/bin'].join(':'),
    HOME: project.home,
    NO_COLOR: '1',
    CI: '1',
    ...extra,
  };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a runtime to its end (or kills it after `timeoutMs`), stdin closed. */
export function runRuntime(bin: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The two commands every runtime is given: a mutation (and a harmless command before it on the same line), then a read. */
export function scriptedCommands(project: Project): { mutation: string; read: string } {
  return { mutation: `touch ${project.dir}/touched; ${project.terraform} apply -auto-approve`, read: `${project.terraform} plan -out=tfplan` };
}

/** What a run did, for the failure message of an assertion. */
export function story(r: RunResult, model: { toolResults: string[]; requests: unknown[] }): string {
  return JSON.stringify({ exitCode: r.code, stdout: r.stdout.slice(-3000), stderr: r.stderr.slice(-3000), toolResults: model.toolResults, requests: model.requests }, null, 1);
}

/** A steer that can't start (a broken install): what the hook line's own fallback must turn into a denial. */
export function breakSteer(project: Project): void {
  writeExecutable(join(project.dir, 'node_modules/.bin/steer'), '#!/bin/sh\necho "steer: broken install" >&2\nexit 1\n');
}
