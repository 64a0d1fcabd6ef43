import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, repoRoot } from '../support/paths.js';

// The package as users get it: `npm pack`, installed into a scratch project with no registry and an
// empty npm cache, then `npx steer …` there. STEER_PACK_NODE runs npm and steer on another Node (CI: 24).
const node = process.env.STEER_PACK_NODE ?? process.execPath;
const npmCli = join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');

let work: string;
let project: string;
let tarball: string;
let install: { code: number; output: string };

function run(args: string[], cwd: string, input = '') {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    // No registry, no cache: anything npm tried to fetch would fail the install.
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  const r = spawnSync(node, [npmCli, ...args], { cwd, env, input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}
const steer = (args: string[], input = '') => run(['exec', '--no-install', '--', 'steer', ...args], project, input);

beforeAll(() => {
  readFileSync(builtCli); // npm test builds dist/ first
  work = mkdtempSync(join(tmpdir(), 'steer-package-'));
  const pack = run(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
  expect(pack.code, pack.stderr).toBe(0);
  tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  install = run(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('is @steer-gate/cli, with the bin steer, carrying what runs and nothing bundled twice', () => {
    const pack = run(['pack', '--ignore-scripts', '--dry-run', '--json'], repoRoot);
    const [info] = JSON.parse(pack.stdout) as { name: string; files: { path: string }[]; bundled: string[] }[];
    const files = info!.files.map((f) => f.path);
    expect(info!.name).toBe('@steer-gate/cli');
    // The WebAssembly that runs beside the bundle: tree-sitter, its HCL grammar (SARIF) and its Bash grammar (the guard's shell parser).
    expect(files).toEqual(expect.arrayContaining(['dist/cli.cjs', 'dist/cli.js', 'dist/guard.cjs', 'dist/index.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'dist/tree-sitter-bash.wasm', 'action.yml', 'schema/steer.schema.json', 'README.md', 'LICENSE', 'package.json']));
    expect(files.filter((f) => /^(src|test|fixtures|bench|scripts|examples)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: Record<string, string>; bundleDependencies?: string[] };
    // The bin is CommonJS (the guard starts without the ES module loader); the rest of the CLI is dist/cli.js.
    expect(manifest.bin).toEqual({ steer: 'dist/cli.cjs' });
    // Everything runs from dist/: the bundles and the WebAssembly beside them, so installing needs no registry.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bundleDependencies ?? []).toEqual([]);
    expect(info!.bundled).toEqual([]);
  });

  it('installs offline, with an empty cache, without engine warnings, pulling only what runs', () => {
    expect(install.code, install.output).toBe(0);
    expect(install.output).not.toMatch(/EBADENGINE|ENOTCACHED|deprecated/);
    expect(readdirSync(join(project, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', '@steer-gate']);
    expect(existsSync(join(project, 'node_modules/@steer-gate/cli/node_modules'))).toBe(false);
  });

  it('npx steer --help lists the commands', () => {
    const r = steer(['--help']);
    expect(r.code, r.output).toBe(0);
    for (const command of ['plan-check', 'changeset', 'apply', 'execute', 'guard', 'init']) expect(r.stdout).toContain(command);
  });

  it('npx steer plan-check reads a plan and exits with its verdict (2: review required)', () => {
    copyFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), join(project, 'plan.json'));
    const r = steer(['plan-check', 'plan.json', '--format', 'json']);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'review' });
  });

  it('npx steer guard denies a direct terraform apply', () => {
    const r = steer(['guard', '--', 'terraform apply']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/denied/);
  });

  it('npx steer guard parses shell syntax with the grammar the package ships', () => {
    const denied = steer(['guard', '--', 'cd infra && terraform apply']);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/"terraform apply" changes real infrastructure/);
    // Allowed only if the parser loaded: a parser that can't start denies.
    const allowed = steer(['guard', '--', 'ls | wc -l']);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('npx steer init --agent claude writes a hook that works as written', () => {
    const r = steer(['init', '--agent', 'claude']);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain('@steer-gate/cli');
    // The starter steer.yml points editors at the schema the package ships.
    const schema = /\$schema=(\S+)/.exec(readFileSync(join(project, 'steer.yml'), 'utf8'))![1]!;
    expect(existsSync(join(project, schema))).toBe(true);
    const settings = JSON.parse(readFileSync(join(project, '.claude/settings.json'), 'utf8')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    const command = settings.hooks.PreToolUse[0]!.hooks[0]!.command;
    // The hook's own command line, run by a shell in the project as Claude Code runs it.
    const event = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'terraform destroy -auto-approve' }, cwd: project });
    const hook = spawnSync('sh', ['-c', command], { cwd: project, input: event, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`, npm_config_registry: 'http://127.0.0.1:9/' } });
    expect(JSON.parse(hook.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
  });
});
