import { readRecordedIntent, writeRecordedIntent } from '../adapters/fs/intent-file.js';
import type { Runtime } from '../guard/runtimes/names.js';
import { promptHookAnswer, promptOf } from './prompt-hooks.js';

/** Prompts of one session kept together, at most this many characters (the latest kept). */
const MAX_RECORDED = 4000;

/**
 * Records the task from a prompt-hook payload; returns what the hook prints. Whatever goes wrong
 * (no prompt, unreadable payload, unwritable directory), the user's prompt goes on: a recorded
 * task only informs the judgment of a later plan, it guards nothing.
 */
export async function recordPrompt(runtime: Runtime, stdin: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, cwd: string, now: Date): Promise<string> {
  try {
    let text = '';
    for await (const chunk of stdin) text += chunk.toString();
    const found = promptOf(JSON.parse(text));
    if (found === undefined) return promptHookAnswer(runtime);
    const dir = found.cwd ?? cwd;
    const earlier = await readRecordedIntent(dir).catch(() => undefined);
    const sameSession = found.session !== undefined && earlier?.detail === `${runtime} ${found.session}`;
    const joined = sameSession ? `${earlier!.text}\n${found.prompt}` : found.prompt;
    await writeRecordedIntent(dir, {
      version: 1,
      runtime: found.session !== undefined ? `${runtime} ${found.session}` : runtime,
      recordedAt: now.toISOString(),
      text: joined.length > MAX_RECORDED ? joined.slice(joined.length - MAX_RECORDED) : joined,
    });
  } catch {
    // Recording is best effort; see above.
  }
  return promptHookAnswer(runtime);
}
