/** The task a change was made for, and where Steer found it. */
export type IntentSource = 'option' | 'file' | 'pull-request' | 'agent-prompt';

export interface Intent {
  readonly source: IntentSource;
  /** Which one: the file, the pull request (`#42`), the agent runtime (`claude-code`). */
  readonly detail?: string;
  /** The task's words, whole (kept in the process; the report carries `judgedText`). */
  readonly text: string;
}

const SECRET_LIKE = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\b(?:gh[pousr]|github_pat)_[A-Za-z0-9_]{20,}\b/g, // GitHub tokens
  /\b(?:xox[abprs]|sk|pk|rk)[-_][A-Za-z0-9_-]{16,}\b/g, // Slack, Stripe-like keys
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWTs
  /\b(password|passwd|secret|token|api[_-]?key)(\s*[:=]\s*)\S+/gi, // key=value
  /\b[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_-])/g, // long opaque strings
];

/** At most this many characters of the task go into a report. */
export const JUDGED_TEXT_LIMIT = 280;

/**
 * The task as a report carries it: secret-looking strings masked, whitespace collapsed,
 * shortened. A task may hold a pasted credential; this is the only form that leaves the process.
 */
export function judgedText(text: string, limit = JUDGED_TEXT_LIMIT): string {
  let out = text;
  for (const re of SECRET_LIKE) {
    out = out.replace(re, (match: string, key?: unknown, sep?: unknown) => (typeof key === 'string' && typeof sep === 'string' ? `${key}${sep}***` : '***'));
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.length <= limit ? out : `${out.slice(0, limit - 1).trimEnd()}…`;
}
