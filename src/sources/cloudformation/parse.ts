import { canonicalDigest, planDigest } from '../../core/digest.js';
import { InputError } from '../../core/errors.js';
import type { Change, Plan } from '../../core/model.js';
import { REDACTED } from '../../core/model.js';
import { ChangeSetGraph } from './dependencies.js';
import { toChange } from './resource-change.js';
import { groupPages, type ChangeSetPage, type Group } from './group.js';

export type { ChangeSetPage } from './group.js';

/** The reason CloudFormation gives for a change set that would change nothing. */
const NO_CHANGES = /didn't contain changes|no updates are to be performed/i;
const PROPERTY_VALUES_WARNING = '[WARN] --include-property-values option can return incomplete ChangeSet data';

/**
 * DescribeChangeSet pages → one Plan per root change set: pages of one change set are merged
 * (all of them must be there), nested change sets are folded into their root, each change under
 * the nested stack's logical id.
 */
export function cloudFormationPlans(pages: readonly ChangeSetPage[], live: { stackTags?: Readonly<Record<string, string>> } = {}): Plan[] {
  const groups = groupPages(pages);
  const roots = [...groups.values()].filter((g) => !g.head.ParentChangeSetId || !groups.has(g.head.ParentChangeSetId));
  return roots.map((root) => buildPlan(root, groups, live.stackTags ?? {}));
}

function buildPlan(root: Group, groups: ReadonlyMap<string, Group>, stackTags: Readonly<Record<string, string>>): Plan {
  const changes: Change[] = [];
  const digests: string[] = [];
  const incompleteReasons: string[] = [];
  const inputNotes: string[] = [...root.notes];
  const graph = new ChangeSetGraph();

  const visit = (group: Group, module: string | undefined, seen: Set<string>): void => {
    seen.add(group.id);
    if (group.head.StatusReason?.startsWith(PROPERTY_VALUES_WARNING)) {
      incompleteReasons.push(`${group.id}: described with property values, which can drop resource changes (describe it again without --include-property-values)`);
    }
    for (const rc of group.changes) {
      changes.push(toChange(rc, module));
      graph.add(rc, module);
      digests.push(canonicalDigest({ module: module ?? null, change: { ...rc, BeforeContext: parsedContext(rc.BeforeContext), AfterContext: parsedContext(rc.AfterContext) } }));
      if (rc.ChangeSetId && rc.ResourceType === 'AWS::CloudFormation::Stack') {
        const child = groups.get(rc.ChangeSetId);
        const address = module ? `${module}.${rc.LogicalResourceId}` : rc.LogicalResourceId;
        if (child && !seen.has(child.id)) visit(child, address, seen);
        else if (!child) incompleteReasons.push(`the nested change set of ${address} (${rc.ChangeSetId}) was not given: its changes are unknown`);
      }
    }
  };
  visit(root, undefined, new Set());
  const status = checkStatus(root);
  if (status.noChanges) changes.length = 0;

  const head = root.head;
  if (head.ExecutionStatus === undefined || head.ExecutionStatus === null) inputNotes.push('ExecutionStatus not given: whether the change set can still be executed is unknown');
  const arn = parseArn(head.ChangeSetId ?? head.StackId);
  const header = {
    source: 'cloudformation',
    changeSetId: head.ChangeSetId ?? null,
    stack: head.StackId ?? head.StackName ?? null,
    parameters: (head.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue ?? null, p.ResolvedValue ?? null]).sort(),
  };
  return {
    source: 'cloudformation',
    target: {
      path: root.path,
      ...(head.StackName ? { stack: head.StackName } : stackNameFrom(head.StackId)),
      ...(head.ChangeSetId ? { changeSetArn: head.ChangeSetId } : {}),
      ...(arn.account ? { account: arn.account } : {}),
      ...(arn.region ? { region: arn.region } : {}),
      variables: Object.fromEntries((head.Parameters ?? []).map((p) => [p.ParameterKey, redactNoEcho(p.ParameterValue)])),
      // Stack tags (DescribeStacks, when live) and the change set's own tags: neither is in the template the change edits.
      tags: { ...stackTags, ...Object.fromEntries((head.Tags ?? []).map((t) => [t.Key, t.Value])) },
    },
    errored: false,
    complete: incompleteReasons.length === 0,
    incompleteReasons,
    changes,
    drift: [],
    outputs: [],
    deferred: [],
    inputNotes: [...inputNotes, ...(status.note ? [status.note] : [])],
    digest: planDigest(header, digests),
    ...(status.noChanges ? { noChanges: true } : {}),
    ...(status.notExecutable ? { notExecutable: status.notExecutable } : {}),
    dependencies: graph.graph(changes),
  };
}

/** Status and ExecutionStatus: never report a failed or unusable change set as analyzed and safe. */
function checkStatus(root: Group): { noChanges?: boolean; notExecutable?: string; note?: string } {
  const { Status: status, StatusReason: reason, ExecutionStatus: exec, ParentChangeSetId: parent } = root.head;
  switch (status) {
    case 'CREATE_COMPLETE':
    case undefined:
    case null:
      break;
    case 'FAILED':
      // Nothing can be executed from a FAILED change set, whatever it lists.
      if (NO_CHANGES.test(reason ?? '')) return { noChanges: true, note: `no changes: ${(reason ?? '').replace(/\.$/, '')}` };
      throw new InputError(root.path, `change set ${root.id} FAILED: ${reason ?? 'no reason given'}`);
    case 'CREATE_PENDING':
    case 'CREATE_IN_PROGRESS':
      throw new InputError(root.path, `change set ${root.id} is still being created (${status}): wait for CREATE_COMPLETE and describe it again`);
    default:
      throw new InputError(root.path, `change set ${root.id} has status ${status}${reason ? ` (${reason})` : ''}: it cannot be analyzed`);
  }
  if (parent) return { notExecutable: `this nested change set is executable only from its root change set ${root.head.RootChangeSetId ?? parent}, which was not given` };
  if (exec && exec !== 'AVAILABLE') return { notExecutable: `ExecutionStatus is ${exec}${reason ? ` (${reason})` : ''}: this change set cannot be executed as it is` };
  return {};
}

function parsedContext(context: unknown): unknown {
  if (typeof context !== 'string') return context ?? null;
  try {
    return JSON.parse(context);
  } catch {
    return context;
  }
}

/** NoEcho parameters come back masked as asterisks; never keep anything else that looks masked. */
function redactNoEcho(value: string | null | undefined): string {
  return value === undefined || value === null || /^\*+$/.test(value) ? REDACTED : value;
}

function parseArn(arn: string | null | undefined): { region?: string; account?: string } {
  const parts = (arn ?? '').split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return {};
  return { ...(parts[3] ? { region: parts[3] } : {}), ...(/^\d{12}$/.test(parts[4] ?? '') ? { account: parts[4] } : {}) };
}

function stackNameFrom(stackId: string | null | undefined): { stack?: string } {
  const name = /:stack\/([^/]+)\//.exec(stackId ?? '')?.[1];
  return name ? { stack: name } : {};
}
