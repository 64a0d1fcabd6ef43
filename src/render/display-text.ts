import { createHash } from 'node:crypto';

/**
 * Text from the input as every human-facing output shows it (terminal, Markdown comment and
 * job summary, check run, annotations, SARIF messages, workflow commands, error lines): one
 * place that decides what a name may do to the text around it. Pure.
 */

/**
 * Characters that reorder, hide or break the text around them: C0 and C1 controls (ESC paints a
 * terminal, CR/LF forge lines), DEL, the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069: "Trojan Source"), the directional marks (U+200E, U+200F,
 * U+061C), the line and paragraph separators (U+2028, U+2029) and the invisible format
 * characters (zero-width space/joiners, word joiner, BOM) that make two names look alike.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_NEWLINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const visible = (c: string): string => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** Every such character shown as `<U+202E>`: visible, inert, and two names that differ by one still differ. */
export function neutralize(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_KEEP_NEWLINES : UNSAFE, visible);
}

/** Names longer than this are shortened (a `for_each` key can be 64 k characters). */
export const MAX_NAME = 160;
/** Messages longer than this are shortened (they quote names, paths, tag values). */
export const MAX_MESSAGE = 1000;

/**
 * A name (or message) fit for display: neutralized and, when longer than `max`, its head and
 * tail around a marker with the length left out and a hash of the whole, so two long names
 * that share head and tail still read differently: `module.a["xxxx…[+63912 chars #1a2b3c4d]…yyyy"].b`.
 */
export function displayName(name: string, max: number = MAX_NAME): string {
  const safe = neutralize(name);
  if (safe.length <= max) return safe;
  if (max < 40) throw new Error('displayName: too small a room');
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const chars = Array.from(safe); // whole code points: no surrogate pair cut in two
  const keep = Math.max(8, max - 32);
  const head = chars.slice(0, Math.ceil(keep / 2)).join('');
  const tail = chars.slice(chars.length - Math.floor(keep / 2)).join('');
  return `${head}…[+${chars.length - Math.ceil(keep / 2) - Math.floor(keep / 2)} chars #${hash}]…${tail}`;
}

/** A finding's message for display: its own address shortened where it appears, then the whole bounded. */
export function displayMessage(message: string, address?: string): string {
  const shortened = address !== undefined && address.length > MAX_NAME ? message.split(address).join(displayName(address)) : message;
  return displayName(shortened, MAX_MESSAGE);
}
