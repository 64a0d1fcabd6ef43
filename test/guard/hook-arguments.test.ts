import { describe, expect, it } from 'vitest';
import { guardCommand } from '../../src/cli/guard.js';
import { hookArguments } from '../../src/cli/guard-hook.js';

// `steer guard` reads the command lines `steer init` writes without commander (it loads in a hook
// once per agent command); those it reads must mean what commander makes of them, and every other
// one is left to commander (help, usage errors that deny, words without `--`).
function byCommander(args: readonly string[]): { words: string[]; options: Record<string, unknown> } {
  let seen: { words: string[]; options: Record<string, unknown> } | undefined;
  const command = guardCommand().action((words: string[], options: Record<string, unknown>) => {
    seen = { words, options: { ...options } };
  });
  command.parse([...args], { from: 'user' });
  return seen!;
}

describe('steer guard arguments without commander', () => {
  it.each([[[]], [['--runtime', 'claude']], [['--runtime=codex']], [['-c', 'steer.yml', '--runtime', 'kiro']], [['--config', 'x.yml']], [['--config=x.yml', '--', 'terraform', 'apply']], [['--', 'terraform apply && echo ok']], [['--']], [['--runtime', 'copilot', '--', '--runtime', 'x']]])('%j means what commander reads', (args) => {
    expect(hookArguments(args)).toEqual(byCommander(args));
  });

  it.each([[['--help']], [['-h']], [['terraform', 'apply']], [['--runtime', 'vim']], [['--runtime']], [['-c']], [['--config', '--runtime']], [['--verbose']], [['-cx.yml']], [['-c=x.yml']]])('%j is left to commander', (args) => {
    expect(hookArguments(args)).toBeUndefined();
  });
});
