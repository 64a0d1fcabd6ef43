import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * SHA-256 of the RFC 8785 (JCS) canonical JSON of a value: key order and whitespace don't
 * matter, every value does. This is what approvals bind to, so it must be stable across
 * versions: change the material only with a new `DIGEST_VERSION`.
 */
export const DIGEST_VERSION = 'steer-digest-v2';

export function canonicalDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * RFC 8785 text of a JSON value. Terraform already writes object keys sorted, so when every
 * object in the value has sorted keys, the native JSON.stringify produces the same text (JCS
 * serializes numbers and strings exactly as JSON.stringify does) — many times faster than
 * the general canonicalizer, which is kept for everything else.
 */
export function canonicalJson(value: unknown): string {
  const text = keysSortedDeep(value) ? JSON.stringify(value) : canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: value has no JSON form');
  return text;
}

function keysSortedDeep(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'undefined' && typeof value !== 'function';
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSortedDeep(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || !keysSortedDeep(item)) return false;
  }
  return true;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The digest of a plan from the digests of its changes: order-independent (sorted), so the
 * same plan serialized in another order gets the same digest.
 */
export function planDigest(header: unknown, changeDigests: readonly string[]): string {
  // Keys written in sorted order: the fast path of canonicalJson applies (same text either way).
  return canonicalDigest({ changes: [...changeDigests].sort(), header, v: DIGEST_VERSION });
}

/** The digest of a report over several plans: order-independent as well. */
export function reportDigest(planDigests: readonly string[]): string {
  if (planDigests.length === 1) return planDigests[0]!;
  return canonicalDigest({ v: DIGEST_VERSION, plans: [...planDigests].sort() });
}

/**
 * Builds one canonical JSON text from pieces — literal text, bytes already in RFC 8785 form, or
 * values to canonicalize — and hashes it: the digest of values whose bytes are already canonical
 * costs a copy, not a parse and a re-serialization. One scratch buffer, reused.
 */
export class CanonicalHasher {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Starts a new text (whatever an interrupted one left). */
  begin(): this {
    this.length = 0;
    return this;
  }

  /** Appends text as is (keys, punctuation, or a canonical serialization). */
  text(text: string): this {
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
    return this;
  }

  /** Appends text already encoded (keys and punctuation the caller encodes once). */
  encoded(text: Uint8Array): this {
    this.reserve(text.length);
    this.buffer.set(text, this.length);
    this.length += text.length;
    return this;
  }

  /** Appends bytes that are already the canonical form of a value. */
  bytes(source: Uint8Array, start: number, end: number): this {
    this.reserve(end - start);
    // Most values are short: copied byte by byte, without a view allocated per copy.
    if (end - start <= 64) for (let k = start, at = this.length; k < end; k++, at++) this.buffer[at] = source[k]!;
    else this.buffer.set(source.subarray(start, end), this.length);
    this.length += end - start;
    return this;
  }

  /** Appends the canonical form of a value. */
  value(value: unknown): this {
    return this.text(canonicalJson(value));
  }

  /** SHA-256 (hex) of what was appended; starts over. Equals sha256Hex of the same text. */
  digest(): string {
    const hex = hash('sha256', this.buffer.subarray(0, this.length), 'hex');
    this.length = 0;
    return hex;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
