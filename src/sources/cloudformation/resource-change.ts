import type { Change, ForcedValue } from '../../core/model.js';
import { REDACTED } from '../../core/model.js';
import { valueText } from '../value-text.js';
import type { ResourceChangeJson } from './schema.js';

/**
 * One CloudFormation ResourceChange → a Change. Replacement is never assumed safe: `True` is a
 * replacement, `Conditional` (or a recreation that depends on a value known only at execution)
 * may be one, and a Modify that says nothing about replacement is "unknown" (reviewed).
 */
export function toChange(rc: ResourceChangeJson, module: string | undefined): Change {
  const address = module ? `${module}.${rc.LogicalResourceId}` : rc.LogicalResourceId;
  const type = rc.ResourceType ?? '(type not given)';
  const notes: string[] = [];
  const forcedBy = recreationTargets(rc);
  const base = {
    address,
    type,
    provider: 'cloudformation',
    ...(module !== undefined ? { module } : {}),
    mode: 'managed' as const,
    sourceActions: [rc.Action, ...(rc.Replacement ? [`Replacement: ${rc.Replacement}`] : [])],
    importing: rc.Action === 'Import',
    ...(rc.PolicyAction ? { policyAction: rc.PolicyAction } : {}),
    changedAttributes: changedProperties(rc),
    ...forcingValues(rc, forcedBy),
    tagsBefore: contextTags(rc.BeforeContext),
    tagsAfter: contextTags(rc.AfterContext),
    ...protection(rc),
  };
  if (!rc.ResourceType) notes.push('ResourceType not given: whether it holds data is unknown');

  switch (rc.Action) {
    case 'Add':
      // An Add carrying Replacement "True" creates a new resource: nothing existing is replaced.
      return { ...base, action: 'create', destroys: false, mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy: [], notes } };
    case 'Import':
      return { ...base, action: 'import', destroys: false, mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy: [], notes } };
    case 'Remove':
      if (!rc.PolicyAction) notes.push('PolicyAction not given: assuming the resource is deleted');
      else if (/Retain/.test(rc.PolicyAction)) notes.push('DeletionPolicy Retain: removed from the stack, the resource itself is kept');
      else if (/Snapshot/.test(rc.PolicyAction)) notes.push('DeletionPolicy Snapshot: a snapshot is taken before deletion');
      return { ...base, action: 'delete', destroys: !/Retain/.test(rc.PolicyAction ?? ''), mayReplace: false, replacementUnknown: false, forgets: /Retain/.test(rc.PolicyAction ?? ''), reasons: { forcedBy: [], notes } };
    case 'Dynamic':
      notes.push('Dynamic: what happens is known only when the change set executes');
      return { ...base, action: 'update', destroys: false, mayReplace: false, replacementUnknown: true, forgets: false, reasons: { forcedBy, notes } };
    case 'Modify':
      return modify(rc, base, forcedBy, notes);
    default: {
      const never: never = rc.Action;
      throw new Error(`unhandled CloudFormation action ${String(never)}`);
    }
  }
}

type Base = Omit<Change, 'action' | 'destroys' | 'mayReplace' | 'replacementUnknown' | 'forgets' | 'reasons' | 'replaceOrder'>;

function modify(rc: ResourceChangeJson, base: Base, forcedBy: string[], notes: string[]): Change {
  if (rc.Replacement === 'True') {
    if (!rc.PolicyAction) notes.push('PolicyAction not given: assuming the old resource is deleted');
    else if (/Retain/.test(rc.PolicyAction)) notes.push('UpdateReplacePolicy Retain: the old resource is kept, unmanaged');
    else if (/Snapshot/.test(rc.PolicyAction)) notes.push('UpdateReplacePolicy Snapshot: a snapshot of the old resource is taken');
    // CloudFormation creates the replacement first and deletes the old resource during cleanup.
    return { ...base, action: 'replace', replaceOrder: 'create-before-destroy', destroys: !/Retain/.test(rc.PolicyAction ?? ''), mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy, notes } };
  }
  const conditional = rc.Replacement === 'Conditional';
  if (conditional) notes.push('Replacement: Conditional — replaced if the new value requires it');
  const unstated = rc.Replacement === undefined || rc.Replacement === null;
  if (unstated) notes.push('the change set does not say whether the resource is replaced');
  // "False" beside a property that may recreate, evaluated only at execution (or not saying): nobody can know yet.
  const atExecution = rc.Replacement === 'False' && mayRecreate(rc);
  if (atExecution) notes.push('Replacement False, but a property that may force recreation is known only at execution (or its RequiresRecreation is not given)');
  if ((conditional || atExecution) && !rc.PolicyAction) notes.push('PolicyAction not given: assuming the old resource is deleted if it is replaced');
  return { ...base, action: 'update', destroys: false, mayReplace: conditional, replacementUnknown: unstated || atExecution, forgets: false, reasons: { forcedBy, notes } };
}

