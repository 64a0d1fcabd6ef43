import type { CloudFormationClient, Parameter, Tag } from '@aws-sdk/client-cloudformation';
import { SteerError, ToolError, UsageError } from '../../core/errors.js';

/**
 * The only code that talks to CloudFormation. Loaded lazily (`await import`) by the commands
 * that need it, so `steer plan-check` on files never loads the AWS SDK. Region, credentials
 * and endpoint come from the standard AWS chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL…).
 * It creates and describes change sets; executing one lives apart, in execute.ts, used only by `steer execute`.
 */
export type Sdk = typeof import('@aws-sdk/client-cloudformation');

export interface CfnSession {
  readonly sdk: Sdk;
  readonly client: CloudFormationClient;
}

export async function openSession(region?: string): Promise<CfnSession> {
  // Steer supports Node 20 on purpose; the SDK's notice about future versions is not for our users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const loaded: unknown = await import('@aws-sdk/client-cloudformation');
  // The SDK is CommonJS: inside the ESM bundle its exports may sit on `default`.
  const sdk = ((loaded as Record<string, unknown>).CloudFormationClient ? loaded : (loaded as { default: unknown }).default) as Sdk;
  // The SDK reads AWS_REGION and the profile's region; the AWS CLI's AWS_DEFAULT_REGION too, for people used to it.
  const chosen = region ?? (process.env.AWS_REGION ? undefined : process.env.AWS_DEFAULT_REGION || undefined);
  const client = new sdk.CloudFormationClient({ ...(chosen ? { region: chosen } : {}), maxAttempts: 5 });
  try {
    await client.config.region();
  } catch {
    throw new UsageError(
      'no AWS region for CloudFormation: give --region, or set AWS_REGION (or AWS_DEFAULT_REGION), or a region in your AWS profile (AWS_PROFILE, ~/.aws/config)',
    );
  }
  return { sdk, client };
}

/** Plain JSON as the AWS CLI prints it: dates as ISO strings, no $metadata. */
function plain<T>(response: T): Record<string, unknown> {
  const { $metadata: _ignored, ...rest } = JSON.parse(JSON.stringify(response)) as Record<string, unknown>;
  return rest;
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SteerError) throw e;
    const err = e as { name?: string; message?: string };
    throw new ToolError(`CloudFormation ${what} failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
  }
}

/** Every page of a change set, and of every nested change set it points to (depth first). */
export async function describeChangeSetTree(s: CfnSession, changeSet: string, stack?: string): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const visit = async (name: string, stackName: string | undefined): Promise<void> => {
    const own = await describeAllPages(s, name, stackName);
    const id = own[0]?.ChangeSetId as string | undefined;
    if (id && seen.has(id)) return;
    if (id) seen.add(id);
    pages.push(...own);
    for (const page of own) {
      for (const change of (page.Changes as { ResourceChange?: { ChangeSetId?: string } }[] | undefined) ?? []) {
        const child = change.ResourceChange?.ChangeSetId;
        if (child && !seen.has(child)) await visit(child, undefined);
      }
    }
  };
  await visit(changeSet, stack);
  return pages;
}

const PROPERTY_VALUES_WARNING = '[WARN] --include-property-values';

/**
 * All pages (NextToken) with property values. When CloudFormation warns that property values
 * can drop resource changes (aws-cdk-cli#1780), describe again without them and keep that list
 * of changes, with the property values attached where the same resource has them.
 */
async function describeAllPages(s: CfnSession, changeSet: string, stack: string | undefined): Promise<Record<string, unknown>[]> {
  const withValues = await pagesOf(s, changeSet, stack, true);
  if (!withValues.some((p) => String(p.StatusReason ?? '').startsWith(PROPERTY_VALUES_WARNING))) return withValues;
  const withoutValues = await pagesOf(s, changeSet, stack, false);
  const contexts = new Map<string, Record<string, unknown>>();
  for (const p of withValues) for (const c of (p.Changes as { ResourceChange?: Record<string, unknown> }[]) ?? []) if (c.ResourceChange) contexts.set(String(c.ResourceChange.LogicalResourceId), c.ResourceChange);
  return withoutValues.map((p) => ({
    ...p,
    Changes: ((p.Changes as { ResourceChange?: Record<string, unknown> }[]) ?? []).map((c) => {
      const rich = c.ResourceChange && contexts.get(String(c.ResourceChange.LogicalResourceId));
      return rich ? { ...c, ResourceChange: { ...c.ResourceChange, BeforeContext: rich.BeforeContext, AfterContext: rich.AfterContext } } : c;
    }),
  }));
}

async function pagesOf(s: CfnSession, changeSet: string, stack: string | undefined, includePropertyValues: boolean): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const page = plain(
      await call('DescribeChangeSet', () =>
        s.client.send(new s.sdk.DescribeChangeSetCommand({ ChangeSetName: changeSet, ...(stack ? { StackName: stack } : {}), IncludePropertyValues: includePropertyValues, ...(token ? { NextToken: token } : {}) })),
      ),
    );
    pages.push(page);
    token = typeof page.NextToken === 'string' && page.NextToken !== '' ? page.NextToken : undefined;
  } while (token);
  return pages;
}

/** The stack's tags, or undefined when the stack does not exist. */
export async function describeStack(s: CfnSession, stack: string): Promise<{ tags: Record<string, string>; status: string } | undefined> {
  try {
    const out = await s.client.send(new s.sdk.DescribeStacksCommand({ StackName: stack }));
    const found = out.Stacks?.[0];
    if (!found) return undefined;
    return { tags: Object.fromEntries((found.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])), status: found.StackStatus ?? 'UNKNOWN' };
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'ValidationError' && /does not exist/.test(err.message ?? '')) return undefined;
    throw new ToolError(`CloudFormation DescribeStacks failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
  }
}

