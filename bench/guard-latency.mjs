// Guard decision latency: p50/p95 of `steer guard` answering a Claude Code hook input through the
// built CLI's bin, as `npx steer` runs it (process start included, as an agent runtime pays it),
// over commands from the corpus. Usage: npm run build && node bench/guard-latency.mjs [decisions=300];
// on Node 24: npx -y node@24 bench/guard-latency.mjs 300 (it runs the CLI with the Node that runs it).
// A figure to report, never a test.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const bin = JSON.parse(readFileSync('package.json', 'utf8')).bin.steer;
const corpus = JSON.parse(readFileSync('test/guard/commands.json', 'utf8')).map((c) => c.command);
const runs = Number(process.argv[2] ?? 300);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const time = (args, input) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input });
  if (r.status === null) throw new Error(`${args.join(' ')} was killed`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};

// Warms the code caches: a command of plain words, then one the shell parser reads.
for (const command of ['ls', 'ls | wc -l']) time([bin, 'guard'], JSON.stringify({ tool_name: 'Bash', tool_input: { command } }));
// Commands of plain words (`terraform plan -out=tfplan`, `git status`) are decided without loading
// the shell parser; the rest pay its start-up. Both are reported, and all together.
const PLAIN = /^[A-Za-z0-9_./:=,@%+-]+(?: [A-Za-z0-9_./:=,@%+-]+)*$/;
const guard = [];
const plain = [];
const syntax = [];
const node = [];
for (let i = 0; i < runs; i++) {
  const command = corpus[(i * 7) % corpus.length];
  const ms = time([bin, 'guard'], JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }));
  guard.push(ms);
  (PLAIN.test(command) ? plain : syntax).push(ms);
  if (i % 5 === 0) node.push(time(['-e', '0']));
}
const f = (x) => `${x.toFixed(0)} ms`;
const own = (xs) => `p50 ${f(pct(xs, 50))} (own ≈ ${f(pct(xs, 50) - pct(node, 50))}), p95 ${f(pct(xs, 95))} (own ≈ ${f(pct(xs, 95) - pct(node, 50))})`;
console.log(`steer guard, ${runs} decisions through the built CLI (Node ${process.version}), bare node start p50 ${f(pct(node, 50))}; own = beyond it (goal ≤ 50 ms):`);
console.log(`  all:                        ${own(guard)}`);
console.log(`  plain words (${String(plain.length).padStart(3)}):         ${own(plain)}`);
console.log(`  with shell syntax (${String(syntax.length).padStart(3)}):   ${own(syntax)}`);
