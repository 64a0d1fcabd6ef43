import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecordedIntent } from '../../src/adapters/fs/intent-file.js';
import { init } from '../../src/app/init.js';
import { recordPrompt } from '../../src/app/record-intent.js';

const dirs: string[] = [];
const work = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'steer-intent-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const stdin = (payload: unknown): string[] => [JSON.stringify(payload)];
const now = new Date('2026-12-04T12:00:00Z');

describe('the prompt hook (steer intent record)', () => {
  it('records the task of a Claude Code UserPromptSubmit payload for the next plan-check', async () => {
    const dir = work();
    expect(await recordPrompt('claude', stdin({ session_id: 's1', cwd: dir, hook_event_name: 'UserPromptSubmit', prompt: 'fix drift' }), dir, now)).toBe('');
    expect(await readRecordedIntent(dir)).toEqual({ source: 'agent-prompt', detail: 'claude s1', text: 'fix drift' });
    expect(readFileSync(join(dir, '.steer/.gitignore'), 'utf8')).toBe('intent.json\n');
  });

  it('keeps the prompts of one session together, and starts over in a new one', async () => {
    const dir = work();
    await recordPrompt('claude', stdin({ session_id: 's1', prompt: 'fix drift' }), dir, now);
    await recordPrompt('claude', stdin({ session_id: 's1', prompt: 'ok, recreate the database' }), dir, now);
    expect((await readRecordedIntent(dir))?.text).toBe('fix drift\nok, recreate the database');
    await recordPrompt('claude', stdin({ session_id: 's2', prompt: 'tag the bucket' }), dir, now);
    expect((await readRecordedIntent(dir))?.text).toBe('tag the bucket');
  });

  it('answers each runtime so the prompt goes on, even when the payload is not one', async () => {
    const dir = work();
    expect(await recordPrompt('gemini', stdin({ hook_event_name: 'BeforeAgent', prompt: 'bump' }), dir, now)).toBe('{}\n');
    expect(await recordPrompt('cursor', ['not json'], dir, now)).toBe('{"continue":true}\n');
  });

  it('is installed by steer init next to the guard hook', async () => {
    const dir = work();
    await init({ cwd: dir, agents: ['claude', 'copilot'] });
    const claude = JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8'));
    expect(claude.hooks.UserPromptSubmit[0].hooks[0].command).toBe('npx --no-install steer intent record --runtime claude || true');
    expect(claude.hooks.PreToolUse.length).toBeGreaterThan(0); // the guard's entries (shell, file and MCP tools)
    const copilot = JSON.parse(readFileSync(join(dir, '.github/hooks/steer.json'), 'utf8'));
    expect(copilot.hooks.userPromptSubmitted[0].bash).toContain('steer intent record --runtime copilot');
  });
});
