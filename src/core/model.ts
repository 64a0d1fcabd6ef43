/**
 * The normalized model: the contract between the source adapters (which know input formats)
 * and everything after them (facts, policy, renderers), which never see a raw plan.
 *
 * No values are carried. Sources keep only what the analysis needs (tags, names of changed
 * attributes), already redacted: a value the model never holds can never leak.
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
  /** SHA-256 (hex) of the canonical form of this plan's planned changes, computed by the source. */
  readonly digest: string;
  /** `sha256:<hex>` of the saved plan file this was rendered from: what `terraform apply` runs, and what approvals bind to. */
  readonly artifact?: string;
  /** Whether the source considers there is nothing to execute (CloudFormation empty change set). */
  readonly noChanges?: boolean;
  /** Set when the plan cannot be executed as it is (CloudFormation ExecutionStatus OBSOLETE...). */
  readonly notExecutable?: string;
}

export const REDACTED = '(sensitive value)';

/** What an approval of this plan binds to: the saved plan file's hash, or the change set's ARN; undefined for a JSON rendering alone. */
export function artifactOf(plan: Plan): string | undefined {
  return plan.artifact ?? plan.target.changeSetArn;
}
