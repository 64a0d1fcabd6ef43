import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/damage.js';
import { shellSyntax } from '../../src/adapters/shell/tree-sitter-bash.js';
import { parseCommand } from '../../src/guard/parse.js';
import { plainWords } from '../../src/guard/plain-words.js';
import { repoRoot } from '../support/paths.js';

// The plain-words path decides without the parser: it must agree with the parser wherever it answers.
const corpus = (JSON.parse(readFileSync(join(repoRoot, 'test/guard/commands.json'), 'utf8')) as { command: string }[]).map((c) => c.command);
const sh = shellSyntax();
const same = (text: string) => expect(parseCommand(sh, text), text).toEqual(parseCommand(sh, text, true));

describe('plain words, without the shell parser', () => {
  it('agree with mvdan/sh on every corpus command they take', () => {
    const taken = corpus.filter((c) => plainWords(c) !== undefined);
    expect(taken.length).toBeGreaterThan(100);
    for (const c of taken) same(c);
  });

  it('agree with mvdan/sh on random text of their alphabet, assignments and reserved words included', () => {
    const vocabulary = ['terraform', 'apply', 'destroy', 'plan', 'aws', 's3', 'rb', 'sudo', 'env', 'FOO=1', 'A+=b', '1x=2', 'if', 'time', 'for', 'in', '-auto-approve', '-chdir=envs/prod', './deploy.sh', '.', ':', 'x,y', 'a@b', '%1', '--', '-c', 'bash', 'ssh', 'host', 'cdk', 'deploy', 'npx', 'timeout', '10s', 'xargs'];
    const random = seededRandom(42);
    for (let n = 0; n < 3000; n++) {
      const words = Array.from({ length: 1 + random(6) }, () => vocabulary[random(vocabulary.length)]!);
      const text = words.join(' ');
      if (plainWords(text) !== undefined) same(text);
    }
  });

  it('leave every text with shell syntax to the parser', () => {
    for (const c of ['a "b"', "a 'b'", 'a $B', 'a `b`', 'a;b', 'a&b', 'a|b', 'a>b', 'a<b', 'a(b)', 'a{b}', 'a*', 'a?', 'a[b]', '~/x', 'a#b', 'a!b', 'a\\b', 'a\tb', 'a\nb', 'a  b', ' a', 'a ', 'a^b', 'if x', 'time terraform apply', 'FOO=1', '']) {
      expect(plainWords(c), JSON.stringify(c)).toBeUndefined();
    }
  });
});
