import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellSyntax } from '../../src/adapters/shell/tree-sitter-bash.js';
import { decide, NO_LISTS, type GuardLists } from '../../src/guard/decide.js';
import { parseCommand, TOKENS } from '../../src/guard/parse.js';
import { repoRoot } from '../support/paths.js';

// The command corpus: dangerous and safe commands, obfuscated forms included, with the decision expected.
const corpus = JSON.parse(readFileSync(join(repoRoot, 'test/guard/commands.json'), 'utf8')) as { command: string; expect: 'allow' | 'deny'; note: string }[];
const check = (command: string, lists: GuardLists = NO_LISTS) => decide(parseCommand(shellSyntax(), command), lists);

describe('steer guard on the command corpus', () => {
  it('has at least 300 commands, dangerous and safe', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((c) => c.expect === 'allow').length).toBeGreaterThan(80);
  });
  it.each(corpus.map((c) => [c.expect, c.command, c.note]))('%s: %s (%s)', (expected, command) => {
    const decision = check(command as string);
    expect({ command, decision: decision.decision, reason: decision.reason }).toMatchObject({ decision: expected });
  });
});

describe('steer.yml guard lists', () => {
  it('deny adds commands; allow wins over the built-in denials', () => {
    expect(check('kubectl delete ns prod', { deny: ['kubectl delete'], allow: [] }).decision).toBe('deny');
    expect(check('kubectl get pods', { deny: ['kubectl delete'], allow: [] }).decision).toBe('allow');
    expect(check('terraform apply -target=module.sandbox.x', { deny: [], allow: ['terraform apply -target=module.sandbox*'] }).decision).toBe('allow');
    expect(check('terraform apply', { deny: [], allow: ['terraform apply -target=module.sandbox*'] }).decision).toBe('deny');
  });
  it('patterns match the resolved command, wherever it hides', () => {
    expect(check('cd k8s && sudo /usr/bin/kubectl delete ns prod', { deny: ['kubectl delete'], allow: [] }).decision).toBe('deny');
    expect(check('bash -c "helm uninstall web"', { deny: ['helm uninstall *'], allow: [] }).decision).toBe('deny');
  });
});

describe('reasons', () => {
  it('name the command and the way through', () => {
    const d = check('cd infra && terraform apply -auto-approve');
    expect(d.reason).toMatch(/"terraform apply -auto-approve" changes real infrastructure/);
    expect(d.commands).toEqual(['cd infra', 'terraform apply -auto-approve']);
  });
  it('say why an unknowable command is denied', () => {
    expect(check('T=terraform; $T apply').reason).toMatch(/"terraform apply" changes real infrastructure/); // the variable is known: set just before
    expect(check('$T apply').reason).toMatch(/cannot be known before running/);
    expect(check('terraform apply "unterminated').reason).toMatch(/could not be parsed/);
  });
});

describe('the parser version', () => {
  it('gives the redirect and pipe token numbers the guard relies on', () => {
    const sh = shellSyntax();
    const ops: Record<string, number> = {};
    for (const [name, text] of [['RDR_OUT', 'cat > f'], ['APP_OUT', 'cat >> f'], ['RDR_IN', 'sh < f'], ['HEREDOC', 'sh <<E\nx\nE'], ['DASH_HEREDOC', 'sh <<-E\nx\nE'], ['HERESTRING', 'sh <<< x'], ['DPL_OUT', 'cat >& f'], ['CLB_OUT', 'cat >| f'], ['RDR_ALL', 'cat &> f'], ['APP_ALL', 'cat &>> f'], ['PIPE', 'a | b'], ['PIPE_ALL', 'a |& b']] as const) {
      sh.Walk(sh.NewParser().Parse(text, ''), (node) => {
        if (node && (sh.NodeType(node) === 'Redirect' || sh.NodeType(node) === 'BinaryCmd')) ops[name] = (node as unknown as { Op: number }).Op;
        return true;
      });
    }
    expect(ops).toEqual({ ...TOKENS, RDR_IN_OUT: undefined }); // `<>`: tree-sitter-bash can't read it, so a command with it is denied as unparsable
  });
});
