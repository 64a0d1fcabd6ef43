import { CanonicalHasher, canonicalDigest, planDigest } from '../../core/digest.js';
import { InputError } from '../../core/errors.js';
import type { Change, DeferredChange, OutputChange, Plan, SourceKind } from '../../core/model.js';
import { REDACTED } from '../../core/model.js';
import { classifyActions, describeActionReason } from './actions.js';
import { terraformDependencies } from './dependencies.js';
import { firstIssueText } from '../issue-text.js';
import { toConfiguration } from './configuration.js';
import type { Configuration } from '../../core/configuration.js';
import { isPlainResourceChange, resourceChangeSchema, type PlanEnvelopeJson, type ResourceChangeJson, type TerraformActionWord } from './schema.js';
import { changedAttributes, containsSensitive, extractTags, forcedValues, formatAttributePath, same, variableText, type Keep } from './values.js';

export interface TerraformContext {
  readonly path: string;
  readonly workspace?: string;
  /** Set when we know which binary rendered the plan (`--tf-bin tofu`). */
  readonly tool?: 'terraform' | 'opentofu';
  readonly inputNotes?: readonly string[];
}

/**
 * Collects `resource_changes` entries one at a time — from a parsed document or from a stream —
 * validating each, normalizing it and hashing it, so the raw entry can be dropped at once.
 */
export class ResourceChangeCollector {
  readonly changes: Change[] = [];
  readonly digests: string[] = [];
  sawOpenTofuProvider = false;
  private count = 0;

  /** `keep`: how the strings the model keeps are taken (the plan readers share those that repeat). */
  constructor(
    private readonly file: string,
    private readonly keep: Keep = same,
  ) {}

  /**
   * `spans`: where the entry sits in the input bytes, when it was read from them (for the digest);
   * `changed`: the top-level attributes that differ, when the reader compared them itself.
   */
  add(raw: unknown, spans?: RawEntrySpans, changed?: readonly string[]): void {
    const where = `resource_changes[${this.count}]`;
    this.count += 1;
    let rc: ResourceChangeJson;
    if (isPlainResourceChange(raw)) rc = raw;
    else {
      const result = resourceChangeSchema.safeParse(raw);
      if (!result.success) throw new InputError(this.file, `not a valid Terraform plan: ${where}${issuePathSuffix(result.error)}`);
      rc = result.data;
    }
    if (rc.provider_name?.startsWith('registry.opentofu.org/')) this.sawOpenTofuProvider = true;
    this.changes.push(toChange(rc, this.file, where, this.keep, changed));
    this.digests.push(resourceChangeDigest(rc, spans));
  }
}

/** The envelope (everything but resource_changes) plus the collected changes → the normalized Plan. Pure. */
export function normalizeTerraformPlan(doc: PlanEnvelopeJson, collected: ResourceChangeCollector, ctx: TerraformContext): Plan {
  const changes = collected.changes;
  const changeDigests = [...collected.digests];
  const drift = (doc.resource_drift ?? []).map((rc, i) => toChange(rc, ctx.path, `resource_drift[${i}]`));
  const deferred: DeferredChange[] = (doc.deferred_changes ?? []).map((d, i) => {
    changeDigests.push(canonicalDigest({ deferred: d.reason ?? null, change: resourceChangeDigest(d.resource_change) }));
    return {
      reason: d.reason ?? 'unknown',
      change: toChange(d.resource_change, ctx.path, `deferred_changes[${i}].resource_change`),
    };
  });
  const outputs: OutputChange[] = [];
  for (const [name, oc] of Object.entries(doc.output_changes ?? {})) {
    const classified = classifyActions(oc.actions as TerraformActionWord[]);
    if (!classified) throw new InputError(ctx.path, `output_changes.${name}.change.actions: unknown action combination ${JSON.stringify(oc.actions)}`);
    outputs.push({ name, action: classified.action, sensitive: containsSensitive(oc.before_sensitive) || containsSensitive(oc.after_sensitive) });
    changeDigests.push(canonicalDigest({ output: name, ...oc }));
  }

  const errored = doc.errored === true;
  const incompleteReasons: string[] = [];
  if (errored) incompleteReasons.push('Terraform reported errors while planning (errored: true): the plan is not the whole change');
  if (doc.complete === false) {
    incompleteReasons.push('the plan is partial (complete: false): made with -target or with deferred changes, so applying it does not converge');
  }
  if (deferred.length > 0) incompleteReasons.push(`${deferred.length} change(s) were deferred to a later plan`);

  const source = detectSource(doc, collected, ctx);
  // What the verdict reads besides the changes: the root variables (production signals; sensitive
  // ones as redacted), so a rendering with them removed digests differently.
  const variables = rootVariables(doc);
  const configuration = doc.configuration != null ? toConfiguration(doc.configuration) : undefined;
  const header = {
    complete: doc.complete ?? null,
    errored,
    source: source === 'opentofu' ? 'terraform' : source, // the same plan rendered by either tool digests the same
    variables,
  };
  return {
    source,
    target: {
      path: ctx.path,
      ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
      variables,
      tags: {},
    },
    ...(doc.format_version != null ? { formatVersion: doc.format_version } : {}),
    ...(doc.plan_format_version != null ? { formatVersion: `plan ${doc.plan_format_version}` } : {}),
    ...(doc.terraform_version != null ? { toolVersion: doc.terraform_version } : {}),
    errored,
    ...(doc.complete != null ? { complete: doc.complete } : {}),
    incompleteReasons,
    changes,
    drift,
    outputs,
    deferred,
    inputNotes: [...(ctx.inputNotes ?? [])],
    ...(configuration !== undefined ? { configuration } : {}),
    digest: planDigest(header, changeDigests),
    ...dependenciesOf(doc, configuration, changes),
  };
}

