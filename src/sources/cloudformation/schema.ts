import * as z from 'zod/mini';
import '../zod-english.js';

/**
 * The parts of DescribeChangeSet output (AWS CLI / SDK, PascalCase) that Steer reads. Unknown
 * fields pass; fields the API may send as null are nullish. `BeforeContext`/`AfterContext`
 * arrive as JSON strings from the API and as objects from some recorders: both are accepted.
 * Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeChangeSet.html
 */
export const CFN_ACTIONS = ['Add', 'Modify', 'Remove', 'Import', 'Dynamic'] as const;

function buildSchemas() {
  const str = z.nullish(z.string());

  const detailSchema = z.looseObject({
    Target: z.nullish(
      z.looseObject({
        Attribute: str,
        Name: str,
        Path: str,
        RequiresRecreation: str,
        AttributeChangeType: str,
        BeforeValue: z.optional(z.unknown()),
        AfterValue: z.optional(z.unknown()),
      }),
    ),
    Evaluation: str,
    ChangeSource: str,
    CausingEntity: str,
  });

  const resourceChangeSchema = z.looseObject({
    Action: z.enum(CFN_ACTIONS, { error: () => `unknown action (CloudFormation writes ${CFN_ACTIONS.join(', ')})` }),
    LogicalResourceId: z.string().check(z.minLength(1)),
    PhysicalResourceId: str,
    ResourceType: str,
    Replacement: z.nullish(z.enum(['True', 'False', 'Conditional'], { error: () => 'unknown Replacement (expected True, False or Conditional)' })),
    PolicyAction: str,
    Scope: z.nullish(z.array(z.string())),
    Details: z.nullish(z.array(detailSchema)),
    ChangeSetId: str,
    BeforeContext: z.optional(z.unknown()),
    AfterContext: z.optional(z.unknown()),
  });

  const changeSetSchema = z.looseObject({
    ChangeSetId: str,
    ChangeSetName: str,
    StackId: str,
    StackName: str,
    Status: str,
    StatusReason: str,
    ExecutionStatus: str,
    NextToken: str,
    ParentChangeSetId: str,
    RootChangeSetId: str,
    IncludeNestedStacks: z.nullish(z.boolean()),
    Parameters: z.nullish(z.array(z.looseObject({ ParameterKey: z.string(), ParameterValue: str, ResolvedValue: str }))),
    Tags: z.nullish(z.array(z.looseObject({ Key: z.string(), Value: z.string() }))),
    Changes: z.array(z.looseObject({ Type: str, ResourceChange: z.nullish(resourceChangeSchema) })),
  });
  return { resourceChangeSchema, changeSetSchema };
}

let built: ReturnType<typeof buildSchemas> | undefined;

/** Built on first use: a run that reads only Terraform plans doesn't pay for it at start. */
export function changeSetSchema(): ReturnType<typeof buildSchemas>['changeSetSchema'] {
  built ??= buildSchemas();
  return built.changeSetSchema;
}

export type ChangeSetJson = z.infer<ReturnType<typeof buildSchemas>['changeSetSchema']>;
export type ResourceChangeJson = z.infer<ReturnType<typeof buildSchemas>['resourceChangeSchema']>;
