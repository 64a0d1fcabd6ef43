import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import { InputError } from '../../core/errors.js';
import type { DependencyGraph, GraphResource, Plan } from '../../core/model.js';

/**
 * The dependency graph of a CloudFormation template: a resource depends on the resources its
 * `DependsOn`, `Ref`, `Fn::GetAtt` and `Fn::Sub` (`${Db}`, `${Db.Endpoint.Address}`) name.
 * Parameters and pseudo parameters (`AWS::Region`) are not resources and add nothing.
 * Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export function templateGraph(text: string, path: string): { resources: GraphResource[]; edges: [string, string][] } {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parse(text, { customTags: CFN_TAGS, maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(path, `not a CloudFormation template: ${(e as Error).message.split('\n')[0]}`);
  }
  const declared = isObject(doc) && isObject(doc.Resources) ? doc.Resources : undefined;
  if (declared === undefined) throw new InputError(path, 'not a CloudFormation template (no Resources)');
  const resources: GraphResource[] = [];
  const edges: [string, string][] = [];
  for (const [id, body] of Object.entries(declared)) {
    if (!isObject(body)) continue;
    resources.push({ address: id, key: id, type: typeof body.Type === 'string' ? body.Type : '' });
    const named = new Set<string>();
    const dependsOn = body.DependsOn;
    for (const d of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) if (typeof d === 'string') named.add(d);
    collectReferences(body.Properties, named, 0);
    collectReferences(body.Metadata, named, 0);
    for (const target of named) if (target !== id && target in declared) edges.push([id, target]);
  }
  return { resources, edges };
}

/** The plan with the template's graph joined to the one the change set stated. */
export function withTemplateGraph(plan: Plan, text: string, path: string): Plan {
  if (plan.source !== 'cloudformation') return plan;
  const fromTemplate = templateGraph(text, path);
  const known = plan.dependencies;
  const addresses = new Set((known?.resources ?? []).map((r) => r.address));
  const graph: DependencyGraph = {
    resources: [...(known?.resources ?? []), ...fromTemplate.resources.filter((r) => !addresses.has(r.address))],
    edges: [...(known?.edges ?? []), ...fromTemplate.edges],
    sources: [...(known?.sources ?? []), `template ${path}`],
  };
  return { ...plan, dependencies: graph };
}

function collectReferences(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, into, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'Ref' && typeof v === 'string') into.add(v);
    else if (key === 'Fn::GetAtt') {
      const target = typeof v === 'string' ? v.split('.')[0] : Array.isArray(v) ? v[0] : undefined;
      if (typeof target === 'string') into.add(target);
    } else if (key === 'Fn::Sub') {
      const template = typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
      const variables = Array.isArray(v) && isObject(v[1]) ? v[1] : {};
      if (typeof template === 'string') {
        for (const m of template.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = m[1]!.split('.')[0]!;
          if (!(name in variables)) into.add(name);
        }
      }
      collectReferences(variables, into, depth + 1);
    } else collectReferences(v, into, depth + 1);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The short-form intrinsic functions (`!Ref Db`, `!GetAtt Db.Arn`, `!Sub …`), read as their long forms. */
const FUNCTIONS = ['Ref', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Condition', 'Transform', 'ToJsonString', 'Length'];
const CFN_TAGS: (ScalarTag | CollectionTag)[] = FUNCTIONS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const resolve = (value: unknown): unknown => ({ [key]: value });
  return [
    { tag: `!${name}`, resolve: (str: string) => resolve(str) } as ScalarTag,
    { tag: `!${name}`, collection: 'seq', resolve: (seq: { toJSON(): unknown }) => resolve(seq.toJSON()) } as unknown as CollectionTag,
    { tag: `!${name}`, collection: 'map', resolve: (map: { toJSON(): unknown }) => resolve(map.toJSON()) } as unknown as CollectionTag,
  ];
});