function dependenciesOf(doc: PlanEnvelopeJson, configuration: Configuration | undefined, changes: readonly Change[]): Pick<Plan, 'dependencies'> {
  const graph = terraformDependencies(doc.prior_state, configuration, changes);
  return graph !== undefined ? { dependencies: graph } : {};
}

/** `changed`: the attributes that differ, as `changedAttributes` would say, when already known. */
function toChange(rc: ResourceChangeJson, file: string, where: string, keep: Keep = same, changed?: readonly string[]): Change {
  const { change } = rc;
  const classified = classifyActions(change.actions);
  if (!classified) {
    throw new InputError(file, `${where}.change.actions: unknown action combination ${JSON.stringify(change.actions)} at ${rc.address}`);
  }
  const importing = change.importing !== undefined && change.importing !== null;
  let action = classified.action;
  // A moved object with no other change is a move; an import with no other change is an import.
  if (action === 'no-op' && rc.previous_address != null && rc.previous_address !== rc.address) action = 'move';
  else if (action === 'no-op' && importing) action = 'import';

  const forcedBy = change.replace_paths == null || change.replace_paths.length === 0 ? NONE : change.replace_paths.map((p) => keep(formatAttributePath(p), true));
  const notes: string[] = [];
  if (rc.action_reason != null) notes.push(describeActionReason(rc.action_reason));
  if (classified.forgets) notes.push('the object is removed from state but keeps running, unmanaged');
  if (rc.deposed != null) notes.push(`deposed object ${rc.deposed} (left over from an earlier create_before_destroy)`);
  if (importing) notes.push(`imported${change.importing?.id != null ? ` from id ${change.importing.id}` : ''}`);

  const reasons: Mutable<Change['reasons']> = { forcedBy, notes: notes.length === 0 ? NONE : notes };
  if (rc.action_reason != null) reasons.actionReason = keep(rc.action_reason, true);
  // Optional properties are set only when present (no spread objects: this runs per entry).
  const out: Mutable<Change> = {
    address: keep(rc.address),
    type: keep(rc.type, true),
    mode: rc.mode ?? 'managed',
    action,
    sourceActions: keep === same ? change.actions : change.actions.map((a) => keep(a, true)),
    destroys: classified.destroys,
    mayReplace: false,
    replacementUnknown: false,
    forgets: classified.forgets,
    importing,
    reasons,
    changedAttributes:
      action === 'no-op' || action === 'read' || changed?.length === 0
        ? NONE
        : changed !== undefined
          ? changed.map((name) => keep(name, true)).sort()
          : changedAttributes(change.before, change.after, change.after_unknown, keep),
    tagsBefore: extractTags(change.before, change.before_sensitive, keep),
    tagsAfter: extractTags(change.after, change.after_sensitive, keep),
  };
  if (forcedBy !== NONE) {
    out.forcedValues = forcedValues(
      { paths: change.replace_paths!, before: change.before, after: change.after, beforeSensitive: change.before_sensitive, afterSensitive: change.after_sensitive, afterUnknown: change.after_unknown },
      keep,
    );
  }
  if (rc.provider_name != null) out.provider = keep(rc.provider_name, true);
  if (rc.module_address != null) out.module = keep(rc.module_address, true);
  if (classified.replaceOrder !== undefined) out.replaceOrder = classified.replaceOrder;
  if (rc.previous_address != null && rc.previous_address !== rc.address) out.previousAddress = keep(rc.previous_address);
  if (rc.deposed != null) out.deposedKey = keep(rc.deposed);
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The empty list most changes have (of forcing attributes, notes, changed attributes): one, shared. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * Everything a change will do, values included (hashed, never kept): the digest material, in
 * the sorted key order of its canonical form, and where each value sits in the entry.
 */
export const DIGEST_MATERIAL: readonly (readonly [key: string, from: 'entry' | 'change'])[] = [
  ['action_reason', 'entry'],
  ['actions', 'change'],
  ['address', 'entry'],
  ['after', 'change'],
  ['after_sensitive', 'change'],
  ['after_unknown', 'change'],
  ['before', 'change'],
  ['before_sensitive', 'change'],
  ['deposed', 'entry'],
  ['importing', 'change'],
  ['mode', 'entry'],
  ['module_address', 'entry'],
  ['previous_address', 'entry'],
  ['provider_name', 'entry'],
  ['replace_paths', 'change'],
  ['type', 'entry'],
];
const MATERIAL_KEYS = DIGEST_MATERIAL.map(([key], i) => Buffer.from(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`));
const NULL = Buffer.from('null');
const CLOSE = Buffer.from('}');

/**
 * Where the values of an entry's digest material sit in `bytes`, and which are already
 * canonical: for each DIGEST_MATERIAL key in order, start, end (-1 when absent) and 1 when
 * canonical (read when the entry is added, then overwritten by the next).
 */
export interface RawEntrySpans {
  readonly bytes: Buffer;
  readonly material: Int32Array;
}

const hasher = new CanonicalHasher();

/**
 * The canonical digest of a change's material. From a parsed entry, every value is
 * canonicalized; from the entry's bytes (`raw`), values already in canonical form are hashed as
 * they are and the rest are parsed from their bytes and canonicalized. Both give the same digest.
 */
function resourceChangeDigest(rc: ResourceChangeJson, raw?: RawEntrySpans): string {
  const entry = rc as unknown as Record<string, unknown>;
  const change = rc.change as Record<string, unknown>;
  hasher.begin();
  for (let i = 0; i < DIGEST_MATERIAL.length; i++) {
    const [key, from] = DIGEST_MATERIAL[i]!;
    hasher.encoded(MATERIAL_KEYS[i]!);
    if (raw === undefined) {
      hasher.value((from === 'entry' ? entry[key] : change[key]) ?? null);
      continue;
    }
    const start = raw.material[i * 3]!;
    const end = raw.material[i * 3 + 1]!;
    if (start < 0) hasher.encoded(NULL);
    else if (raw.material[i * 3 + 2] === 1) hasher.bytes(raw.bytes, start, end);
    else hasher.value(JSON.parse(raw.bytes.toString('utf8', start, end)));
  }
  return hasher.encoded(CLOSE).digest();
}

function detectSource(doc: PlanEnvelopeJson, collected: ResourceChangeCollector, ctx: TerraformContext): SourceKind {
  if (ctx.tool === 'opentofu' || collected.sawOpenTofuProvider) return 'opentofu';
  return (doc.resource_drift ?? []).some((rc) => rc.provider_name?.startsWith('registry.opentofu.org/')) ? 'opentofu' : 'terraform';
}

/**
 * Root variable values as strings. Terraform never redacts `variables` in its JSON, so we do:
 * a variable declared `sensitive = true` is replaced by REDACTED here, before anything else sees it.
 */
function rootVariables(doc: PlanEnvelopeJson): Record<string, string> {
  const declared = doc.configuration?.root_module?.variables ?? {};
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(doc.variables ?? {})) {
    if (declared[name]?.sensitive === true) {
      out[name] = REDACTED;
      continue;
    }
    const text = variableText(v.value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/** `.change.actions[0]: unknown action "x"` — the issue path continuing an entry's own path. */
function issuePathSuffix(error: Parameters<typeof firstIssueText>[0]): string {
  const text = firstIssueText(error);
  return /^[A-Za-z_]/.test(text) && text.includes(': ') ? `.${text}` : `: ${text}`;
}
