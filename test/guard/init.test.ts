import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'steer-init-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const read = (p: string) => JSON.parse(readFileSync(join(dir, p), 'utf8'));

describe('steer init', () => {
  it('writes hooks for every runtime, a starter policy and the workflow; twice changes nothing', () => {
    const first = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', 'openclaw', '--ci', 'github'], { cwd: dir, env: { CODEX_HOME: join(dir, '.codex-home') } });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote {5}\.claude\/settings\.json/);
    const snapshot = ['.claude/settings.json', '.codex/hooks.json', '.cursor/hooks.json', '.gemini/settings.json', '.github/hooks/steer.json', '.kiro/hooks/steer.json', '.openclaw/extensions/steer-guard/index.js', 'steer.yml', '.github/workflows/steer.yml'].map((p) => readFileSync(join(dir, p), 'utf8'));
    const second = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', 'openclaw', '--ci', 'github'], { cwd: dir, env: { CODEX_HOME: join(dir, '.codex-home') } });
    expect(second.stdout).not.toMatch(/wrote/);
    expect(['.claude/settings.json', '.codex/hooks.json', '.cursor/hooks.json', '.gemini/settings.json', '.github/hooks/steer.json', '.kiro/hooks/steer.json', '.openclaw/extensions/steer-guard/index.js', 'steer.yml', '.github/workflows/steer.yml'].map((p) => readFileSync(join(dir, p), 'utf8'))).toEqual(snapshot);
    expect(read('.cursor/hooks.json').hooks.beforeShellExecution[0].failClosed).toBe(true);
    // The workflows are the documented examples (two jobs, signed checks, apply after the merge), byte for byte.
    expect(readFileSync(join(dir, '.github/workflows/steer.yml'), 'utf8')).toBe(readFileSync(join(repoRoot, 'examples/github/terraform.yml'), 'utf8'));
    expect(readFileSync(join(dir, '.github/workflows/steer-apply.yml'), 'utf8')).toBe(readFileSync(join(repoRoot, 'examples/github/terraform-apply.yml'), 'utf8'));
    expect(read('.claude/settings.json').permissions.deny).toContain('Bash(terraform apply *)');
    expect(runCli(['plan-check', '--help'], { cwd: dir }).code).toBe(0);
    expect(runCli(['guard', '--', 'terraform plan'], { cwd: dir }).code).toBe(0); // the starter steer.yml is valid
  });

  it('merges with existing settings without clobbering them', () => {
    mkdirSync(join(dir, '.claude'));
    writeFileSync(join(dir, '.claude/settings.json'), JSON.stringify({ model: 'opus', permissions: { allow: ['Bash(npm test)'], deny: ['Bash(rm -rf *)'] }, hooks: { PreToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'lint' }] }] } }));
    runCli(['init', '--agent', 'claude'], { cwd: dir });
    const s = read('.claude/settings.json');
    expect(s.model).toBe('opus');
    expect(s.permissions.allow).toEqual(['Bash(npm test)']);
    expect(s.permissions.deny[0]).toBe('Bash(rm -rf *)');
    expect(s.hooks.PreToolUse).toHaveLength(3); // the user's, Steer's shell entry, Steer's file and MCP tool entry
    expect(s.hooks.PreToolUse[0]).toEqual({ matcher: 'Edit', hooks: [{ type: 'command', command: 'lint' }] });
  });

  it('Claude Code: a hook that fails or times out blocks (onFailure), with a timeout', () => {
    runCli(['init', '--agent', 'claude'], { cwd: dir });
    expect(read('.claude/settings.json').hooks.PreToolUse[0].hooks[0]).toMatchObject({ type: 'command', timeout: 30, onFailure: 'block' });
  });

  it('Copilot CLI: both bash and powershell keys; when steer cannot start, the hook itself answers deny with exit 0', () => {
    runCli(['init', '--agent', 'copilot'], { cwd: dir });
    const entry = read('.github/hooks/steer.json').hooks.preToolUse[0];
    expect(entry).toMatchObject({ type: 'command', timeoutSec: 30 });
    expect(entry.powershell).toMatch(/^npx --no-install steer guard --runtime copilot; if \(\$LASTEXITCODE -ne 0\)/);
    // No steer installed in this folder: npx --no-install fails, and the fallback answers.
    const r = spawnSync('bash', ['-c', entry.bash], { cwd: dir, input: JSON.stringify({ toolName: 'bash', toolArgs: '{"command":"terraform apply"}' }), encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ permissionDecision: 'deny' });
  });

  it('says what makes each hook live: Codex trust (folder and hook), the trusted folder of Gemini CLI and Copilot CLI', () => {
    const r = runCli(['init', '--agent', 'codex', 'gemini', 'copilot'], { cwd: dir, env: { CODEX_HOME: join(dir, '.codex-home'), PATH: '/usr/bin:/bin' } });
    expect(r.stdout).toMatch(/Codex was not found on PATH, so the hook is not trusted yet.*trust this folder.*\/hooks/s);
    expect(r.stdout).toMatch(/Gemini CLI reads \.gemini\/settings\.json, and so this hook, only in a folder you trust/);
    expect(r.stdout).toMatch(/Copilot CLI loads \.github\/hooks\/ only in a folder you trust/);
  });

  it('leaves a file that is not JSON alone, with an error', () => {
    mkdirSync(join(dir, '.cursor'));
    writeFileSync(join(dir, '.cursor/hooks.json'), '{ broken');
    const r = runCli(['init', '--agent', 'cursor'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, '.cursor/hooks.json'), 'utf8')).toBe('{ broken');
  });

  it('wires the file and MCP tools each runtime names, beside the shell tool', () => {
    runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'kiro'], { cwd: dir });
    const matchers = (hooks: { matcher: string }[]) => hooks.map((h) => h.matcher);
    expect(matchers(read('.claude/settings.json').hooks.PreToolUse)).toEqual(['Bash', 'Edit|Write|MultiEdit|NotebookEdit|mcp__.*']);
    expect(matchers(read('.codex/hooks.json').hooks.PreToolUse)).toEqual(['shell|Bash|exec_command', 'apply_patch|Edit|Write|mcp__.*']);
    expect(matchers(read('.gemini/settings.json').hooks.BeforeTool)).toEqual(['run_shell_command', 'write_file|replace|mcp_.*']);
    expect(read('.cursor/hooks.json').hooks.beforeMCPExecution).toEqual([{ command: 'npx --no-install steer guard --runtime cursor || exit 2', failClosed: true }]);
    expect(read('.cursor/hooks.json').hooks.preToolUse).toEqual([{ command: 'npx --no-install steer guard --runtime cursor || exit 2', matcher: 'Write|StrReplace|Edit|MultiEdit|Delete|EditNotebook', failClosed: true }]);
  });

  it('writes Kiro v3 hooks: a standalone .kiro/hooks file with a PreToolUse command', () => {
    runCli(['init', '--agent', 'kiro'], { cwd: dir });
    const k = read('.kiro/hooks/steer.json');
    expect(k.version).toBe('v1');
    expect(k.hooks[0]).toMatchObject({ trigger: 'PreToolUse', action: { type: 'command', command: 'npx --no-install steer guard --runtime kiro || exit 2' }, enabled: true });
    expect(new RegExp(`^(${k.hooks[0].matcher})$`).test('shell') && new RegExp(`^(${k.hooks[0].matcher})$`).test('fs_write')).toBe(true);
  });

  it('gives Copilot bash and powershell commands that answer deny with exit 0 even when steer cannot start', () => {
    runCli(['init', '--agent', 'copilot'], { cwd: dir });
    const [entry] = read('.github/hooks/steer.json').hooks.preToolUse;
    expect(Object.keys(entry).sort()).toEqual(['bash', 'powershell', 'timeoutSec', 'type']);
    expect(entry.bash).not.toMatch(/exit 2/);
    // No steer in this folder (npx --no-install fails): the hook still prints a denial and exits 0.
    const r = spawnSync('bash', ['-c', entry.bash], { cwd: dir, input: JSON.stringify({ toolName: 'bash', toolArgs: '{"command":"ls"}' }), encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ permissionDecision: 'deny' });
  });

  it('re-running init replaces the entries an earlier init wrote, keeping the user\'s own', () => {
    mkdirSync(join(dir, '.github/hooks'), { recursive: true });
    const old = { type: 'command', bash: 'npx --no-install steer guard --runtime copilot || exit 2', timeoutSec: 30 };
    const mine = { type: 'command', bash: './audit.sh', timeoutSec: 5 };
    writeFileSync(join(dir, '.github/hooks/steer.json'), JSON.stringify({ version: 1, hooks: { preToolUse: [mine, old] } }));
    runCli(['init', '--agent', 'copilot'], { cwd: dir });
    const entries = read('.github/hooks/steer.json').hooks.preToolUse;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(mine);
    expect(entries[1].powershell).toBeDefined();
  });

  it('installs the OpenClaw plugin and says how to enable it; twice changes nothing', () => {
    const first = runCli(['init', '--agent', 'openclaw'], { cwd: dir });
    expect(first.stdout).toMatch(/wrote {5}\.openclaw\/extensions\/steer-guard\/index\.js/);
    expect(first.stdout).toMatch(/openclaw plugins install --link \.\/\.openclaw\/extensions\/steer-guard.*openclaw plugins enable steer-guard.*openclaw agent exec" loads no plugins/s);
    // Loaded when the Gateway starts: OpenClaw no longer loads a plugin without activation metadata at startup.
    expect(read('.openclaw/extensions/steer-guard/openclaw.plugin.json')).toMatchObject({ id: 'steer-guard', configSchema: { type: 'object' }, activation: { onStartup: true } });
    expect(read('.openclaw/extensions/steer-guard/package.json')).toMatchObject({ name: 'steer-guard', openclaw: { extensions: ['./index.js'] } });
    expect(runCli(['init', '--agent', 'openclaw'], { cwd: dir }).stdout).not.toMatch(/wrote {5}\.openclaw/);
  });

  it('says what makes the Gemini CLI and Codex hooks live: trusting the folder', () => {
    const r = runCli(['init', '--agent', 'gemini', 'codex'], { cwd: dir });
    expect(r.stdout).toMatch(/Gemini CLI .*\.gemini\/settings\.json.* (trust|trusted)\b/);
    expect(r.stdout).toMatch(/Codex runs (a )?project.{0,30} hooks .*(trust|trusted)\b/);
  });
});
