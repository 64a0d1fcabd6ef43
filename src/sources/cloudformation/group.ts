import { InputError } from '../../core/errors.js';
import { firstIssueText } from '../issue-text.js';
import { changeSetSchema, type ChangeSetJson, type ResourceChangeJson } from './schema.js';

/** One DescribeChangeSet response (a page) and the file it came from. */
export interface ChangeSetPage {
  readonly path: string;
  readonly doc: unknown;
  readonly notes: readonly string[];
}

/** One change set: its first page's header and the resource changes of all its pages. */
export interface Group {
  readonly id: string;
  readonly path: string;
  readonly head: ChangeSetJson;
  readonly changes: ResourceChangeJson[];
  readonly notes: readonly string[];
}

/**
 * Pages → change sets, by ChangeSetId. Every page of a change set must be there (exactly one
 * without NextToken); their changes are merged in the order given.
 */
export function groupPages(pages: readonly ChangeSetPage[]): Map<string, Group> {
  const groups = new Map<string, Group & { lastPages: number }>();
  for (const page of pages) {
    const result = changeSetSchema().safeParse(page.doc);
    if (!result.success) throw new InputError(page.path, `not a valid DescribeChangeSet output: ${firstIssueText(result.error)}`);
    const cs = result.data;
    const id = cs.ChangeSetId ?? `${cs.StackName ?? cs.StackId ?? '?'}/${cs.ChangeSetName ?? page.path}`;
    const changes: ResourceChangeJson[] = [];
    for (const [i, c] of cs.Changes.entries()) {
      if (c.Type !== 'Resource' || !c.ResourceChange) throw new InputError(page.path, `Changes[${i}]: unknown change type (expected Type "Resource" with a ResourceChange)`);
      changes.push(c.ResourceChange);
    }
    const known = groups.get(id);
    const isLast = !cs.NextToken;
    if (known) {
      known.changes.push(...changes);
      known.lastPages += isLast ? 1 : 0;
    } else {
      groups.set(id, { id, path: page.path, head: cs, changes, notes: page.notes, lastPages: isLast ? 1 : 0 });
    }
  }
  for (const g of groups.values()) {
    if (g.lastPages === 0) throw new InputError(g.path, `change set ${g.id} has more pages (NextToken) that were not given: describe it again and give every page`);
    if (g.lastPages > 1) throw new InputError(g.path, `change set ${g.id} was given more than once`);
  }
  return groups;
}
