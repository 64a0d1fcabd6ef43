import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellSyntax } from '../../src/adapters/shell/tree-sitter-bash.js';
import { decide, NO_LISTS } from '../../src/guard/decide.js';
import { parseCommand, parseScript, type ParsedCommand } from '../../src/guard/parse.js';
import { shellTexts } from '../support/shell-text.js';
import { mvdanSyntax } from '../support/mvdan.js';
import { repoRoot } from '../support/paths.js';

// tree-sitter-bash (through src/adapters/shell/from-tree-sitter.ts) against mvdan/sh, the parser
// the guard was written for: the same commands, directories, problems and scripts for every
// text of the guard corpus, every project file it reads, and generated shell text. Where
// tree-sitter-bash can't read a text the way the shell does, it must fail closed (a problem that
// denies), never allow what mvdan/sh's reading denies.
const ts = shellSyntax();
const mv = mvdanSyntax();

function corpusTexts(): string[] {
  const out = (JSON.parse(readFileSync(join(repoRoot, 'test/guard/commands.json'), 'utf8')) as { command: string }[]).map((c) => c.command);
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (k !== 'note') walk(v);
  };
  for (const f of ['aws-cli', 'deploy-tools', 'launchers', 'look-alikes', 'project-files', 'sdk-inline-code', 'tricks']) walk((JSON.parse(readFileSync(join(repoRoot, `test/guard/corpus/${f}.json`), 'utf8')) as { categories: unknown }).categories);
  return out;
}

// A write's own directory is left out: decide() holds a written path against every directory of the text (shell-writes.ts).
const shown = (p: ParsedCommand) => ({ ...p, writes: p.writes.map((w) => (typeof w.path === 'string' ? w.path : '$?')), commands: p.commands.map((c) => c.map((a) => (typeof a === 'string' ? a : '$?'))), unparsable: p.unparsable === undefined ? undefined : 'unparsable', problems: p.problems.map((x) => x.replace(/could not be parsed \(.*\)$/, 'could not be parsed')) });

/** Undefined when they agree, or tree-sitter-bash's reading denies (fails closed) where mvdan/sh's also denies; else what differs. */
function disagreement(text: string, parse: (sh: typeof ts) => ParsedCommand): unknown {
  const a = shown(parse(ts));
  const b = shown(parse(mv));
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  const tsDenies = decide(parse(ts), NO_LISTS).decision === 'deny';
  const mvDenies = decide(parse(mv), NO_LISTS).decision === 'deny';
  if (tsDenies && mvDenies) return undefined;
  return { text, treeSitter: a, mvdan: b };
}

describe('tree-sitter-bash reads commands as mvdan/sh does', () => {
  it('on every text of the guard corpus', () => {
    expect(corpusTexts().map((text) => disagreement(text, (sh) => parseCommand(sh, text, true))).filter(Boolean)).toEqual([]);
  });

  it('on every project file of the corpus, as a script', () => {
    const files = (JSON.parse(readFileSync(join(repoRoot, 'test/guard/corpus/project.json'), 'utf8')) as { files: Record<string, string> }).files;
    expect(Object.entries(files).map(([name, text]) => disagreement(name, (sh) => parseScript(sh, text))).filter(Boolean)).toEqual([]);
  });
});

describe('tree-sitter-bash never allows what mvdan/sh denies', () => {
  // Generated text is far stranger than what agents run: where tree-sitter-bash's grammar can't
  // read a construct (`! { …; }`, `let` with words, a here-doc not ending on its own line) it
  // fails closed. What it allows, mvdan/sh's reading allows too, and it sees every command
  // mvdan/sh sees (more where mvdan/sh reads less than the shell runs: `coproc cmd args`).
  it('on generated shell text that mvdan/sh parses', () => {
    const allowedMore: unknown[] = [];
    let read = 0;
    let deniedMore = 0;
    for (const text of shellTexts(7, 2000)) {
      try {
        mv.NewParser().Parse(text, '');
      } catch {
        continue; // not valid shell to mvdan/sh
      }
      read++;
      const a = parseCommand(ts, text, true);
      const b = parseCommand(mv, text, true);
      const tsAllows = decide(a, NO_LISTS).decision === 'allow';
      const mvAllows = decide(b, NO_LISTS).decision === 'allow';
      if (!tsAllows) {
        if (mvAllows) deniedMore++;
        continue;
      }
      // Each command mvdan/sh sees is one tree-sitter-bash sees, or the end of one (`coproc NAME cmd`: mvdan/sh drops the first word).
      const seen = shown(a).commands.map((c) => JSON.stringify(c).slice(1));
      const sees = (c: readonly string[]) => seen.some((s) => s.endsWith(JSON.stringify(c).slice(1)));
      if (!mvAllows || !shown(b).commands.every(sees)) allowedMore.push({ text, treeSitter: shown(a).commands, mvdan: shown(b).commands });
    }
    expect(read).toBeGreaterThan(600);
    expect(allowedMore).toEqual([]);
    expect(deniedMore / read).toBeLessThan(0.2);
  });
});
