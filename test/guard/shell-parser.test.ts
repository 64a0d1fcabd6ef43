import { describe, expect, it } from 'vitest';
import { shellSyntax } from '../../src/adapters/shell/tree-sitter-bash.js';
import { decide, NO_LISTS } from '../../src/guard/decide.js';
import { parseCommand } from '../../src/guard/parse.js';
import { mvdanSyntax } from '../support/mvdan.js';

// Where tree-sitter-bash reads shell text differently from the shell, and what
// src/adapters/shell/from-tree-sitter.ts does about it: each one read as the shell (and
// mvdan/sh) reads it, or denied.
const ts = shellSyntax();
const mv = mvdanSyntax();
const commands = (text: string) => parseCommand(ts, text, true).commands.map((c) => c.map((a) => (typeof a === 'string' ? a : '$?')));
const decision = (text: string) => decide(parseCommand(ts, text, true), NO_LISTS);
const asMvdan = (text: string) => expect(parseCommand(ts, text, true), text).toEqual(parseCommand(mv, text, true));

describe('the shell parser reads as the shell does', () => {
  it('a line continuation inside a word joins it (tree-sitter-bash splits the word there)', () => {
    expect(commands('terra\\\nform apply')).toEqual([['terraform', 'apply']]);
    expect(decision('terra\\\nform apply').decision).toBe('deny');
    expect(commands("echo 'a\\\nb'")).toEqual([['echo', 'a\\\nb']]); // literal inside single quotes
    asMvdan('terraform \\\n  plan -out=tfplan');
  });

  it('backquoted code, nested backquotes included, is parsed again after unescaping', () => {
    expect(commands('echo `echo \\`terraform apply\\``')).toEqual([['echo', '$?'], ['echo', '$?'], ['terraform', 'apply']]);
    expect(decision('echo `echo \\`terraform apply\\``').decision).toBe('deny');
    asMvdan('echo `date` "$(git rev-parse HEAD)"');
  });

  it('backquotes side by side, which tree-sitter-bash reads as one substitution, are denied', () => {
    for (const text of ['echo `true``terraform apply`', 'echo "`true``terraform apply`"', 'echo `date` `whoami`']) {
      expect(decision(text), text).toMatchObject({ decision: 'deny', reason: expect.stringMatching(/could not be parsed/) });
    }
    expect(decision('echo `true`-`terraform destroy`').decision).toBe('deny');
  });

  it('text tree-sitter-bash leaves literal that the shell expands is denied (`terra``form` runs terraform)', () => {
    for (const text of ['terra``form apply', '"terra``form" apply']) expect(decision(text), text).toMatchObject({ decision: 'deny', reason: expect.stringMatching(/could not be parsed/) });
    expect(commands('echo "a$" b \\$HOME "\\$X"')).toEqual([['echo', 'a$', 'b', '$HOME', '$X']]);
  });

  it('backquotes in a here-document run (tree-sitter-bash leaves them as text)', () => {
    expect(decision('cat <<EOF\nbuilt at `terraform apply -auto-approve`\nEOF').decision).toBe('deny');
    expect(decision("cat <<'EOF'\nbuilt at `terraform apply`\nEOF").decision).toBe('allow'); // quoted: text
  });

  it('a here-document ends only on a line that is its delimiter alone', () => {
    expect(decision('cat <<EOF\nx\nEOF | sh').decision).toBe('deny');
    asMvdan('cat <<EOF | sh\necho ok\nEOF');
  });

  it('the word `-` before a redirect is an argument (tree-sitter-bash drops it)', () => {
    expect(commands("python3 - <<'EOF'\nprint(1)\nEOF")).toEqual([['python3', '-']]);
    expect(commands('echo - 2>&1')).toEqual([['echo', '-']]);
    expect(decision('cat - <<EOF | sh\nterraform apply\nEOF').decision).toBe('deny');
  });

  it('`$"…"` is one word', () => {
    expect(commands('echo $"terraform apply" x')).toEqual([['echo', 'terraform apply', 'x']]);
  });

  it('a command name with @, %, #, : or [ inside is one word (tree-sitter-bash cuts it after a name)', () => {
    for (const text of ['a@b -chdir=envs/prod', 'FOO=1 a%b x', 'x | a#b', 'A=1 a:b']) asMvdan(text);
  });

  it('`1x=2` is a word, not an assignment', () => {
    asMvdan('1x=2 terraform apply');
    asMvdan('A=1 1x=2');
  });

  it('NUL bytes are dropped, as the shell drops them', () => {
    expect(commands('terraform apply\n# \u0000')).toEqual([['terraform', 'apply']]);
  });

  it('offsets are in characters: text after non-ASCII words is read right', () => {
    expect(commands('echo ééé 日本 😀; terraform apply')).toEqual([['echo', 'ééé', '日本', '😀'], ['terraform', 'apply']]);
  });

  it('time, coproc and let are keywords: what follows time or coproc is the command', () => {
    expect(commands('time terraform apply')).toEqual([['terraform', 'apply']]);
    expect(commands('time -p terraform plan')).toEqual([['terraform', 'plan']]);
    expect(decision('coproc terraform apply').decision).toBe('deny');
    expect(commands('let x=1+2')).toEqual([]);
    expect(decision('let "x = $(terraform apply)"').decision).toBe('deny');
  });

  it('declarations are not commands, even where tree-sitter-bash reads one', () => {
    asMvdan('export A=1 B; local -r x=$(date)');
    expect(commands('! local x')).toEqual([]);
  });

  it('finds a command wherever the shell would run it', () => {
    for (const text of ['[[ -n $(terraform apply) ]]', '(( $(terraform apply) ))', 'for ((i=$(terraform apply);;)); do :; done', 'arr=([0]=$(terraform apply))', 'echo ${x:-$(terraform apply)}', 'echo > $(terraform apply)', 'x=$(cat <<EOF\n$(terraform apply)\nEOF\n)', 'cat < <(terraform apply)', 'case x in a) terraform apply;; esac', 'function f() { terraform apply; }', 'cat <<< $(terraform apply)', 'echo "${a[$(terraform apply)]}"', 'select x in $(terraform apply); do :; done', 'if [ "$(terraform apply)" ]; then :; fi', 'while read x; do :; done < <(terraform apply)', 'x[$(terraform apply)]=1', 'export X=$(terraform apply)', 'local x=`terraform apply`', 'f() ( terraform apply )', '{ terraform apply; } 2>&1 | tee log']) {
      expect(decision(text).decision, text).toBe('deny');
    }
    expect(decision('echo hi # $(terraform apply)').decision).toBe('allow'); // a comment
  });

  it('fails closed where it cannot read the text as the shell does', () => {
    for (const text of ['terraform apply "unterminated', 'if true; then terraform apply', 'a=(x) terraform apply', 'cat <<EOF arg > out.sh\nx\nEOF', '! { terraform plan; }']) {
      expect(decision(text), text).toMatchObject({ decision: 'deny', reason: expect.stringMatching(/could not be parsed/) });
    }
  });
});
