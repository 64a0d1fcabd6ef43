import { answerHook, checkCommand, failClosed, loadGuardLists, WAY_THROUGH, withShellSyntax } from '../app/guard.js';
export { shellSyntaxLoaded } from '../adapters/shell/tree-sitter-bash.js';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';
import { EXIT, EXIT_DENIED } from './exit-codes.js';

export interface GuardOptions {
  runtime?: Runtime;
  config?: string;
}

/**
 * A runtime that times a hook out lets the command run (Claude Code without onFailure, Copilot CLI),
 * so the guard answers "denied" itself well before the shortest timeout `steer init` writes (30 s).
 * STEER_GUARD_DEADLINE_MS changes it, for tests.
 */
const DEADLINE_MS = Number(process.env.STEER_GUARD_DEADLINE_MS) > 0 ? Number(process.env.STEER_GUARD_DEADLINE_MS) : 20_000;

/**
 * `steer guard …` as agent runtimes run it, once per command: main.ts routes here, and only the
 * guard's own code loads — not the rest of the CLI, nor commander for the forms `steer init`
 * writes (`--runtime x`, `--config f`, `-- <command…>`). Anything else (--help, a typo, an
 * unknown runtime) goes through the commander command in ./guard.ts, whose usage errors deny too.
 * The build makes this file and everything it loads one CommonJS file (dist/guard.cjs), whose
 * compiled code is cached between runs: see main.ts and scripts/build.mjs.
 */
export async function runGuard(argv: readonly string[]): Promise<void> {
  const parsed = hookArguments(argv.slice(3));
  try {
    if (parsed) await guardAction(parsed.words, parsed.options);
    else await (await import('./guard.js')).runGuardCommand(argv);
  } catch (e) {
    process.exitCode = EXIT_DENIED;
    process.stderr.write(`steer guard: internal error, so the command is denied: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}

/** The words after `steer guard` in the forms above, or undefined: then commander reads them. */
export function hookArguments(args: readonly string[]): { words: string[]; options: GuardOptions } | undefined {
  const options: GuardOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return { words: args.slice(i + 1), options };
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = inline ?? args[i + 1];
    if (inline === undefined) i++;
    if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
    if (flag === '--runtime' && (RUNTIMES as readonly string[]).includes(value)) options.runtime = value as Runtime;
    else if (flag === '--config' || (flag === '-c' && inline === undefined)) options.config = value;
    else return undefined;
  }
  return { words: [], options };
}

/**
 * `steer guard` — for an agent runtime's pre-execution hook (input on stdin, answer in its own
 * format), or `steer guard -- <command…>` (exit 0 allow, 2 deny). It never crashes: every failure
 * is a denial.
 */
export async function guardAction(words: readonly string[], opts: GuardOptions): Promise<void> {
  const deadline = setTimeout(() => {
    const answer = failClosed(opts.runtime ?? 'claude', `Steer guard did not answer within ${DEADLINE_MS / 1000} s, so the command is denied. ${WAY_THROUGH}`);
    process.stdout.write(words.length > 0 ? '' : answer.stdout);
    process.stderr.write(answer.stderr);
    process.exit(words.length > 0 ? EXIT_DENIED : answer.exitCode);
  }, DEADLINE_MS);
  deadline.unref();
  try {
    const lists = await loadGuardLists(process.cwd(), opts.config);
    if (words.length > 0) {
      // One word is a command line (`steer guard -- "terraform apply"`); several are an argv.
      const decision = await withShellSyntax(() => checkCommand(words.length === 1 ? words[0]! : words, lists));
      if (decision.decision === 'deny') process.stderr.write(`steer guard: denied: ${decision.reason}. ${WAY_THROUGH}\n`);
      process.exitCode = decision.decision === 'allow' ? EXIT.allow : EXIT_DENIED;
      return;
    }
    // Through process.stdin (a stream on the pipe): a read that blocks in the thread pool would
    // hold the process at exit, past the deadline's answer, while stdin stays open.
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const input = Buffer.concat(chunks).toString('utf8');
    const answer = await withShellSyntax(() => answerHook(input, opts.runtime, lists));
    process.stdout.write(answer.stdout);
    process.stderr.write(answer.stderr);
    process.exitCode = answer.exitCode;
  } catch (e) {
    // Even a broken steer.yml must not let the command through.
    const answer = failClosed(opts.runtime ?? 'claude', `Steer guard failed (${e instanceof Error ? e.message : String(e)}), so the command is denied. ${WAY_THROUGH}`);
    process.stdout.write(words.length > 0 ? '' : answer.stdout);
    process.stderr.write(answer.stderr);
    process.exitCode = words.length > 0 ? EXIT_DENIED : answer.exitCode;
  } finally {
    clearTimeout(deadline);
  }
}
