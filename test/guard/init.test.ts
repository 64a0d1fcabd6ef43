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
    const first = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', '--ci', 'github'], { cwd: dir, env: { CODEX_HOME: join(dir, '.codex-home') } });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote {5}\.claude\/settings\.json/);
    const snapshot = ['.claude/settings.json', '.codex/hooks.json', '.cursor/hooks.json', '.gemini/settings.json', '.github/hooks/steer.json', '.kiro/agents/steer-guarded.json', 'steer.yml', '.github/workflows/steer.yml'].map((p) => readFileSync(join(dir, p), 'utf8'));
    const second = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', '--ci', 'github'], { cwd: dir, env: { CODEX_HOME: join(dir, '.codex-home') } });
    expect(second.stdout).not.toMatch(/wrote/);
    expect(['.claude/settings.json', '.codex/hooks.json', '.cursor/hooks.json', '.gemini/settings.json', '.github/hooks/steer.json', '.kiro/agents/steer-guarded.json', 'steer.yml', '.github/workflows/steer.yml'].map((p) => readFileSync(join(dir, p), 'utf8'))).toEqual(snapshot);
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
    expect(s.hooks.PreToolUse).toHaveLength(2);
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
});
