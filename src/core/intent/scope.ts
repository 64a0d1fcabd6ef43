import { ACTIONS, type Action } from '../model.js';

/**
 * A declared scope: the addresses (globs) a change is meant to touch and the actions it expects,
 * written in the task as a fenced block (documented in docs/judgment.md):
 *
 *     ```steer-scope
 *     module.orders.*            update replace
 *     aws_s3_bucket.analytics    delete
 *     ```
 *
 * One entry a line: an address glob, then the actions it may take (none: any action). `#` starts a comment.
 */
export interface ScopeEntry {
  readonly pattern: string;
  /** Empty: any action. */
  readonly actions: readonly Action[];
}

export interface DeclaredScope {
  readonly entries: readonly ScopeEntry[];
  /** Lines that could not be read, kept for the report (a typo must not widen the scope silently). */
  readonly invalid: readonly string[];
}

const BLOCK = /^[ \t]*(```|~~~)[ \t]*steer-scope[ \t]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

/** The declared scope in a task's text (all blocks together), and the text without the blocks. */
export function declaredScope(text: string): { scope?: DeclaredScope; rest: string } {
  const entries: ScopeEntry[] = [];
  const invalid: string[] = [];
  let found = false;
  const rest = text.replace(BLOCK, (_all, _fence: string, body: string) => {
    found = true;
    for (const raw of body.split('\n')) {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') continue;
      const [pattern, ...words] = line.replace(/^[-*]\s+/, '').split(/[\s,]+/).filter(Boolean);
      const actions = words.map((w) => w.toLowerCase());
      const unknown = actions.filter((a) => !(ACTIONS as readonly string[]).includes(a));
      if (pattern === undefined || unknown.length > 0) invalid.push(line);
      else entries.push({ pattern, actions: actions as Action[] });
    }
    return '';
  });
  return found ? { scope: { entries, invalid }, rest } : { rest };
}
