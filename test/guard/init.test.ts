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
    const first = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', '--ci', 'github'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote {5}\.claude\/settings\.json/);
    const snapshot = ['.claude/settings.json', '.codex/hooks.json', '.cursor/hooks.json', '.gemini/settings.json', '.github/hooks/steer.json', '.kiro/agents/steer-guarded.json', 'steer.yml', '.github/workflows/steer.yml'].map((p) => readFileSync(join(dir, p), 'utf8'));
    const second = runCli(['init', '--agent', 'claude', 'codex', 'cursor', 'gemini', 'copilot', 'kiro', '--ci', 'github'], { cwd: dir });
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

  it('leaves a file that is not JSON alone, with an error', () => {
    mkdirSync(join(dir, '.cursor'));
    writeFileSync(join(dir, '.cursor/hooks.json'), '{ broken');
    const r = runCli(['init', '--agent', 'cursor'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, '.cursor/hooks.json'), 'utf8')).toBe('{ broken');
  });
});
