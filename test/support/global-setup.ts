import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One scratch directory per test run: TMPDIR points into it, so every mkdtemp of the tests (and of
 * the CLI, terraform and moto they start) lands there, and teardown removes it whatever failed.
 * A run that was killed can't clean up: the next run removes the directories of runs whose process is gone.
 */
const prefix = 'steer-test-run-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(): () => void {
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    const pid = Number(/^steer-test-run-(\d+)-/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
  mkdirSync(base, { recursive: true });
  const run = mkdtempSync(join(base, `${prefix}${process.pid}-`));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(run, { recursive: true, force: true });
  };
}
