import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  SteerError,
  ToolError
} from "./chunk-QPO7ZZEI.js";
import "./chunk-QEVJJKSU.js";

// src/adapters/aws/cloudformation.ts
async function openSession(region) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const loaded = await import("./dist-cjs-4QXHGT7M.js");
  const sdk = loaded.CloudFormationClient ? loaded : loaded.default;
  return { sdk, client: new sdk.CloudFormationClient({ ...region ? { region } : {}, maxAttempts: 5 }) };
}
function plain(response) {
  const { $metadata: _ignored, ...rest } = JSON.parse(JSON.stringify(response));
  return rest;
}
async function call(what, run) {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SteerError) throw e;
    const err = e;
    throw new ToolError(`CloudFormation ${what} failed: ${err.name ?? "Error"}: ${err.message ?? String(e)}`);
  }
}
async function describeChangeSetTree(s, changeSet, stack) {
  const pages = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = async (name, stackName) => {
    const own = await describeAllPages(s, name, stackName);
    const id = own[0]?.ChangeSetId;
    if (id && seen.has(id)) return;
    if (id) seen.add(id);
    pages.push(...own);
    for (const page of own) {
      for (const change of page.Changes ?? []) {
        const child = change.ResourceChange?.ChangeSetId;
        if (child && !seen.has(child)) await visit(child, void 0);
      }
    }
  };
  await visit(changeSet, stack);
  return pages;
}
var PROPERTY_VALUES_WARNING = "[WARN] --include-property-values";
async function describeAllPages(s, changeSet, stack) {
  const withValues = await pagesOf(s, changeSet, stack, true);
  if (!withValues.some((p) => String(p.StatusReason ?? "").startsWith(PROPERTY_VALUES_WARNING))) return withValues;
  const withoutValues = await pagesOf(s, changeSet, stack, false);
  const contexts = /* @__PURE__ */ new Map();
  for (const p of withValues) for (const c of p.Changes ?? []) if (c.ResourceChange) contexts.set(String(c.ResourceChange.LogicalResourceId), c.ResourceChange);
  return withoutValues.map((p) => ({
    ...p,
    Changes: (p.Changes ?? []).map((c) => {
      const rich = c.ResourceChange && contexts.get(String(c.ResourceChange.LogicalResourceId));
      return rich ? { ...c, ResourceChange: { ...c.ResourceChange, BeforeContext: rich.BeforeContext, AfterContext: rich.AfterContext } } : c;
    })
  }));
}
async function pagesOf(s, changeSet, stack, includePropertyValues) {
  const pages = [];
  let token;
  do {
    const page = plain(
      await call(
        "DescribeChangeSet",
        () => s.client.send(new s.sdk.DescribeChangeSetCommand({ ChangeSetName: changeSet, ...stack ? { StackName: stack } : {}, IncludePropertyValues: includePropertyValues, ...token ? { NextToken: token } : {} }))
      )
    );
    pages.push(page);
    token = typeof page.NextToken === "string" && page.NextToken !== "" ? page.NextToken : void 0;
  } while (token);
  return pages;
}
async function describeStack(s, stack) {
  try {
    const out = await s.client.send(new s.sdk.DescribeStacksCommand({ StackName: stack }));
    const found = out.Stacks?.[0];
    if (!found) return void 0;
    return { tags: Object.fromEntries((found.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])), status: found.StackStatus ?? "UNKNOWN" };
  } catch (e) {
    const err = e;
    if (err.name === "ValidationError" && /does not exist/.test(err.message ?? "")) return void 0;
    throw new ToolError(`CloudFormation DescribeStacks failed: ${err.name ?? "Error"}: ${err.message ?? String(e)}`);
  }
}
async function createChangeSet(s, input) {
  const out = await call(
    "CreateChangeSet",
    () => s.client.send(
      new s.sdk.CreateChangeSetCommand({
        StackName: input.stack,
        ChangeSetName: input.name,
        TemplateBody: input.templateBody,
        ChangeSetType: input.type,
        IncludeNestedStacks: true,
        Parameters: [...input.parameters],
        Tags: [...input.tags],
        Capabilities: input.capabilities
      })
    )
  );
  if (!out.Id) throw new ToolError("CloudFormation CreateChangeSet returned no change set id");
  return out.Id;
}
async function waitForChangeSet(s, arn, { timeoutMs, pollMs }) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const out = await call("DescribeChangeSet", () => s.client.send(new s.sdk.DescribeChangeSetCommand({ ChangeSetName: arn })));
    const status = out.Status ?? "UNKNOWN";
    if (status !== "CREATE_PENDING" && status !== "CREATE_IN_PROGRESS") return { status, reason: out.StatusReason ?? "" };
    if (Date.now() > deadline) throw new ToolError(`change set ${arn} is still ${status} after ${Math.round(timeoutMs / 1e3)} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
export {
  createChangeSet,
  describeChangeSetTree,
  describeStack,
  openSession,
  waitForChangeSet
};
