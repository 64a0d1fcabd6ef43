// Guard decision latency: p50/p95 of `steer guard` answering a Claude Code hook input through the
// built CLI (process start included, as an agent runtime pays it), over commands from the corpus.
// Usage: npm run build && node bench/guard-latency.mjs [decisions=300]. A figure to report, never a test.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const corpus = JSON.parse(readFileSync('test/guard/commands.json', 'utf8')).map((c) => c.command);
const runs = Number(process.argv[2] ?? 300);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const time = (args, input) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input });
  if (r.status === null) throw new Error(`${args.join(' ')} was killed`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};

time(['dist/cli.js', 'guard'], JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'ls' } })); // warms the parser's code cache
const guard = [];
const node = [];
for (let i = 0; i < runs; i++) {
  const command = corpus[(i * 7) % corpus.length];
  guard.push(time(['dist/cli.js', 'guard'], JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } })));
  if (i % 5 === 0) node.push(time(['-e', '0']));
}
const f = (x) => `${x.toFixed(0)} ms`;
console.log(`steer guard, ${runs} decisions through the built CLI (Node ${process.version}): p50 ${f(pct(guard, 50))}, p95 ${f(pct(guard, 95))}`);
console.log(`bare node start (node -e 0): p50 ${f(pct(node, 50))} — the guard's own share: p50 ≈ ${f(pct(guard, 50) - pct(node, 50))}, p95 ≈ ${f(pct(guard, 95) - pct(node, 50))} (goal ≤ 50 ms)`);
