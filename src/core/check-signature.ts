import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './digest.js';

/**
 * A `steer` check run that only the PR gate can have written. Any workflow of a repository
 * holding `checks: write` creates check runs as the same app (GitHub Actions), so a check named
 * `steer` proves nothing by itself. With a signing key that only the gate job can read (an
 * environment secret of the base branch), the gate signs what it concluded, and `steer apply` /
 * `steer execute` accept only a check whose signature verifies.
 */
export const SIGNATURE_VERSION = 'steer-check-v1';

export interface SignedCheck {
  readonly repository: string;
  /** The check run's own id: a copy of a signed check (a new run) does not verify. */
  readonly checkRunId: number;
  readonly headSha: string;
  readonly digest: string;
  readonly conclusion: string;
  /** The check's title: it names the approvers. */
  readonly title: string;
  readonly baseRef: string;
  readonly baseSha: string;
  /** When the plan was first reported on this head (the run's started_at): approvals are compared with it. */
  readonly reportedAt: string;
}

/** A check run as GitHub reports it: what of it the signature covers. */
export interface CheckRunFields {
  readonly id: number;
  readonly conclusion: string | null | undefined;
  readonly title: string | null | undefined;
  readonly startedAt: string | null | undefined;
}

/**
 * The signed fields of a check run, from its repository, the head and base it reports on and
 * the plan digest — one place for the gate that signs and for apply/execute that verify.
 */
export function checkFields(repository: string, run: CheckRunFields, headSha: string, digest: string, base: { readonly ref: string; readonly sha: string }): SignedCheck {
  return {
    repository,
    checkRunId: run.id,
    headSha,
    digest,
    conclusion: run.conclusion ?? '',
    title: run.title ?? '',
    baseRef: base.ref,
    baseSha: base.sha,
    reportedAt: run.startedAt ?? '',
  };
}

export function signCheck(key: string, check: SignedCheck): string {
  return `${SIGNATURE_VERSION}:${mac(key, check)}`;
}

export function verifyCheck(key: string, check: SignedCheck, signature: string | undefined): boolean {
  if (!signature?.startsWith(`${SIGNATURE_VERSION}:`)) return false;
  const given = Buffer.from(signature.slice(SIGNATURE_VERSION.length + 1), 'hex');
  const expected = Buffer.from(mac(key, check), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The line the gate adds to the check's summary, and how apply finds it again. */
export function signatureLine(signature: string): string {
  return `signature \`${signature}\``;
}

export function signatureIn(summary: string | null | undefined): string | undefined {
  return /(?:^|\n)signature `([^`]+)`/.exec(summary ?? '')?.[1];
}

/** The base a check's summary records (`base \`main\` at \`<sha>\``): what the plan was reviewed against. */
export function recordedBase(summary: string | null | undefined): { readonly ref: string; readonly sha: string } | undefined {
  const m = /base `([^`]+)` at `([0-9a-f]{40})`/.exec(summary ?? '');
  return m ? { ref: m[1]!, sha: m[2]! } : undefined;
}

function instant(time: string): string {
  const t = Date.parse(time);
  return Number.isNaN(t) ? time : new Date(t).toISOString();
}

function mac(key: string, check: SignedCheck): string {
  const material = {
    v: SIGNATURE_VERSION,
    repository: check.repository,
    checkRunId: check.checkRunId,
    headSha: check.headSha,
    digest: check.digest,
    conclusion: check.conclusion,
    title: check.title,
    baseRef: check.baseRef,
    baseSha: check.baseSha,
    reportedAt: instant(check.reportedAt), // GitHub may echo it back in another notation
  };
  return createHmac('sha256', key).update(canonicalJson(material)).digest('hex');
}
