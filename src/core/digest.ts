import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * SHA-256 of the RFC 8785 (JCS) canonical JSON of a value: key order and whitespace don't
 * matter, every value does. This is what approvals bind to, so it must be stable across
 * versions: change the material only with a new `DIGEST_VERSION`.
 */
export const DIGEST_VERSION = 'steer-digest-v1';

export function canonicalDigest(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalDigest: value has no JSON form');
  return sha256Hex(text);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The digest of a plan from the digests of its changes: order-independent (sorted), so the
 * same plan serialized in another order gets the same digest.
 */
export function planDigest(header: unknown, changeDigests: readonly string[]): string {
  return canonicalDigest({ v: DIGEST_VERSION, header, changes: [...changeDigests].sort() });
}

/** The digest of a report over several plans: order-independent as well. */
export function reportDigest(planDigests: readonly string[]): string {
  if (planDigests.length === 1) return planDigests[0]!;
  return canonicalDigest({ v: DIGEST_VERSION, plans: [...planDigests].sort() });
}
