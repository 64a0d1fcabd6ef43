import type { Change, DependencyGraph } from '../../core/model.js';
import type { ResourceChangeJson } from './schema.js';

/**
 * The dependency graph a change set states about itself: a change whose `Details[]` say it is
 * caused by another resource (`ChangeSource` ResourceReference / ResourceAttribute,
 * `CausingEntity` "Db" or "Db.Endpoint.Address") depends on that resource; everything in a nested
 * stack depends on the nested stack. A template (template-graph.ts) adds the rest.
 * Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChangeDetail.html
 */
export class ChangeSetGraph {
  private readonly edges: [string, string][] = [];

  add(rc: ResourceChangeJson, module: string | undefined): void {
    const address = addressIn(module, rc.LogicalResourceId);
    if (module !== undefined) this.edges.push([address, module]);
    for (const d of rc.Details ?? []) {
      if (d.ChangeSource !== 'ResourceReference' && d.ChangeSource !== 'ResourceAttribute') continue;
      const entity = d.CausingEntity?.split('.')[0];
      if (entity) this.edges.push([address, addressIn(module, entity)]);
    }
  }

  graph(changes: readonly Change[]): DependencyGraph {
    const resources = changes.map((c) => ({ address: c.address, key: c.address, type: c.type }));
    return { resources, edges: this.edges, sources: ['change set CausingEntity'] };
  }
}

export function addressIn(module: string | undefined, logicalId: string): string {
  return module ? `${module}.${logicalId}` : logicalId;
}
