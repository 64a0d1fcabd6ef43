// npm run bench — Steer against baselines measured in the same run, as ratios:
//   (a) bare Node: JSON.parse + a scan of resource_changes (bench/bare-parse.mjs)
//   (b) the common jq gate: jq '.resource_changes[] | select(.change.actions | index("delete"))'
// plus cold start (vs `node -e 0`) and, when the guard command exists, its decision latency.
// Wall time and peak RSS come from GNU time (/usr/bin/time); the 40 MB commands and the cold
// starts run in alternating rounds, so a slow spell of the machine weighs on all of them alike. Options: --huge adds the 1 GB
// streaming run (needs ~2 GB of disk in $TMPDIR); --keep keeps the generated plans.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const cli = 'dist/cli.js';
const GNU_TIME = '/usr/bin/time';
for (const [tool, hint] of [
  [GNU_TIME, 'apt-get install time'],
  ['jq', 'apt-get install jq'],
]) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`bench: ${tool} is missing (${hint})`);
    process.exit(1);
  }
}
if (!existsSync(cli)) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'steer-bench-'));
const BYTES_PER_RESOURCE = 5000; // of bench/generate-plan.mjs output (planned_values, prior_state, configuration included)

function generate(name, bytes) {
  const file = join(dir, name);
  execFileSync(process.execPath, ['bench/generate-plan.mjs', file, String(Math.round(bytes / BYTES_PER_RESOURCE))], { stdio: 'inherit' });
  return file;
}

/** Runs a command once under GNU time: wall seconds and peak RSS in MB. */
function timeOnce(command, argv, stdout = '/dev/null') {
  const r = spawnSync('sh', ['-c', `${GNU_TIME} -f '%e %M' "$@" > ${stdout}`, 'sh', command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, rssKb] = last.split(' ').map(Number);
  if (!Number.isFinite(wall)) throw new Error(`bench: could not time ${command} ${argv.join(' ')}: ${r.stderr}`);
  return { wall, rss: rssKb / 1024, status: r.status };
}

const median = (samples) => [...samples].sort((a, b) => a.wall - b.wall)[Math.floor(samples.length / 2)];

/** Runs a command under GNU time; returns the median of `runs` (wall seconds, peak RSS in MB). */
function measure(command, argv, { runs = 3, stdout = '/dev/null' } = {}) {
  return median(Array.from({ length: runs }, () => timeOnce(command, argv, stdout)));
}

/**
 * Several commands measured in rounds — each round runs every command once — so a slow spell
 * of this shared machine weighs on all of them alike; returns each one's median.
 */
function measureInRounds(commands, rounds = 5) {
  const samples = commands.map(() => []);
  for (let round = 0; round < rounds; round++) commands.forEach(([command, argv], i) => samples[i].push(timeOnce(command, argv)));
  return samples.map(median);
}

/** Median milliseconds of each command, run in alternation `runs` times. */
function medianMs(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, argv], k) => {
      const t = process.hrtime.bigint();
      spawnSync(command, argv, { stdio: 'ignore' });
      times[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

const rows = [];
const row = (what, value, goal, ok) => rows.push({ what, value, goal, verdict: ok === undefined ? '' : ok ? 'met' : 'NOT MET' });
const fmt = (n, d = 2) => n.toFixed(d);

try {
  // 40 MB: in-memory path.
  const p40 = generate('plan-40mb.json', 40e6);
  const mb = statSync(p40).size / 1e6;
  const [bare, jq, steer, steerText, streamed] = measureInRounds([
    [process.execPath, ['bench/bare-parse.mjs', p40]],
    ['jq', ['.resource_changes[] | select(.change.actions | index("delete"))', p40]],
    [process.execPath, [cli, 'plan-check', p40, '--format', 'json']],
    [process.execPath, [cli, 'plan-check', p40]],
    [process.execPath, [cli, 'plan-check', p40, '--stream', '--format', 'json']],
  ]);
  console.log(`\n${fmt(mb, 1)} MB plan: bare ${fmt(bare.wall)} s / ${fmt(bare.rss, 0)} MB · jq ${fmt(jq.wall)} s / ${fmt(jq.rss, 0)} MB · steer ${fmt(steer.wall)} s / ${fmt(steer.rss, 0)} MB (json), ${fmt(steerText.wall)} s / ${fmt(steerText.rss, 0)} MB (text) · streaming ${fmt(streamed.wall)} s / ${fmt(streamed.rss, 0)} MB`);
  row('40 MB: steer wall / bare parse', `${fmt(steerText.wall / bare.wall)}× (json ${fmt(steer.wall / bare.wall)}×)`, '≤ 1.3×', steerText.wall / bare.wall <= 1.3);
  row('40 MB: steer wall / jq', `${fmt(steerText.wall / jq.wall)}×`, '≤ 0.5×', steerText.wall / jq.wall <= 0.5);
  row('40 MB: steer peak RSS / bare parse', `${fmt(steerText.rss / bare.rss)}× (json ${fmt(steer.rss / bare.rss)}×)`, '≤ 1.5×', steerText.rss / bare.rss <= 1.5);
  row('40 MB: streaming wall / in-memory', `${fmt(streamed.wall / steer.wall)}×`, '(no goal)');

  // Cold start on a small plan.
  const small = 'examples/demo/agent-drift-fix.plan.json';
  const [nodeMs, steerMs] = medianMs(
    [
      [process.execPath, ['-e', '0']],
      [process.execPath, [cli, 'plan-check', small]],
    ],
    21,
  );
  row('cold start: plan-check small plan / node -e 0', `${fmt(steerMs / nodeMs)}× (${fmt(steerMs, 0)} ms vs ${fmt(nodeMs, 0)} ms)`, '≤ 2×', steerMs / nodeMs <= 2);

  if (args.has('--huge')) {
    const p1g = generate('plan-1gb.json', 1e9);
    const huge = measure(process.execPath, [cli, 'plan-check', p1g, '--format', 'json'], { runs: 1 });
    row(`1 GB (${fmt(statSync(p1g).size / 1e9, 2)} GB) streamed: peak RSS`, `${fmt(huge.rss, 0)} MB in ${fmt(huge.wall, 1)} s`, '≤ 1536 MB', huge.rss <= 1536);
  }

  if (existsSync('bench/guard-latency.mjs')) {
    process.stdout.write(spawnSync(process.execPath, ['bench/guard-latency.mjs'], { encoding: 'utf8' }).stdout);
    process.stdout.write(spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/guard-decision.ts'], { encoding: 'utf8' }).stdout);
  }
} finally {
  if (!args.has('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`plans kept in ${dir}`);
}

console.log('\n| measure | value | goal | |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.value} | ${r.goal} | ${r.verdict} |`);
