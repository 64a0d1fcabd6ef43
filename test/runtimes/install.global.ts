import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, repoRoot } from '../support/paths.js';

/** Installs the pinned runtimes (reusing .cache/runtimes/), and checks that the CLI under test is built. */
export default function setup(): void {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run "npm run build" first (npm run test:runtimes does)`);
  const only = process.env.STEER_RUNTIMES ? process.env.STEER_RUNTIMES.split(',') : [];
  execFileSync(process.execPath, [join(repoRoot, 'scripts/install-runtimes.mjs'), ...only], { stdio: 'inherit' });
}
