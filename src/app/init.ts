import { join } from 'node:path';
import { readTextIfReadable, writeText } from '../adapters/fs/project-files.js';
import { InputError } from '../core/errors.js';
import type { Runtime } from '../guard/runtimes/index.js';
import { OPENCLAW_PLUGIN_FILES } from './init-openclaw.js';
import { promptHookFile } from './prompt-hooks.js';
import { liveHookNote } from './init-live-hooks.js';
import { GITHUB_APPLY_WORKFLOW, GITHUB_WORKFLOW, hookFile, STARTER_POLICY } from './init-templates.js';

export interface InitRequest {
  readonly cwd: string;
  readonly agents: readonly Runtime[];
  readonly ci?: 'github';
}

export interface InitResult {
  readonly written: string[];
  readonly unchanged: string[];
  /** What the user must know or do for a hook to be live (per runtime, one paragraph each). */
  readonly notes: string[];
}

/**
 * Writes the agent hook configuration, a starter steer.yml and the CI workflow. Existing files are
 * merged (our entries appended once), never overwritten; running it twice changes nothing.
 */
export async function init(req: InitRequest): Promise<InitResult> {
  const result: InitResult = { written: [], unchanged: [], notes: [] };
  for (const agent of req.agents) {
    const hook = hookFile(agent);
    if (hook) await mergeJsonFile(join(req.cwd, hook.path), mergeJson(hook.merge, promptHookFile(agent, hook.path).merge) as Record<string, unknown>, result, hook.path);
    if (agent === 'openclaw') for (const f of OPENCLAW_PLUGIN_FILES) await writeOwnFile(join(req.cwd, f.path), f.text, result, f.path);
    const note = await liveHookNote(agent, req.cwd);
    if (note !== undefined) result.notes.push(note);
  }
  await writeIfMissing(join(req.cwd, 'steer.yml'), STARTER_POLICY, result, 'steer.yml', ['.steer.yml', 'steer.yaml', '.steer.yaml'].map((n) => join(req.cwd, n)));
  if (req.ci === 'github') {
    await writeIfMissing(join(req.cwd, '.github/workflows/steer.yml'), GITHUB_WORKFLOW, result, '.github/workflows/steer.yml');
    await writeIfMissing(join(req.cwd, '.github/workflows/steer-apply.yml'), GITHUB_APPLY_WORKFLOW, result, '.github/workflows/steer-apply.yml');
  }
  return result;
}

async function mergeJsonFile(file: string, addition: Record<string, unknown>, result: InitResult, label: string): Promise<void> {
  let current: unknown = {};
  const text = await readTextIfReadable(file);
  if (text !== undefined && text.trim() !== '') {
    try {
      current = JSON.parse(text);
    } catch (e) {
      throw new InputError(label, `not valid JSON, so it was left alone (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const merged = mergeJson(withoutStaleSteerEntries(current, addition), addition);
  const out = `${JSON.stringify(merged, null, 2)}\n`;
  if (text !== undefined && JSON.stringify(JSON.parse(text || '{}')) === JSON.stringify(merged)) {
    result.unchanged.push(label);
    return;
  }
  await writeText(file, out);
  result.written.push(label);
}

/**
 * Hook entries an earlier `steer init` wrote (they run `steer guard`) that this one wouldn't write
 * again: dropped, so re-running init brings the hooks up to date instead of keeping an old entry
 * (Copilot's that failed open, say) beside the new one. Only in arrays the addition also writes.
 */
export function withoutStaleSteerEntries(current: unknown, addition: unknown): unknown {
  if (Array.isArray(current) && Array.isArray(addition)) {
    const ours = new Set(addition.map((x) => JSON.stringify(x)));
    return current.filter((x) => ours.has(JSON.stringify(x)) || !JSON.stringify(x).includes('steer guard'));
  }
  if (isObject(current) && isObject(addition)) {
    const out: Record<string, unknown> = { ...current };
    for (const k of Object.keys(addition)) if (k in current) out[k] = withoutStaleSteerEntries(current[k], addition[k]);
    return out;
  }
  return current;
}

/** Deep merge: objects recursively, arrays get the new items that aren't there yet, scalars keep the user's value. */
export function mergeJson(current: unknown, addition: unknown): unknown {
  if (Array.isArray(current) && Array.isArray(addition)) {
    const seen = new Set(current.map((x) => JSON.stringify(x)));
    return [...current, ...addition.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  if (isObject(current) && isObject(addition)) {
    const out: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(addition)) out[k] = k in current ? mergeJson(current[k], v) : v;
    return out;
  }
  return current === undefined ? addition : current;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A file that is Steer's own (the OpenClaw plugin): brought up to date, unchanged when it already is. */
async function writeOwnFile(file: string, text: string, result: InitResult, label: string): Promise<void> {
  if ((await readTextIfReadable(file)) === text) {
    result.unchanged.push(label);
    return;
  }
  await writeText(file, text);
  result.written.push(label);
}

async function writeIfMissing(file: string, text: string, result: InitResult, label: string, alternatives: string[] = []): Promise<void> {
  for (const candidate of [file, ...alternatives]) {
    if ((await readTextIfReadable(candidate)) !== undefined) {
      result.unchanged.push(label);
      return;
    }
  }
  await writeText(file, text);
  result.written.push(label);
}
