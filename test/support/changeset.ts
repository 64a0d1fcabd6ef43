/** Builds DescribeChangeSet outputs for the cases the real corpus lacks. */
export interface CfnChangeOptions {
  id?: string;
  type?: string;
  action: 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
  replacement?: 'True' | 'False' | 'Conditional';
  policyAction?: string;
  scope?: string[];
  details?: { name?: string; attribute?: string; requiresRecreation?: string; evaluation?: string }[];
  before?: unknown;
  after?: unknown;
  changeSetId?: string;
}

export function cfnChange(o: CfnChangeOptions): Record<string, unknown> {
  return {
    Type: 'Resource',
    ResourceChange: {
      Action: o.action,
      LogicalResourceId: o.id ?? 'Db',
      PhysicalResourceId: 'phys-1',
      ResourceType: o.type ?? 'AWS::RDS::DBInstance',
      ...(o.replacement ? { Replacement: o.replacement } : {}),
      ...(o.policyAction ? { PolicyAction: o.policyAction } : {}),
      Scope: o.scope ?? ['Properties'],
      Details: (o.details ?? []).map((d) => ({
        Target: { Attribute: d.attribute ?? 'Properties', ...(d.name ? { Name: d.name } : {}), ...(d.requiresRecreation ? { RequiresRecreation: d.requiresRecreation } : {}) },
        Evaluation: d.evaluation ?? 'Static',
        ChangeSource: 'DirectModification',
      })),
      ...(o.changeSetId ? { ChangeSetId: o.changeSetId } : {}),
      ...(o.before !== undefined ? { BeforeContext: JSON.stringify(o.before) } : {}),
      ...(o.after !== undefined ? { AfterContext: JSON.stringify(o.after) } : {}),
    },
  };
}

export const CS_ARN = 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/steer-1/11111111-2222-3333-4444-555555555555';

export function changeSet(changes: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ChangeSetName: 'steer-1',
    ChangeSetId: CS_ARN,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-prod/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    StackName: 'orders-prod',
    Status: 'CREATE_COMPLETE',
    ExecutionStatus: 'AVAILABLE',
    Changes: changes,
    ...extra,
  };
}
