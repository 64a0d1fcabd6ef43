// Guard decision latency: p50/p95 of `steer guard` answering a Claude Code hook input, through the
// built CLI (process start included, as an agent runtime pays it) and in-process (the decision alone).
import { spawnSync } from 'node:child_process';

const commands = ['terraform plan -out=tfplan', 'terraform apply -auto-approve', 'bash -c "cd infra && terraform destroy"', 'npm test', 'aws cloudformation delete-stack --stack-name prod'];
const runs = Number(process.argv[2] ?? 60);
const times = [];
for (let i = 0; i < runs; i++) {
  const input = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: commands[i % commands.length] } });
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['dist/cli.js', 'guard'], { input });
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const node = [];
for (let i = 0; i < 20; i++) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  node.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const nodeP50 = pct(node, 50);
console.log(`guard via CLI: p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms (node -e 0: ${nodeP50.toFixed(0)} ms) — decision after start-up: p95 ≈ ${(pct(times, 95) - nodeP50).toFixed(0)} ms (goal ≤ 50 ms)`);
