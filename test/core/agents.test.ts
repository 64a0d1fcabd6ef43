import { describe, expect, it } from 'vitest';
import { agentAuthorship, isAgentCoauthor, isAgentLogin, isBotAccount } from '../../src/core/agents.js';

const human = { login: 'alice', type: 'User' };
const commit = (message: string, author?: { login: string; type: string }) => ({ message, ...(author ? { author } : {}) });

describe('agent accounts', () => {
  it('Copilot authors as "Copilot", type Bot, no [bot] suffix', () => {
    expect(isAgentLogin('Copilot')).toBe(true);
    expect(isBotAccount({ login: 'Copilot', type: 'Bot' })).toBe(true);
    expect(agentAuthorship({ login: 'Copilot', type: 'Bot' }, []).reasons).toEqual(['authored by the agent account Copilot']);
  });

  it.each(['claude[bot]', 'devin-ai-integration[bot]', 'chatgpt-codex-connector[bot]', 'kiro[bot]', 'google-labs-jules[bot]', 'cursor[bot]'])('%s is an agent', (login) => {
    expect(isAgentLogin(login)).toBe(true);
    expect(agentAuthorship({ login, type: 'Bot' }, []).agent).toBe(true);
  });

  it('any [bot] account, and a Bot-type account without the suffix, is a bot', () => {
    expect(isBotAccount({ login: 'renovate[bot]' })).toBe(true);
    expect(isBotAccount({ login: 'some-app', type: 'Bot' })).toBe(true);
    expect(agentAuthorship({ login: 'renovate[bot]', type: 'Bot' }, []).reasons).toEqual(['authored by the bot account renovate[bot]']);
  });

  it('logins from steer.yml agents.logins count, case-insensitively', () => {
    expect(agentAuthorship({ login: 'Infra-Agent', type: 'User' }, [], ['infra-agent']).agent).toBe(true);
  });

  it('a human is not an agent', () => {
    expect(agentAuthorship(human, [commit('fix drift')]).agent).toBe(false);
    expect(isBotAccount(human)).toBe(false);
  });
});

describe('commits written by agents', () => {
  it('a Co-authored-by trailer from Claude Code makes the pull request agent-authored', () => {
    const e = agentAuthorship(human, [commit('fix drift\n\nCo-authored-by: Claude <noreply@anthropic.com>')]);
    expect(e.agent).toBe(true);
    expect(e.reasons).toEqual(['a commit is co-authored by Claude <noreply@anthropic.com>']);
  });

  it.each([
    'Copilot <175728472+Copilot@users.noreply.github.com>',
    'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
    'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
    'Claude Opus 4 <noreply@anthropic.com>',
    'Cursor Agent <cursoragent@cursor.com>',
    'aider (gpt-4o) <noreply@aider.chat>',
    'Codex <codex@example.invalid>',
  ])('co-author %s is an agent', (trailer) => {
    expect(isAgentCoauthor(trailer)).toBe(true);
  });

  it.each(['Bob <bob@example.com>', 'Claudia Jones <claudia@example.com>', 'Jules Verne <jules@example.com>', 'Dana <dana@anthropic.co>'])('co-author %s is a human', (trailer) => {
    expect(isAgentCoauthor(trailer)).toBe(false);
  });

  it('the trailer is found whatever its case', () => {
    expect(agentAuthorship(human, [commit('x\n\nCO-AUTHORED-BY: Devin AI <devin@example.invalid>')]).agent).toBe(true);
  });

  it('a commit whose GitHub author is an agent account counts', () => {
    const e = agentAuthorship(human, [commit('fix', { login: 'Copilot', type: 'Bot' })]);
    expect(e.reasons).toEqual(['a commit is authored by the agent account Copilot']);
  });

  it('a configured agent login as co-author counts', () => {
    expect(agentAuthorship(human, [commit('x\n\nCo-authored-by: our-agent <1+our-agent@users.noreply.github.com>')], ['our-agent']).agent).toBe(true);
  });

  it('each reason is given once', () => {
    const msg = 'x\n\nCo-authored-by: Claude <noreply@anthropic.com>';
    expect(agentAuthorship(human, [commit(msg), commit(msg)]).reasons).toHaveLength(1);
  });
});
