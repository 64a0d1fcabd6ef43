import type { Action, ReplaceOrder } from '../../core/model.js';
import type { TerraformActionWord } from './schema.js';

/**
 * Terraform's `change.actions` tuple → one normalized action. Classified on the whole tuple,
 * never on `actions[0]`: `["create","delete"]` is a replacement, not a create.
 */
export interface ClassifiedActions {
  readonly action: Action;
  readonly replaceOrder?: ReplaceOrder;
  /** `delete` appears anywhere: the existing object is destroyed. */
  readonly destroys: boolean;
  /** `forget` appears: the object stays running, unmanaged. */
  readonly forgets: boolean;
}

/** The tuples Terraform (plans.Action) and OpenTofu write. Anything else is refused. */
const TUPLES: Readonly<Record<string, ClassifiedActions>> = {
  'no-op': { action: 'no-op', destroys: false, forgets: false },
  create: { action: 'create', destroys: false, forgets: false },
  read: { action: 'read', destroys: false, forgets: false },
  update: { action: 'update', destroys: false, forgets: false },
  delete: { action: 'delete', destroys: true, forgets: false },
  forget: { action: 'forget', destroys: false, forgets: true },
  'delete,create': { action: 'replace', replaceOrder: 'delete-before-create', destroys: true, forgets: false },
  'create,delete': { action: 'replace', replaceOrder: 'create-before-destroy', destroys: true, forgets: false },
  // Terraform's CreateThenForget and OpenTofu's ForgetThenCreate: a new object is created and
  // the old one is left running, no longer managed.
  'create,forget': { action: 'forget', replaceOrder: 'create-before-destroy', destroys: false, forgets: true },
  'forget,create': { action: 'forget', replaceOrder: 'delete-before-create', destroys: false, forgets: true },
};

/** Returns undefined for a tuple no Terraform or OpenTofu version writes. */
export function classifyActions(words: readonly TerraformActionWord[]): ClassifiedActions | undefined {
  return TUPLES[words.join(',')];
}

/** Human text for every `action_reason` Terraform and OpenTofu document; unknown ones are shown as they are. */
const ACTION_REASONS: Readonly<Record<string, string>> = {
  replace_because_tainted: 'the object is tainted',
  replace_because_cannot_update: 'an attribute that cannot be updated in place changed',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'replace_triggered_by fired',
  delete_because_no_resource_config: 'its resource block was removed from the configuration',
  delete_because_no_module: 'its module call was removed from the configuration',
  delete_because_wrong_repetition: 'count/for_each was added or removed on the resource',
  delete_because_count_index: 'its count index is out of range now',
  delete_because_each_key: 'its for_each key is no longer in the map',
  delete_because_no_move_target: 'its moved block has no target',
  delete_because_enabled_false: 'the resource is disabled (enabled = false)',
  read_because_config_unknown: 'its configuration depends on values known only after apply',
  read_because_dependency_pending: 'a dependency has pending changes',
  read_because_check_nested: 'it is read by a check block',
};

export function describeActionReason(reason: string): string {
  return ACTION_REASONS[reason] ?? reason;
}
