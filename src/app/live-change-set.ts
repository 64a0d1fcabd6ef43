import { readText } from '../adapters/fs/project-files.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Plan } from '../core/model.js';
import { cloudFormationPlans } from '../sources/cloudformation/parse.js';

/** Where a live change set is: `--stack` and `--change-set` (a name, or the ARN approvals bind to). */
export interface LiveChangeSet {
  readonly stack?: string;
  readonly changeSet: string;
  readonly region?: string;
}

/**
 * Describes an existing change set (all pages, nested ones too) and reads it like a file would
 * be; its template (GetTemplate) joins the dependency graph, unless the caller has it already.
 * The PR gate's file and `steer execute` read a change set the same way: execute describes it live.
 */
export async function liveChangeSetPlans(target: LiveChangeSet, options: { readonly template?: boolean } = {}): Promise<Plan[]> {
  if (!target.changeSet.startsWith('arn:') && !target.stack) throw new UsageError('--change-set NAME needs --stack (or give the change set ARN)');
  const aws = await import('../adapters/aws/cloudformation.js');
  const session = await aws.openSession(target.region);
  const pages = await aws.describeChangeSetTree(session, target.changeSet, target.stack);
  // An ARN names its own stack: --stack must be that one, or the stack read (its tags, its
  // template) and the stack waited for would not be the one the change set changes.
  const owner = [pages[0]?.StackName, pages[0]?.StackId].filter((x): x is string => typeof x === 'string');
  if (target.stack && owner.length > 0 && !owner.includes(target.stack)) {
    throw new UsageError(`the change set ${String(pages[0]?.ChangeSetId ?? target.changeSet)} belongs to stack ${owner[0]}, not to --stack ${target.stack}`);
  }
  const stackName = target.stack ?? (pages[0]?.StackName as string | undefined);
  const stack = stackName ? await aws.describeStack(session, stackName) : undefined;
  // The file path's place in reports: where the change set lives (its ARN is shown apart).
  const label = `cloudformation:${stackName ?? '?'}/${String(pages[0]?.ChangeSetName ?? target.changeSet)}`;
  const plans = cloudFormationPlans(
    pages.map((doc) => ({ path: label, doc, notes: [] })),
    { ...(stack ? { stackTags: stack.tags } : {}) },
  );
  if (options.template === false || plans.length === 0) return plans;
  const arn = String(pages[0]?.ChangeSetId ?? target.changeSet);
  // The change set's template (what is replaced keeps its dependents there) and the deployed
  // one (what is removed had its dependents there).
  const templates: [string, string][] = [];
  const proposed = await aws.getTemplate(session, { changeSet: arn, ...(stackName ? { stack: stackName } : {}) });
  if (proposed !== undefined) templates.push([proposed, `${label} (GetTemplate)`]);
  const deployed = stackName && stack ? await aws.getTemplate(session, { stack: stackName }) : undefined;
  if (deployed !== undefined) templates.push([deployed, `stack ${stackName} as deployed (GetTemplate)`]);
  if (templates.length === 0) {
    const note = 'CloudFormation gave no template for this change set (GetTemplate): the blast radius comes from the change set\'s own details only';
    return plans.map((p) => ({ ...p, inputNotes: [...p.inputNotes, note] }));
  }
  const { withTemplateGraph } = await import('../sources/cloudformation/template-graph.js'); // loads yaml: live change sets only
  try {
    return plans.map((plan) => templates.reduce((p, [text, where]) => withTemplateGraph(p, text, where), plan));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const note = `a template of this change set (GetTemplate) could not be read (${e.message}): the blast radius comes from the change set's own details only`;
    return plans.map((p) => ({ ...p, inputNotes: [...p.inputNotes, note] }));
  }
}

export interface CreateChangeSetRequest {
  readonly stack: string;
  readonly templatePath: string;
  /** `Key=Value` pairs. */
  readonly parameters: readonly string[];
  readonly tags: readonly string[];
  readonly name?: string;
  readonly capabilities: readonly string[];
  readonly region?: string;
  readonly timeoutMs: number;
  readonly pollMs: number;
}

export interface CreatedChangeSet {
  readonly arn: string;
  readonly type: 'CREATE' | 'UPDATE';
  readonly plans: Plan[];
}

/**
 * Creates a change set (CREATE when the stack doesn't exist, UPDATE otherwise), waits for it and
 * describes it. Never executes it: execution is `steer execute`, after approval.
 */
export async function createChangeSetPlans(req: CreateChangeSetRequest): Promise<CreatedChangeSet> {
  let templateBody: string;
  try {
    templateBody = await readText(req.templatePath);
  } catch {
    throw new InputError(req.templatePath, 'template not found or unreadable');
  }
  if (Buffer.byteLength(templateBody) > 51_200) {
    throw new UsageError(`${req.templatePath} is ${Buffer.byteLength(templateBody)} bytes: CloudFormation takes at most 51,200 bytes inline, and Steer does not upload templates to S3 yet — create the change set with "cdk deploy --method=prepare-change-set" or the AWS CLI, then run "steer plan-check --stack … --change-set …"`);
  }
  const aws = await import('../adapters/aws/cloudformation.js');
  const session = await aws.openSession(req.region);
  const existing = await aws.describeStack(session, req.stack);
  const type = existing && existing.status !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
  const arn = await aws.createChangeSet(session, {
    stack: req.stack,
    name: req.name ?? `steer-${new Date().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}`,
    templateBody,
    type,
    parameters: req.parameters.map(keyValue('--parameters')).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    tags: req.tags.map(keyValue('--tags')).map(([Key, Value]) => ({ Key, Value })),
    capabilities: req.capabilities,
  });
  await aws.waitForChangeSet(session, arn, { timeoutMs: req.timeoutMs, pollMs: req.pollMs });
  const described = await liveChangeSetPlans({ changeSet: arn, stack: req.stack, ...(req.region ? { region: req.region } : {}) }, { template: false });
  // The template is at hand: its references give the blast radius beyond what the change set lists.
  const { withTemplateGraph } = await import('../sources/cloudformation/template-graph.js'); // loads yaml: changeset create only
  const plans = described.map((plan) => withTemplateGraph(plan, templateBody, req.templatePath));
  return { arn, type, plans };
}

function keyValue(option: string): (pair: string) => [string, string] {
  return (pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`${option} expects Key=Value, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  };
}
