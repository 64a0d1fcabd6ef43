import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  ToolError
} from "./chunk-QPO7ZZEI.js";
import "./chunk-QEVJJKSU.js";

// src/adapters/aws/execute.ts
async function executeRootChangeSet(s, arn) {
  try {
    await s.client.send(new s.sdk.ExecuteChangeSetCommand({ ChangeSetName: arn }));
  } catch (e) {
    const err = e;
    throw new ToolError(`CloudFormation ExecuteChangeSet failed: ${err.name ?? "Error"}: ${err.message ?? String(e)}`);
  }
}
var SUCCESS = /* @__PURE__ */ new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"]);
async function waitForStackToSettle(s, stack, { timeoutMs, pollMs }) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const out = await s.client.send(new s.sdk.DescribeStacksCommand({ StackName: stack }));
    const found = out.Stacks?.[0];
    const status = found?.StackStatus ?? "UNKNOWN";
    if (!status.endsWith("_IN_PROGRESS")) return { status, reason: found?.StackStatusReason ?? "", succeeded: SUCCESS.has(status) };
    if (Date.now() > deadline) throw new ToolError(`stack ${stack} is still ${status} after ${Math.round(timeoutMs / 1e3)} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
export {
  executeRootChangeSet,
  waitForStackToSettle
};
