import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { builtCli, repoRoot } from './paths.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI (dist/cli.js) as a user does. `npm test` builds it first. */
export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run "npm run build" (npm test does it)`);
  const env = cliEnv(options.env);
  const r = spawnSync(process.execPath, [builtCli, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop: for tests that serve HTTP (a fake GitHub) in-process. */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const env = cliEnv(options.env);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtCli, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The test process's environment, no colours, with overrides (undefined removes a variable). */
function cliEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...overrides };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}
