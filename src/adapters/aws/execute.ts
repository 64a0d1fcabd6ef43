import { ToolError } from '../../core/errors.js';
import type { CfnSession } from './cloudformation.js';

/**
 * The one place that executes a CloudFormation change set — used only by `steer execute`, after
 * the digest was recomputed and the approval checked. Executes the ROOT change set only
 * (nested ones run from it), then waits for the stack to settle.
 */
export async function executeRootChangeSet(s: CfnSession, arn: string): Promise<void> {
  try {
    await s.client.send(new s.sdk.ExecuteChangeSetCommand({ ChangeSetName: arn }));
  } catch (e) {
    const err = e as { name?: string; message?: string };
    throw new ToolError(`CloudFormation ExecuteChangeSet failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
  }
}

export interface StackOutcome {
  readonly status: string;
  readonly reason: string;
  readonly succeeded: boolean;
}

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);

/** Polls DescribeStacks until the stack leaves *_IN_PROGRESS. A rollback is a failure. */
export async function waitForStackToSettle(s: CfnSession, stack: string, { timeoutMs, pollMs }: { timeoutMs: number; pollMs: number }): Promise<StackOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await s.client.send(new s.sdk.DescribeStacksCommand({ StackName: stack }));
    const found = out.Stacks?.[0];
    const status = found?.StackStatus ?? 'UNKNOWN';
    if (!status.endsWith('_IN_PROGRESS')) return { status, reason: found?.StackStatusReason ?? '', succeeded: SUCCESS.has(status) };
    if (Date.now() > deadline) throw new ToolError(`stack ${stack} is still ${status} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
