// The guard's decision alone, in one process (parser loaded once): p50/p95 over the command corpus.
import { readFileSync } from 'node:fs';
import { loadShellSyntax } from '../src/adapters/shell/tree-sitter-bash.js';
import { decide, NO_LISTS } from '../src/guard/decide.js';
import { parseCommand } from '../src/guard/parse.js';

const corpus = JSON.parse(readFileSync('test/guard/commands.json', 'utf8')) as { command: string }[];
const sh = await loadShellSyntax();
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const { command } of corpus) {
    const t = process.hrtime.bigint();
    decide(parseCommand(sh, command), NO_LISTS);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
console.log(`guard decision in-process (${times.length} decisions): p50 ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