/**
 * A template (GetTemplate, stage Original): a change set's (`changeSet` given) or the stack's as
 * deployed now; undefined when CloudFormation has none. Their references give the blast radius
 * beyond what the change set lists: the new template for what is replaced, the deployed one for
 * what is removed. Anything else (no permission, throttling that persists) is an error.
 */
export async function getTemplate(s: CfnSession, where: { readonly stack?: string; readonly changeSet?: string }): Promise<string | undefined> {
  try {
    const out = await s.client.send(new s.sdk.GetTemplateCommand({ ...(where.changeSet ? { ChangeSetName: where.changeSet } : {}), ...(where.stack ? { StackName: where.stack } : {}), TemplateStage: 'Original' }));
    return typeof out.TemplateBody === 'string' && out.TemplateBody.trim() !== '' ? out.TemplateBody : undefined;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'ValidationError' || err.name === 'ChangeSetNotFoundException' || err.name === 'ChangeSetNotFound') return undefined;
    throw new ToolError(`CloudFormation GetTemplate failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
  }
}

export interface CreateChangeSetInput {
  readonly stack: string;
  readonly name: string;
  readonly templateBody: string;
  readonly type: 'CREATE' | 'UPDATE';
  readonly parameters: readonly Parameter[];
  readonly tags: readonly Tag[];
  readonly capabilities: readonly string[];
}

export async function createChangeSet(s: CfnSession, input: CreateChangeSetInput): Promise<string> {
  const out = await call('CreateChangeSet', () =>
    s.client.send(
      new s.sdk.CreateChangeSetCommand({
        StackName: input.stack,
        ChangeSetName: input.name,
        TemplateBody: input.templateBody,
        ChangeSetType: input.type,
        IncludeNestedStacks: true,
        Parameters: [...input.parameters],
        Tags: [...input.tags],
        Capabilities: input.capabilities as never,
      }),
    ),
  );
  if (!out.Id) throw new ToolError('CloudFormation CreateChangeSet returned no change set id');
  return out.Id;
}

/** Polls until the change set is no longer being created; returns its Status and StatusReason. */
export async function waitForChangeSet(s: CfnSession, arn: string, { timeoutMs, pollMs }: { timeoutMs: number; pollMs: number }): Promise<{ status: string; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await call('DescribeChangeSet', () => s.client.send(new s.sdk.DescribeChangeSetCommand({ ChangeSetName: arn })));
    const status = out.Status ?? 'UNKNOWN';
    if (status !== 'CREATE_PENDING' && status !== 'CREATE_IN_PROGRESS') return { status, reason: out.StatusReason ?? '' };
    if (Date.now() > deadline) throw new ToolError(`change set ${arn} is still ${status} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
