import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { canonicalJson, sha256Hex } from './digest.js';
import { VERDICTS, type Verdict } from './verdict.js';

/**
 * The approval record: what the PR gate concluded, as data. The gate writes it into its `steer`
 * check run (a hidden line of the summary), signed with the gate's key when it has one; `steer
 * apply` / `steer execute` read it back with `decodeRecord` and judge it with `verifyApproval`
 * (core/approval.ts). The prose around it is for humans and is never parsed back.
 *
 * Versioned: a field that changes what apply accepts is added with a new version, and apply
 * refuses a version it does not know.
 */
export const RECORD_VERSION = 2;
const RECORD_TAG = 'steer-approval-record';

export interface RecordPlan {
  /** The plan file as the workflow named it (for humans; not trusted). */
  readonly name: string;
  /**
   * What apply runs, pinned: `sha256:<hex>` of the saved Terraform plan file, or the
   * CloudFormation change set's ARN. Absent when the gate read a JSON rendering alone.
   */
  readonly artifact?: string;
  /** The semantic digest of this plan as the gate read it. */
  readonly digest: string;
  /** The verdict the gate gave this plan (before approvals). */
  readonly verdict: Verdict;
  /**
   * `findingKeys` of this plan's findings: what the reviewers were shown of the parts the digest
   * does not cover (a provisioner in the configuration). Apply refuses one of its own not here.
   */
  readonly findings: readonly string[];
}

export interface RecordApprover {
  readonly login: string;
  readonly reviewId: number;
  readonly submittedAt: string;
}

export interface ApprovalRecord {
  readonly v: number;
  readonly repository: string;
  readonly pull: number;
  /** The check run the record is written in: a copy in another run does not verify. */
  readonly checkRunId: number;
  readonly headSha: string;
  readonly base: { readonly ref: string; readonly sha: string };
  /** When this plan was first reported on this head: approvals must come after it. */
  readonly reportedAt: string;
  /** Approvals submitted before this instant don't count (later than reportedAt when the gate's comment was tampered with). */
  readonly reviewedFrom: string;
  /** The verdict of the whole report (before approvals), and of each plan. */
  readonly verdict: Verdict;
  readonly digest: string;
  readonly plans: readonly RecordPlan[];
  readonly conclusion: 'success' | 'failure' | 'action_required';
  readonly required: number;
  readonly approvers: readonly RecordApprover[];
  /** The sticky comment the gate wrote in this run: apply refuses when it was edited since. */
  readonly comment?: { readonly id: number; readonly sha256: string; readonly updatedAt: string };
  /**
   * The policy the verdicts were given under: steer.yml as the gate read it from the base commit
   * (its path in the repository) and its `policyDigest`. Apply runs only under the same policy.
   */
  readonly policy: RecordPolicy;
  /**
   * When the gate concluded, by its own clock. The approval's age counts from here: a check run's
   * times can be edited by any workflow with checks: write, this line only by the gate.
   */
  readonly concludedAt: string;
}

export interface RecordPolicy {
  readonly path: string;
  readonly sha256: string;
}

const verdict = z.enum(VERDICTS);
const recordSchema = z.object({
  v: z.number(),
  repository: z.string(),
  pull: z.number(),
  checkRunId: z.number(),
  headSha: z.string(),
  base: z.object({ ref: z.string(), sha: z.string() }),
  reportedAt: z.string(),
  reviewedFrom: z.string(),
  verdict,
  digest: z.string(),
  plans: z.array(z.object({ name: z.string(), artifact: z.optional(z.string()), digest: z.string(), verdict, findings: z.array(z.string()) })),
  conclusion: z.enum(['success', 'failure', 'action_required']),
  required: z.number(),
  approvers: z.array(z.object({ login: z.string(), reviewId: z.number(), submittedAt: z.string() })),
  comment: z.optional(z.object({ id: z.number(), sha256: z.string(), updatedAt: z.string() })),
  policy: z.object({ path: z.string(), sha256: z.string() }),
  concludedAt: z.string(),
});

export interface EncodedRecord {
  readonly record: ApprovalRecord;
  /** HMAC-SHA256 (hex) of the record's canonical JSON with the gate's key; absent when the gate had none. */
  readonly signature?: string;
}

