import type { Configuration } from './configuration.js';

/**
 * The normalized model: the contract between the source adapters (which know input formats)
 * and everything after them (facts, policy, renderers), which never see a raw plan.
 *
 * Almost no values are carried. Sources keep only what the analysis and the reviewer need (tags,
 * names of changed attributes, the values of the attributes that force a replacement), already
 * redacted and shortened: a value the model never holds can never leak.
 */

/** Every action a change can have. Terraform's `plans.Action` list, plus `move` and `import`. */
export const ACTIONS = ['create', 'update', 'replace', 'delete', 'read', 'no-op', 'forget', 'move', 'import'] as const;
export type Action = (typeof ACTIONS)[number];

export type ReplaceOrder = 'delete-before-create' | 'create-before-destroy';

export type SourceKind = 'terraform' | 'opentofu' | 'cloudformation';

/** Where a plan applies: what production detection looks at besides the changes themselves. */
export interface Target {
  /** The file the plan was read from ('-' for stdin). */
  readonly path: string;
  readonly workspace?: string;
  readonly stack?: string;
  readonly changeSetArn?: string;
  readonly account?: string;
  readonly region?: string;
  /** Root variable values (sensitive ones already replaced by REDACTED). Strings only. */
  readonly variables: Readonly<Record<string, string>>;
  /** Stack-level tags (CloudFormation) — not editable by the change itself. */
  readonly tags: Readonly<Record<string, string>>;
}

/** What the source said about why a change happens, kept verbatim for the reviewer. */
export interface ChangeReasons {
  /** Terraform `action_reason` (any value, unknown ones kept as they are). */
  readonly actionReason?: string;
  /** Attributes that force the replacement (`replace_paths`, CloudFormation `RequiresRecreation`). */
  readonly forcedBy: readonly string[];
  /** Free-form, human-readable reasons from the source (CloudFormation details, etc.). */
  readonly notes: readonly string[];
}

/**
 * An attribute that forces the replacement, with its value before and after as display text:
 * masked at the source ("(sensitive value)" where the source marks it sensitive, "(known after
 * apply)" where it is not known yet) and shortened (FORCED_VALUE_MAX characters at most).
 */
export interface ForcedValue {
  readonly attribute: string;
  readonly before: string;
  readonly after: string;
}

export interface Change {
  readonly address: string;
  readonly type: string;
  readonly provider?: string;
  /** `module.a.module.b` for Terraform; the nested stack path for CloudFormation. */
  readonly module?: string;
  readonly mode: 'managed' | 'data';
  readonly action: Action;
  /** The source's own action words, e.g. `["delete","create"]` or `Modify`. */
  readonly sourceActions: readonly string[];
  readonly replaceOrder?: ReplaceOrder;
  /** True when the existing object stops existing (delete, replace, deposed delete). */
  readonly destroys: boolean;
  /** The replacement is possible, not certain (CloudFormation `Conditional`). */
  readonly mayReplace: boolean;
  /** The source could not say whether the object is replaced (treated as "may replace"). */
  readonly replacementUnknown: boolean;
  /** Terraform `forget`: the object keeps running but is no longer managed. */
  readonly forgets: boolean;
  readonly previousAddress?: string;
  readonly deposedKey?: string;
  readonly importing: boolean;
  /** CloudFormation PolicyAction (Delete, Retain, Snapshot, ReplaceAndDelete...). */
  readonly policyAction?: string;
  readonly reasons: ChangeReasons;
  /** The values of the attributes that force a replacement, before → after (absent when the source gives none). */
  readonly forcedValues?: readonly ForcedValue[];
  /** Top-level attribute names whose value changes (no values). */
  readonly changedAttributes: readonly string[];
  /** Tags/labels before and after (values of sensitive tags already redacted). */
  readonly tagsBefore: Readonly<Record<string, string>>;
  readonly tagsAfter: Readonly<Record<string, string>>;
  /** A deletion/replacement-protection setting the change weakens (e.g. DeletionPolicy removed). */
  readonly protectionWeakened?: string;
}

export interface OutputChange {
  readonly name: string;
  readonly action: Action;
  readonly sensitive: boolean;
}

export interface DeferredChange {
  readonly change: Change;
  readonly reason: string;
}

export interface Plan {
  readonly source: SourceKind;
  readonly target: Target;
  readonly formatVersion?: string;
  readonly toolVersion?: string;
  /** `errored: true`: planning failed; whatever is here is not the whole story. */
  readonly errored: boolean;
  /** False when the plan is partial (targeted, deferred changes...). Undefined when the format doesn't say. */
  readonly complete?: boolean;
  /** Why the plan can't be trusted as complete, in words. */
  readonly incompleteReasons: readonly string[];
  readonly changes: readonly Change[];
  /** Changes made outside the tool since the last run: reported apart, never planned work. */
  readonly drift: readonly Change[];
  readonly outputs: readonly OutputChange[];
  readonly deferred: readonly DeferredChange[];
  /** Notes on how the input was read (encoding converted, saved plan rendered by terraform show...). */
  readonly inputNotes: readonly string[];
  /** The configuration the plan was made from, when the source records it (Terraform's `configuration`). */
  readonly configuration?: Configuration;
  /** SHA-256 (hex) of the canonical form of this plan's planned changes, computed by the source. */
  readonly digest: string;
  /** `sha256:<hex>` of the saved plan file this was rendered from: what `terraform apply` runs, and what approvals bind to. */
  readonly artifact?: string;
  /** Whether the source considers there is nothing to execute (CloudFormation empty change set). */
  readonly noChanges?: boolean;
  /** Set when the plan cannot be executed as it is (CloudFormation ExecutionStatus OBSOLETE...). */
  readonly notExecutable?: string;
  /** What depends on what, as far as the plan itself says (absent: it says nothing). */
  readonly dependencies?: DependencyGraph;
}

/**
 * The dependency graph of a plan, from the plan itself: Terraform's `prior_state` `depends_on`
 * and `configuration` references, CloudFormation's template references and `CausingEntity`.
 * Edges join *keys*: a resource's address without instance keys in Terraform (`module.a.aws_x.y`,
 * what count/for_each instances share), the address in CloudFormation.
 */
export interface DependencyGraph {
  /** The resources that exist before the change (and the planned ones), each with its key. */
  readonly resources: readonly GraphResource[];
  /** `[dependent, dependency]` pairs of keys: the first depends on the second. */
  readonly edges: readonly (readonly [string, string])[];
  /** Where the edges came from, for the report (`prior_state depends_on`, `template`…). */
  readonly sources: readonly string[];
}

export interface GraphResource {
  readonly address: string;
  readonly key: string;
  readonly type: string;
}

export const REDACTED = '(sensitive value)';
/** What Terraform shows for a value known only once the change is applied. */
export const UNKNOWN_VALUE = '(known after apply)';
/** The longest value text a ForcedValue holds. */
export const FORCED_VALUE_MAX = 100;

/** What an approval of this plan binds to: the saved plan file's hash, or the change set's ARN; undefined for a JSON rendering alone. */
export function artifactOf(plan: Plan): string | undefined {
  return plan.artifact ?? plan.target.changeSetArn;
}
