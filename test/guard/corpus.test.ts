import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellSyntax } from '../../src/adapters/shell/mvdan.js';
import { analyzeCommand } from '../../src/guard/analyze.js';
import { repoRoot } from '../support/paths.js';

// The command corpus: dangerous and safe commands, obfuscated forms included, with the decision expected.
const corpus = JSON.parse(readFileSync(join(repoRoot, 'test/guard/commands.json'), 'utf8')) as { command: string; expect: 'allow' | 'deny'; note: string }[];
const lists = { deny: [], allow: [] };

describe('steer guard on the command corpus', () => {
  it('has at least 300 commands, dangerous and safe', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((c) => c.expect === 'allow').length).toBeGreaterThan(80);
  });
  it.each(corpus.map((c) => [c.expect, c.command, c.note]))('%s: %s (%s)', (expected, command) => {
    const decision = analyzeCommand(shellSyntax(), command as string, lists);
    expect({ command, decision: decision.decision, reason: decision.reason }).toMatchObject({ decision: expected });
  });
});

describe('steer.yml guard lists', () => {
  it('deny adds commands; allow wins over the built-in denials', () => {
    expect(analyzeCommand(shellSyntax(), 'kubectl delete ns prod', { deny: ['kubectl delete'], allow: [] }).decision).toBe('deny');
    expect(analyzeCommand(shellSyntax(), 'terraform apply -target=module.sandbox.x', { deny: [], allow: ['terraform apply -target=module.sandbox*'] }).decision).toBe('allow');
    expect(analyzeCommand(shellSyntax(), 'terraform apply', { deny: [], allow: ['terraform apply -target=module.sandbox*'] }).decision).toBe('deny');
  });
});