/** `Properties.BucketName (conditionally)` for every target whose change can recreate the resource. */
function recreationTargets(rc: ResourceChangeJson): string[] {
  const out = new Set<string>();
  for (const d of rc.Details ?? []) {
    const t = d.Target;
    if (!t || t.Attribute !== 'Properties') continue;
    const name = `Properties.${t.Name ?? t.Path?.replace(/^\/Properties\//, '') ?? '?'}`;
    // A missing RequiresRecreation means "conditionally"; Always evaluated dynamically too.
    if (t.RequiresRecreation === 'Always' && d.Evaluation !== 'Dynamic') out.add(name);
    else if (t.RequiresRecreation !== 'Never') out.add(`${name} (conditionally)`);
  }
  for (const name of out) if (name.endsWith('(conditionally)') && out.has(name.replace(' (conditionally)', ''))) out.delete(name);
  // Certain causes first, conditional ones after.
  return [...out].sort((a, b) => Number(a.endsWith('(conditionally)')) - Number(b.endsWith('(conditionally)')));
}

/**
 * The values of the properties that (may) force recreation, before → after, from the detail's
 * BeforeValue/AfterValue or else the Before/AfterContext (present with --include-property-values).
 * NoEcho parameters arrive as asterisks: shown as "(sensitive value)". None without values.
 */
function forcingValues(rc: ResourceChangeJson, forcedBy: readonly string[]): { forcedValues?: ForcedValue[] } {
  if (forcedBy.length === 0) return {};
  const before = parsedContext(rc.BeforeContext);
  const after = parsedContext(rc.AfterContext);
  const out: ForcedValue[] = [];
  for (const attribute of forcedBy) {
    const name = attribute.replace(/^Properties\./, '').replace(/ \(conditionally\)$/, '');
    const target = (rc.Details ?? []).find((d) => d.Target?.Attribute === 'Properties' && (d.Target.Name ?? d.Target.Path?.replace(/^\/Properties\//, '')) === name)?.Target;
    const path = (target?.Path ?? `/Properties/${name}`).split('/').filter(Boolean);
    const b = target?.BeforeValue ?? valueAt(before, path);
    const a = target?.AfterValue ?? valueAt(after, path);
    if (b === undefined && a === undefined) continue;
    out.push({ attribute, before: propertyText(b), after: propertyText(a) });
  }
  return out.length > 0 ? { forcedValues: out } : {};
}

function parsedContext(context: unknown): unknown {
  if (typeof context !== 'string') return context;
  try {
    return JSON.parse(context);
  } catch {
    return undefined;
  }
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** A property value as text, with NoEcho's asterisks (anywhere inside it) shown as REDACTED. */
function propertyText(value: unknown): string {
  if (typeof value === 'string') return masked(value) === REDACTED ? REDACTED : valueText(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value).match(/"\*+"/) ? REDACTED : valueText(value);
  return valueText(value);
}

function mayRecreate(rc: ResourceChangeJson): boolean {
  return (rc.Details ?? []).some((d) => d.Target?.Attribute === 'Properties' && d.Target.RequiresRecreation !== 'Never' && (d.Evaluation === 'Dynamic' || !d.Target.RequiresRecreation));
}

function changedProperties(rc: ResourceChangeJson): string[] {
  const names = new Set<string>();
  for (const d of rc.Details ?? []) {
    const t = d.Target;
    if (t?.Attribute === 'Properties' && t.Name) names.add(t.Name);
    else if (t?.Attribute && t.Attribute !== 'Properties') names.add(t.Attribute);
  }
  return [...names].sort();
}

function protection(rc: ResourceChangeJson): { protectionWeakened?: string } {
  const scope = rc.Scope ?? [];
  const policies = ['DeletionPolicy', 'UpdateReplacePolicy'].filter((p) => scope.includes(p));
  return policies.length > 0 ? { protectionWeakened: `its ${policies.join(' and ')} changes: check that data is still retained or snapshotted` } : {};
}

/** `Properties.Tags` from a Before/AfterContext (JSON string or object). Values only for tags. */
function contextTags(context: unknown): Record<string, string> {
  let value = context;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const tags = (value as { Properties?: { Tags?: unknown } } | null)?.Properties?.Tags;
  const out: Record<string, string> = {};
  if (Array.isArray(tags)) {
    for (const t of tags) if (t && typeof t.Key === 'string' && typeof t.Value === 'string') out[t.Key] = masked(t.Value);
  } else if (tags && typeof tags === 'object') {
    for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') out[k] = masked(v);
  }
  return out;
}

/** CloudFormation masks NoEcho parameter values as asterisks wherever they appear. */
function masked(value: string): string {
  return /^\*+$/.test(value) ? REDACTED : value;
}
