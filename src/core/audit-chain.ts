import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audit log's integrity: each entry (one JSON line) carries `prev`, the SHA-256 of the line
 * before it (null for the first), so no entry can be removed, changed or put in between without
 * breaking every later link; with a key, `mac` — HMAC-SHA256 over the line's text before it —
 * so no one without the key can write an entry at all (a chain alone can be re-made whole).
 * Pure: text in, text or a verdict out.
 */

const MAC_SUFFIX = /,"mac":"([0-9a-f]{64})"\}$/;

export const lineHash = (line: string): string => createHash('sha256').update(line, 'utf8').digest('hex');
const mac = (key: string, body: string): string => createHmac('sha256', key).update(body, 'utf8').digest('hex');

/** The line for `entry` after `previous` (the last line of the log, undefined when it is empty). */
export function chainedLine(previous: string | undefined, entry: Record<string, unknown>, key?: string): string {
  const { prev: _prev, mac: _mac, ...fields } = entry;
  const body = JSON.stringify({ ...fields, prev: previous === undefined ? null : lineHash(previous) });
  return key ? `${body.slice(0, -1)},"mac":"${mac(key, body)}"}` : body;
}

export type AuditVerdict =
  | { readonly ok: true; readonly entries: number; readonly signed: boolean }
  | { readonly ok: false; readonly entry: number; readonly problem: string };

/**
 * Checks every link (and, with `key`, every entry's mac: an entry without one is refused too).
 * `entry` in a failure counts from 1. An empty log is valid.
 */
export function verifyAuditLog(text: string, key?: string): AuditVerdict {
  if (text !== '' && !text.endsWith('\n')) return { ok: false, entry: text.split('\n').length, problem: 'the last entry is cut short (no newline at the end)' };
  const lines = text === '' ? [] : text.slice(0, -1).split('\n');
  let previous: string | undefined;
  for (const [i, line] of lines.entries()) {
    const bad = (problem: string): AuditVerdict => ({ ok: false, entry: i + 1, problem });
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return bad('not a JSON line');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return bad('not a JSON object');
    const prev = (parsed as { prev?: unknown }).prev;
    if (prev === undefined) return bad('no "prev" field: not a chained audit log entry');
    const expected = previous === undefined ? null : lineHash(previous);
    if (prev !== expected) return bad(previous === undefined ? 'the first entry must have "prev": null' : 'its "prev" is not the SHA-256 of the entry before it (removed, changed or inserted entries)');
    if (key) {
      const m = MAC_SUFFIX.exec(line);
      if (!m) return bad('no "mac" field, while a signing key is set (an entry written without the key)');
      const body = `${line.slice(0, m.index)}}`;
      if (!timingSafeEqual(Buffer.from(m[1]!, 'hex'), Buffer.from(mac(key, body), 'hex'))) return bad('its "mac" does not match (changed, or written with another key)');
    }
    previous = line;
  }
  return { ok: true, entries: lines.length, signed: key !== undefined && key !== '' };
}
