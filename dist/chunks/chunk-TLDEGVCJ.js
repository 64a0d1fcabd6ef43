import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  ACTIONS
} from "./chunk-NLEEBJMC.js";
import {
  external_exports
} from "./chunk-VWJEZFZ2.js";

// src/config/schema.ts
var verdict = external_exports.enum(["allow", "review", "block"]);
var globs = external_exports.array(external_exports.string().min(1)).describe("glob patterns: * matches anything, ? one character");
var stringMap = external_exports.record(external_exports.string(), external_exports.array(external_exports.string().min(1)));
var environmentMatch = external_exports.strictObject({
  workspaces: globs.optional().describe("Terraform workspace names"),
  paths: globs.optional().describe("plan file paths, relative to the working directory"),
  stacks: globs.optional().describe("CloudFormation stack names"),
  accounts: external_exports.array(external_exports.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id")).optional(),
  variables: stringMap.optional().describe("root variable name \u2192 values (globs) that mean this environment"),
  tags: stringMap.optional().describe("tag/label key \u2192 values (globs) that mean this environment"),
  modules: globs.optional().describe("module addresses, e.g. module.prod_*")
}).describe("signals that place a plan or a change in this environment");
var environment = external_exports.strictObject({
  name: external_exports.string().min(1),
  production: external_exports.boolean().default(false),
  match: environmentMatch.default({})
});
var ruleMatch = external_exports.strictObject({
  environment: external_exports.enum(["production", "non-production", "any"]).default("any"),
  actions: external_exports.array(external_exports.enum(ACTIONS)).optional(),
  stateful: external_exports.boolean().optional(),
  dataLoss: external_exports.boolean().optional(),
  types: globs.optional(),
  addresses: globs.optional(),
  agent: external_exports.boolean().optional().describe("true: only agent-authored changes; false: only human ones")
});
var rule = external_exports.strictObject({
  name: external_exports.string().min(1).optional(),
  match: ruleMatch.default({ environment: "any" }),
  verdict,
  reason: external_exports.string().optional()
});
var limit = external_exports.strictObject({
  environment: external_exports.enum(["production", "non-production", "any"]).default("any"),
  maxDeletes: external_exports.number().int().nonnegative().optional(),
  maxReplaces: external_exports.number().int().nonnegative().optional(),
  verdict: verdict.default("block")
});
var protectedResource = external_exports.strictObject({ addresses: globs.optional(), types: globs.optional(), reason: external_exports.string().optional() }).refine((p) => (p.addresses?.length ?? 0) + (p.types?.length ?? 0) > 0, "give addresses or types");
var configSchema = external_exports.strictObject({
  version: external_exports.literal(1).default(1),
  production: external_exports.strictObject({
    names: external_exports.array(external_exports.string().min(1)).optional().describe("name tokens that mean production (default: prod, production, prd, live)"),
    environments: external_exports.array(environment).optional()
  }).default({}),
  stateful: external_exports.strictObject({ add: external_exports.array(external_exports.string().min(1)).default([]), remove: external_exports.array(external_exports.string().min(1)).default([]) }).default({ add: [], remove: [] }),
  rules: external_exports.array(rule).default([]).describe("first matching rule decides a change; unmatched changes use the defaults"),
  limits: external_exports.array(limit).default([]),
  protected: external_exports.array(protectedResource).default([]).describe("resources whose deletion or replacement is always blocked"),
  approvals: external_exports.strictObject({
    required: external_exports.number().int().positive().default(1),
    users: external_exports.array(external_exports.string().min(1)).default([]).describe("only these logins may approve (empty: any human but the author)"),
    teams: external_exports.array(external_exports.string().regex(/^[^/\s]+\/[^/\s]+$/, "expected org/team-slug")).default([]).describe("members of these teams may approve too (org/team-slug)"),
    maxAgeHours: external_exports.number().positive().default(72).describe("steer apply/execute refuse an approval older than this")
  }).default({ required: 1, users: [], teams: [], maxAgeHours: 72 }).describe("who can approve a plan that needs review, in the pull request"),
  reviewers: external_exports.strictObject({ users: external_exports.array(external_exports.string().min(1)).default([]), teams: external_exports.array(external_exports.string().min(1)).default([]) }).default({ users: [], teams: [] }).describe("review requested from these when a plan needs review"),
  guard: external_exports.strictObject({
    deny: external_exports.array(external_exports.string().min(1)).default([]).describe('extra denied command prefixes, words may be globs: "kubectl delete", "helm uninstall *"'),
    allow: external_exports.array(external_exports.string().min(1)).default([]).describe('command prefixes allowed even when denied by default: "terraform apply -target=module.sandbox*"')
  }).default({ deny: [], allow: [] }).describe("steer guard: what agents may not run directly"),
  agents: external_exports.strictObject({ logins: external_exports.array(external_exports.string().min(1)).default([]) }).default({ logins: [] }).describe("extra logins that count as AI agents")
});

// src/config/defaults.ts
var DEFAULT_CONFIG = configSchema.parse({});

export {
  configSchema,
  DEFAULT_CONFIG
};