/** The hidden line the gate appends to its check run's summary. */
export function encodeRecord(record: ApprovalRecord, key: string | undefined): string {
  const payload = Buffer.from(canonicalJson(record)).toString('base64url');
  return `<!-- ${RECORD_TAG} ${payload}${key ? ` ${signRecord(key, record)}` : ''} -->`;
}

export type DecodedRecord = EncodedRecord | { readonly problem: string };

/** The record in a check run's summary, or why there is none that can be read. */
export function decodeRecord(summary: string | null | undefined): DecodedRecord {
  const lines = (summary ?? '').split('\n').filter((l) => l.startsWith(`<!-- ${RECORD_TAG} `));
  if (lines.length === 0) return { problem: 'it carries no approval record (written by an older gate, or not by the gate)' };
  if (lines.length > 1) return { problem: 'it carries more than one approval record' };
  const m = /^<!-- steer-approval-record ([A-Za-z0-9_-]+)(?: ([0-9a-f]{64}))? -->$/.exec(lines[0]!);
  if (!m) return { problem: 'its approval record is malformed' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'its approval record is not JSON' };
  }
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) return { problem: 'its approval record has an unexpected shape' };
  if (parsed.data.v !== RECORD_VERSION) return { problem: `its approval record has version ${parsed.data.v}; this Steer reads version ${RECORD_VERSION}` };
  const record = parsed.data as ApprovalRecord;
  // The signed text is the canonical JSON of what was decoded: a field added or dropped on the way changes it.
  if (canonicalJson(raw) !== canonicalJson(record)) return { problem: 'its approval record has fields this Steer does not know' };
  return { record, ...(m[2] ? { signature: m[2] } : {}) };
}

export function signRecord(key: string, record: ApprovalRecord): string {
  return createHmac('sha256', key).update(`${RECORD_TAG}/${RECORD_VERSION}\n${canonicalJson(record)}`).digest('hex');
}

export function signatureValid(key: string, encoded: EncodedRecord): boolean {
  if (!encoded.signature) return false;
  const given = Buffer.from(encoded.signature, 'hex');
  const expected = Buffer.from(signRecord(key, encoded.record), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The findings that come from parts of a plan its digest does not cover — its configuration
 * (provisioners, external data sources) and its deferred changes: a rendering can leave those
 * out and keep the digest. (Every other finding follows from the digested changes, variables and
 * the policy, which apply checks apart.) None of them depends on steer.yml rules or on who
 * authored the change, so the gate and apply find the same ones in the same plan.
 */
const BEYOND_DIGEST: ReadonlySet<string> = new Set(['STEER-APPLY-TIME-CODE', 'STEER-PLAN-INCOMPLETE']);

/** How a record names those findings: `CODE address`, sorted, once each. */
export function findingKeys(findings: readonly { readonly code: string; readonly address?: string }[]): string[] {
  return [...new Set(findings.filter((f) => BEYOND_DIGEST.has(f.code)).map((f) => `${f.code} ${f.address ?? ''}`.trim()))].sort();
}

/** `sha256:<hex>` — how a saved plan file is named in a record. */
export function artifactName(sha256Hex: string): string {
  return `sha256:${sha256Hex}`;
}

/**
 * The policy a verdict was given under: SHA-256 of the parsed steer.yml's canonical JSON, defaults
 * filled in (so formatting, comments and key order don't matter, and no file equals the defaults).
 */
export function policyDigest(config: unknown): string {
  return sha256Hex(`steer-policy/1\n${canonicalJson(config)}`);
}

/**
 * The record's HMAC is public (the check run's summary) and can be tried against guessed keys
 * offline: a key shorter than this is refused, wherever it is read (`openssl rand -hex 32`).
 */
export const MIN_SIGNING_KEY_LENGTH = 32;

/** Why a signing key can't be used, named as the user set it; undefined when it can. */
export function signingKeyProblem(key: string, name: string): string | undefined {
  if (key.length >= MIN_SIGNING_KEY_LENGTH) return undefined;
  return `${name} is ${key.length} characters long; it must be at least ${MIN_SIGNING_KEY_LENGTH} (its signatures are public, a short key can be guessed offline): make one with "openssl rand -hex 32"`;
}
