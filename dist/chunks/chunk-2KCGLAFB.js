import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  REDACTED
} from "./chunk-NLEEBJMC.js";
import {
  external_exports,
  firstIssueText
} from "./chunk-VWJEZFZ2.js";
import {
  InputError
} from "./chunk-QPO7ZZEI.js";

// src/sources/terraform/values.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function maskAt(mask, key) {
  if (mask === true) return true;
  if (Array.isArray(mask) && typeof key === "number") return mask[key];
  if (isRecord(mask) && typeof key === "string") return mask[key];
  return void 0;
}
function containsSensitive(mask) {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsSensitive);
  if (isRecord(mask)) return Object.values(mask).some(containsSensitive);
  return false;
}
var TAG_ATTRIBUTES = ["tags", "tags_all", "labels", "user_labels", "resource_labels"];
function extractTags(value, mask, keep = same) {
  const tags = {};
  if (!isRecord(value)) return tags;
  for (const attribute of TAG_ATTRIBUTES) {
    const map = value[attribute];
    if (!isRecord(map)) continue;
    const mapMask = maskAt(mask, attribute);
    for (const [key, tagValue] of Object.entries(map)) {
      if (typeof tagValue !== "string" || key in tags) continue;
      tags[keep(key, true)] = maskAt(mapMask, key) === true ? REDACTED : keep(tagValue, true);
    }
  }
  return tags;
}
function changedAttributes(before, after, afterUnknown, keep = same) {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const unknown = isRecord(afterUnknown) ? afterUnknown : {};
  if (!isRecord(before) || !isRecord(after)) return [];
  const names = /* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a), ...Object.keys(unknown)]);
  const changed = [];
  for (const name of names) {
    if (unknown[name] === true || !jsonEqual(b[name], a[name])) changed.push(keep(name, true));
  }
  return changed.sort();
}
function formatAttributePath(path) {
  let text = "";
  for (const step of path) {
    if (typeof step === "number") text += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) text += text === "" ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}
function variableText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual(a[k], b[k])) return false;
  }
  return true;
}
var same = (text) => text;
var interned = /* @__PURE__ */ new Map();
function own(text, intern = false) {
  if (intern) {
    const known = interned.get(text);
    if (known !== void 0) return known;
  }
  const copy = text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
  if (intern && interned.size < 1e5) interned.set(copy, copy);
  return copy;
}

// src/core/digest.ts
import { createHash } from "node:crypto";

// node_modules/canonicalize/lib/canonicalize.js
function hasLoneSurrogate(value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 55296 && code <= 56319) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 56320 && next <= 57343)) {
        return true;
      }
      i++;
    } else if (code >= 56320 && code <= 57343) {
      return true;
    }
  }
  return false;
}
function canonicalize(object, seen = /* @__PURE__ */ new Set()) {
  if (typeof object === "number" && isNaN(object)) {
    throw new Error("NaN is not allowed");
  }
  if (typeof object === "number" && !isFinite(object)) {
    throw new Error("Infinity is not allowed");
  }
  if (typeof object === "string" && hasLoneSurrogate(object)) {
    throw new Error("Lone surrogate is not allowed");
  }
  if (object === null || typeof object !== "object") {
    return JSON.stringify(object);
  }
  if (typeof object.toJSON === "function") {
    if (seen.has(object)) {
      throw new Error("Circular reference detected");
    }
    seen.add(object);
    const result2 = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result2;
  }
  if (seen.has(object)) {
    throw new Error("Circular reference detected");
  }
  seen.add(object);
  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === void 0 || typeof cv === "symbol" ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(",")}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === void 0 || typeof object[key] === "symbol") {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(",")}}`;
  }
  seen.delete(object);
  return result;
}

// src/core/digest.ts
var DIGEST_VERSION = "steer-digest-v1";
function canonicalDigest(value) {
  return sha256Hex(canonicalJson(value));
}
function canonicalJson(value) {
  const text = keysSortedDeep(value) ? JSON.stringify(value) : canonicalize(value);
  if (text === void 0) throw new Error("canonicalJson: value has no JSON form");
  return text;
}
function keysSortedDeep(value) {
  if (typeof value !== "object" || value === null) return typeof value !== "undefined" && typeof value !== "function";
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSortedDeep(item)) return false;
    return true;
  }
  let previous;
  for (const key in value) {
    if (previous !== void 0 && !(previous < key)) return false;
    previous = key;
    const item = value[key];
    if (item === void 0 || !keysSortedDeep(item)) return false;
  }
  return true;
}
function sha256Hex(text) {
  return createHash("sha256").update(text).digest("hex");
}
function planDigest(header, changeDigests) {
  return canonicalDigest({ v: DIGEST_VERSION, header, changes: [...changeDigests].sort() });
}
function reportDigest(planDigests) {
  if (planDigests.length === 1) return planDigests[0];
  return canonicalDigest({ v: DIGEST_VERSION, plans: [...planDigests].sort() });
}

// src/sources/terraform/actions.ts
var TUPLES = {
  "no-op": { action: "no-op", destroys: false, forgets: false },
  create: { action: "create", destroys: false, forgets: false },
  read: { action: "read", destroys: false, forgets: false },
  update: { action: "update", destroys: false, forgets: false },
  delete: { action: "delete", destroys: true, forgets: false },
  forget: { action: "forget", destroys: false, forgets: true },
  "delete,create": { action: "replace", replaceOrder: "delete-before-create", destroys: true, forgets: false },
  "create,delete": { action: "replace", replaceOrder: "create-before-destroy", destroys: true, forgets: false },
  // Terraform's CreateThenForget and OpenTofu's ForgetThenCreate: a new object is created and
  // the old one is left running, no longer managed.
  "create,forget": { action: "forget", replaceOrder: "create-before-destroy", destroys: false, forgets: true },
  "forget,create": { action: "forget", replaceOrder: "delete-before-create", destroys: false, forgets: true }
};
function classifyActions(words) {
  return TUPLES[words.join(",")];
}
var ACTION_REASONS = {
  replace_because_tainted: "the object is tainted",
  replace_because_cannot_update: "an attribute that cannot be updated in place changed",
  replace_by_request: "replacement was requested (-replace)",
  replace_by_triggers: "replace_triggered_by fired",
  delete_because_no_resource_config: "its resource block was removed from the configuration",
  delete_because_no_module: "its module call was removed from the configuration",
  delete_because_wrong_repetition: "count/for_each was added or removed on the resource",
  delete_because_count_index: "its count index is out of range now",
  delete_because_each_key: "its for_each key is no longer in the map",
  delete_because_no_move_target: "its moved block has no target",
  delete_because_enabled_false: "the resource is disabled (enabled = false)",
  read_because_config_unknown: "its configuration depends on values known only after apply",
  read_because_dependency_pending: "a dependency has pending changes",
  read_because_check_nested: "it is read by a check block"
};
function describeActionReason(reason) {
  return ACTION_REASONS[reason] ?? reason;
}

// src/sources/terraform/schema.ts
var TERRAFORM_ACTION_WORDS = ["no-op", "create", "read", "update", "delete", "forget"];
var actionWord = external_exports.enum(TERRAFORM_ACTION_WORDS, {
  error: (issue) => `unknown action ${JSON.stringify(issue.input)}`
});
var changeSchema = external_exports.looseObject({
  actions: external_exports.array(actionWord).min(1, "empty actions list"),
  before: external_exports.unknown().optional(),
  after: external_exports.unknown().optional(),
  after_unknown: external_exports.unknown().optional(),
  before_sensitive: external_exports.unknown().optional(),
  after_sensitive: external_exports.unknown().optional(),
  // A list of paths; each path is a list of keys (strings) and indexes (numbers).
  replace_paths: external_exports.array(external_exports.array(external_exports.union([external_exports.string(), external_exports.number()]))).optional(),
  importing: external_exports.looseObject({ id: external_exports.string().optional(), identity: external_exports.unknown().optional() }).nullable().optional(),
  generated_config: external_exports.string().optional()
});
var resourceChangeSchema = external_exports.looseObject({
  address: external_exports.string().min(1),
  previous_address: external_exports.string().optional(),
  module_address: external_exports.string().optional(),
  mode: external_exports.enum(["managed", "data"]).optional(),
  type: external_exports.string(),
  name: external_exports.string().optional(),
  index: external_exports.unknown().optional(),
  provider_name: external_exports.string().optional(),
  deposed: external_exports.string().optional(),
  action_reason: external_exports.string().optional(),
  change: changeSchema
});
var outputChangeSchema = external_exports.looseObject({
  actions: external_exports.array(actionWord).min(1, "empty actions list"),
  before_sensitive: external_exports.unknown().optional(),
  after_sensitive: external_exports.unknown().optional()
});
var variableSchema = external_exports.looseObject({ value: external_exports.unknown().optional() });
var configVariableSchema = external_exports.looseObject({ sensitive: external_exports.boolean().optional() });
var terraformPlanSchema = external_exports.looseObject({
  format_version: external_exports.string().optional(),
  plan_format_version: external_exports.string().optional(),
  terraform_version: external_exports.string().optional(),
  errored: external_exports.boolean().optional(),
  complete: external_exports.boolean().optional(),
  applyable: external_exports.boolean().optional(),
  variables: external_exports.record(external_exports.string(), variableSchema).optional(),
  resource_changes: external_exports.array(resourceChangeSchema).optional(),
  resource_drift: external_exports.array(resourceChangeSchema).optional(),
  output_changes: external_exports.record(external_exports.string(), outputChangeSchema).optional(),
  deferred_changes: external_exports.array(external_exports.looseObject({ reason: external_exports.string().optional(), resource_change: resourceChangeSchema })).optional(),
  configuration: external_exports.looseObject({
    root_module: external_exports.looseObject({ variables: external_exports.record(external_exports.string(), configVariableSchema).optional() }).optional()
  }).optional()
});
var planEnvelopeSchema = terraformPlanSchema.omit({ resource_changes: true });

// src/sources/terraform/normalize.ts
var ResourceChangeCollector = class {
  /** `detach`: copy the strings kept (the streaming reader's are slices of whole input chunks). */
  constructor(file, keep = same) {
    this.file = file;
    this.keep = keep;
  }
  file;
  keep;
  changes = [];
  digests = [];
  sawOpenTofuProvider = false;
  count = 0;
  add(raw) {
    const where = `resource_changes[${this.count}]`;
    this.count += 1;
    const result = resourceChangeSchema.safeParse(raw);
    if (!result.success) throw new InputError(this.file, `not a valid Terraform plan: ${where}${issuePathSuffix(result.error)}`);
    const rc = result.data;
    if (rc.provider_name?.startsWith("registry.opentofu.org/")) this.sawOpenTofuProvider = true;
    this.changes.push(toChange(rc, this.file, where, this.keep));
    this.digests.push(resourceChangeDigest(rc));
  }
};
function normalizeTerraformPlan(doc, collected, ctx) {
  const changes = collected.changes;
  const changeDigests = [...collected.digests];
  const drift = (doc.resource_drift ?? []).map((rc, i) => toChange(rc, ctx.path, `resource_drift[${i}]`));
  const deferred = (doc.deferred_changes ?? []).map((d, i) => {
    changeDigests.push(canonicalDigest({ deferred: d.reason ?? null, change: resourceChangeDigest(d.resource_change) }));
    return {
      reason: d.reason ?? "unknown",
      change: toChange(d.resource_change, ctx.path, `deferred_changes[${i}].resource_change`)
    };
  });
  const outputs = [];
  for (const [name, oc] of Object.entries(doc.output_changes ?? {})) {
    const classified = classifyActions(oc.actions);
    if (!classified) throw new InputError(ctx.path, `output_changes.${name}.change.actions: unknown action combination ${JSON.stringify(oc.actions)}`);
    outputs.push({ name, action: classified.action, sensitive: containsSensitive(oc.before_sensitive) || containsSensitive(oc.after_sensitive) });
    changeDigests.push(canonicalDigest({ output: name, ...oc }));
  }
  const errored = doc.errored === true;
  const incompleteReasons = [];
  if (errored) incompleteReasons.push("Terraform reported errors while planning (errored: true): the plan is not the whole change");
  if (doc.complete === false) {
    incompleteReasons.push("the plan is partial (complete: false): made with -target or with deferred changes, so applying it does not converge");
  }
  if (deferred.length > 0) incompleteReasons.push(`${deferred.length} change(s) were deferred to a later plan`);
  const source = detectSource(doc, collected, ctx);
  const header = {
    source: source === "opentofu" ? "terraform" : source,
    // the same plan rendered by either tool digests the same
    errored,
    complete: doc.complete ?? null
  };
  return {
    source,
    target: {
      path: ctx.path,
      ...ctx.workspace !== void 0 ? { workspace: ctx.workspace } : {},
      variables: rootVariables(doc),
      tags: {}
    },
    ...doc.format_version !== void 0 ? { formatVersion: doc.format_version } : {},
    ...doc.plan_format_version !== void 0 ? { formatVersion: `plan ${doc.plan_format_version}` } : {},
    ...doc.terraform_version !== void 0 ? { toolVersion: doc.terraform_version } : {},
    errored,
    ...doc.complete !== void 0 ? { complete: doc.complete } : {},
    incompleteReasons,
    changes,
    drift,
    outputs,
    deferred,
    inputNotes: [...ctx.inputNotes ?? []],
    digest: planDigest(header, changeDigests)
  };
}
function toChange(rc, file, where, keep = same) {
  const { change } = rc;
  const classified = classifyActions(change.actions);
  if (!classified) {
    throw new InputError(file, `${where}.change.actions: unknown action combination ${JSON.stringify(change.actions)} at ${rc.address}`);
  }
  const importing = change.importing !== void 0 && change.importing !== null;
  let action = classified.action;
  if (action === "no-op" && rc.previous_address !== void 0 && rc.previous_address !== rc.address) action = "move";
  else if (action === "no-op" && importing) action = "import";
  const forcedBy = (change.replace_paths ?? []).map((p) => keep(formatAttributePath(p), true));
  const notes = [];
  if (rc.action_reason !== void 0) notes.push(describeActionReason(rc.action_reason));
  if (classified.forgets) notes.push("the object is removed from state but keeps running, unmanaged");
  if (rc.deposed !== void 0) notes.push(`deposed object ${rc.deposed} (left over from an earlier create_before_destroy)`);
  if (importing) notes.push(`imported${change.importing?.id !== void 0 ? ` from id ${change.importing.id}` : ""}`);
  return {
    address: keep(rc.address),
    type: keep(rc.type, true),
    ...rc.provider_name !== void 0 ? { provider: keep(rc.provider_name, true) } : {},
    ...rc.module_address !== void 0 ? { module: keep(rc.module_address, true) } : {},
    mode: rc.mode ?? "managed",
    action,
    sourceActions: keep === same ? change.actions : change.actions.map((a) => keep(a, true)),
    ...classified.replaceOrder !== void 0 ? { replaceOrder: classified.replaceOrder } : {},
    destroys: classified.destroys,
    mayReplace: false,
    replacementUnknown: false,
    forgets: classified.forgets,
    ...rc.previous_address !== void 0 && rc.previous_address !== rc.address ? { previousAddress: keep(rc.previous_address) } : {},
    ...rc.deposed !== void 0 ? { deposedKey: keep(rc.deposed) } : {},
    importing,
    reasons: { ...rc.action_reason !== void 0 ? { actionReason: keep(rc.action_reason, true) } : {}, forcedBy, notes },
    changedAttributes: action === "no-op" || action === "read" ? [] : changedAttributes(change.before, change.after, change.after_unknown, keep),
    tagsBefore: extractTags(change.before, change.before_sensitive, keep),
    tagsAfter: extractTags(change.after, change.after_sensitive, keep)
  };
}
function resourceChangeDigest(rc) {
  const c = rc.change;
  return canonicalDigest({
    action_reason: rc.action_reason ?? null,
    actions: c.actions,
    address: rc.address,
    after: c.after ?? null,
    after_sensitive: c.after_sensitive ?? null,
    after_unknown: c.after_unknown ?? null,
    before: c.before ?? null,
    before_sensitive: c.before_sensitive ?? null,
    deposed: rc.deposed ?? null,
    importing: c.importing ?? null,
    previous_address: rc.previous_address ?? null,
    provider_name: rc.provider_name ?? null,
    replace_paths: c.replace_paths ?? null,
    type: rc.type
  });
}
function detectSource(doc, collected, ctx) {
  if (ctx.tool === "opentofu" || collected.sawOpenTofuProvider) return "opentofu";
  return (doc.resource_drift ?? []).some((rc) => rc.provider_name?.startsWith("registry.opentofu.org/")) ? "opentofu" : "terraform";
}
function rootVariables(doc) {
  const declared = doc.configuration?.root_module?.variables ?? {};
  const out = {};
  for (const [name, v] of Object.entries(doc.variables ?? {})) {
    if (declared[name]?.sensitive === true) {
      out[name] = REDACTED;
      continue;
    }
    const text = variableText(v.value);
    if (text !== void 0) out[name] = text;
  }
  return out;
}
function issuePathSuffix(error) {
  const text = firstIssueText(error);
  return /^[A-Za-z_]/.test(text) && text.includes(": ") ? `.${text}` : `: ${text}`;
}

// src/sources/terraform/parse.ts
function looksLikeTerraformPlan(doc) {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return false;
  const d = doc;
  if (typeof d.format_version !== "string" && typeof d.plan_format_version !== "string") return false;
  return ["resource_changes", "planned_values", "prior_state", "output_changes", "resource_drift", "configuration", "errored", "variables"].some((key) => key in d);
}
function looksLikeTerraformState(doc) {
  if (typeof doc !== "object" || doc === null) return false;
  const d = doc;
  return typeof d.format_version === "string" && "values" in d && !("planned_values" in d) && !("resource_changes" in d);
}
function parseTerraformPlan(doc, ctx) {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new InputError(ctx.path, "not a valid Terraform plan: expected a JSON object");
  const { resource_changes: rawChanges, ...rest } = doc;
  if (rawChanges !== void 0 && !Array.isArray(rawChanges)) throw new InputError(ctx.path, "not a valid Terraform plan: resource_changes: expected an array");
  const envelope = checkEnvelope(rest, ctx);
  const collected = new ResourceChangeCollector(ctx.path);
  for (const raw of rawChanges ?? []) collected.add(raw);
  return finishPlan(envelope, collected, ctx);
}
function checkEnvelope(rest, ctx) {
  const result = planEnvelopeSchema.safeParse(rest);
  if (!result.success) throw new InputError(ctx.path, `not a valid Terraform plan: ${firstIssueText(result.error)}`);
  const version = result.data.format_version ?? result.data.plan_format_version;
  if (version === void 0) throw new InputError(ctx.path, "not a Terraform/OpenTofu JSON plan: no format_version");
  const major = Number(version.split(".")[0]);
  if (!(major === 0 || major === 1)) {
    throw new InputError(ctx.path, `unsupported plan format_version "${version}": Steer reads 0.x and 1.x (a new major version may change meanings)`);
  }
  return result.data;
}
function finishPlan(envelope, collected, ctx) {
  const notes = [...ctx.inputNotes ?? []];
  if (envelope.format_version === void 0 && envelope.plan_format_version !== void 0) {
    notes.push(`HCP Terraform redacted plan (plan_format_version ${envelope.plan_format_version}): values are redacted by HCP; errored/complete are not recorded`);
  }
  return normalizeTerraformPlan(envelope, collected, { ...ctx, inputNotes: notes });
}

export {
  canonicalDigest,
  planDigest,
  reportDigest,
  own,
  ResourceChangeCollector,
  looksLikeTerraformPlan,
  looksLikeTerraformState,
  parseTerraformPlan,
  checkEnvelope,
  finishPlan
};
