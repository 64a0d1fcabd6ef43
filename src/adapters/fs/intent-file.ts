import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { Intent } from '../../core/intent/intent.js';

/**
 * The task recorded into the repository's working state by a prompt hook (`steer intent record`),
 * so the next `steer plan-check` judges the plan against it. `.steer/` holds a `.gitignore` of
 * its own: a prompt can hold anything (a pasted credential), so it is never committed by accident.
 */
export const RECORDED_INTENT = join('.steer', 'intent.json');

export interface RecordedIntent {
  readonly version: 1;
  readonly runtime: string;
  readonly recordedAt: string;
  readonly text: string;
}

/** `--intent-file FILE`: plain text (a PR body, a task), or a recorded intent (JSON). */
export async function readIntentFile(path: string): Promise<Intent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the intent file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const recorded = recordedIntent(text);
  return { source: 'file', detail: path, text: recorded?.text ?? text };
}

/** The recorded intent in `cwd`, when a prompt hook wrote one. */
export async function readRecordedIntent(cwd: string): Promise<Intent | undefined> {
  let text: string;
  try {
    text = await readFile(join(cwd, RECORDED_INTENT), 'utf8');
  } catch {
    return undefined;
  }
  const recorded = recordedIntent(text);
  if (recorded === undefined) throw new InputError(join(cwd, RECORDED_INTENT), 'not a recorded intent (expected {"version":1,"text":…}); delete it or record again with "steer intent record"');
  return { source: 'agent-prompt', detail: recorded.runtime, text: recorded.text };
}

export async function writeRecordedIntent(cwd: string, intent: RecordedIntent): Promise<string> {
  const dir = join(cwd, '.steer');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, '.gitignore'), 'intent.json\n', { flag: 'w' });
  const path = join(cwd, RECORDED_INTENT);
  await writeFile(path, `${JSON.stringify(intent, null, 2)}\n`, { mode: 0o600 });
  return path;
}

function recordedIntent(text: string): RecordedIntent | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const doc = JSON.parse(text) as Partial<RecordedIntent>;
    if (doc.version === 1 && typeof doc.text === 'string') return { version: 1, runtime: String(doc.runtime ?? 'unknown'), recordedAt: String(doc.recordedAt ?? ''), text: doc.text };
  } catch {
    // not JSON: plain text
  }
  return undefined;
}
