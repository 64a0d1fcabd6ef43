import * as z from 'zod';
import { ACTIONS } from '../core/model.js';
import { FINDING_CODES } from '../core/report.js';
import { VERDICTS } from '../core/verdict.js';
import { JSON_SCHEMA_MINOR_VERSION, JSON_SCHEMA_VERSION } from './json.js';

/**
 * The JSON report (`--format json`), as a zod schema: the renderer's output type is inferred
 * from it (json.ts imports only the type, so the CLI never loads zod for it) and
 * `schema/report.schema.json` is generated from it (npm run schema). Versioned "major.minor":
 * a minor version adds fields or narrows what is listed; a removal or rename bumps the major (`schemaVersion` 1, `schemaMinorVersion` 1).
 */

const nullableString = z.string().nullable();
const signal = z.object({ kind: z.string(), detail: z.string() });
const action = z.enum(ACTIONS);
const verdict = z.enum(VERDICTS);

const change = z.object({
  address: z.string(),
  type: z.string(),
  provider: nullableString,
  module: nullableString,
  mode: z.enum(['managed', 'data']),
  action,
  sourceActions: z.array(z.string()).describe("the source's own action words"),
  replaceOrder: z.enum(['delete-before-create', 'create-before-destroy']).nullable(),
  destroys: z.boolean(),
  mayReplace: z.boolean(),
  replacementUnknown: z.boolean(),
  forgets: z.boolean(),
  previousAddress: nullableString,
  deposed: nullableString,
  importing: z.boolean(),
  policyAction: nullableString,
  stateful: z.boolean(),
  statefulCategory: nullableString,
  dataLoss: z.boolean(),
  production: z.boolean(),
  productionSignals: z.array(signal),
  unknownEnvironment: z.boolean().describe('destructive, and no signal says production or non-production (STEER-ENV-UNKNOWN); since 1.1'),
  actionReason: nullableString,
  forcedBy: z.array(z.string()).describe('attributes that force the replacement'),
  forcedValues: z
    .array(z.object({ attribute: z.string(), before: z.string(), after: z.string() }))
    .describe('their values before → after as display text: masked ("(sensitive value)", "(known after apply)") and shortened; since 1.1'),
  reasons: z.array(z.string()),
  protectionWeakened: nullableString,
  changedAttributes: z.array(z.string()).describe('top-level attribute names whose value changes (no values)'),
  verdict,
});

const plan = z.object({
  path: z.string(),
  source: z.enum(['terraform', 'opentofu', 'cloudformation']),
  formatVersion: nullableString,
  toolVersion: nullableString,
  workspace: nullableString,
  stack: nullableString,
  changeSetArn: nullableString,
  account: nullableString,
  region: nullableString,
  digest: z.string(),
  artifact: nullableString.describe('"sha256:<hex>" of the saved plan file the plan was read from: what approvals bind to; since 1.1'),
  verdict,
  errored: z.boolean(),
  complete: z.boolean().nullable(),
  incompleteReasons: z.array(z.string()),
  noChanges: z.boolean(),
  notExecutable: nullableString,
  production: z.object({ signals: z.array(signal) }),
  changes: z.array(change).describe('the changes; no-ops only with --include-no-op (they are counted in summary["no-op"])'),
  drift: z.array(z.object({ address: z.string(), type: z.string(), action })),
  outputs: z.array(z.object({ name: z.string(), action, sensitive: z.boolean() })),
  deferred: z.array(z.object({ address: z.string(), action, reason: z.string() })),
  inputNotes: z.array(z.string()),
  magnitude: z
    .object(Object.fromEntries(['deleted', 'replaced', 'productionDeleted', 'productionReplaced', 'dataLoss', 'dependents', 'statefulDependents'].map((k) => [k, z.number().int().nonnegative()])))
    .describe('destroyed/replaced counts (on production too), data loss and the total blast radius; since 1.1'),
  blastRadius: z
    .array(
      z.object({
        address: z.string(),
        dependents: z.number().int().nonnegative(),
        stateful: z.number().int().nonnegative(),
        production: z.number().int().nonnegative(),
        resources: z.array(z.object({ address: z.string(), type: z.string(), stateful: z.string().optional(), production: z.boolean(), destroyed: z.boolean() })).describe('worst first, at most 200'),
      }),
    )
    .describe('per destroyed or replaced resource, what depends on it (docs/judgment.md); since 1.1'),
  dependencySources: z.array(z.string()).describe('where the dependency graph came from; since 1.1'),
});

const counts = Object.fromEntries(ACTIONS.map((a) => [a, z.number().int().nonnegative()])) as Record<(typeof ACTIONS)[number], z.ZodNumber>;

const taskWord = z.looseObject({});
export const reportSchema = z.object({
  schemaVersion: z.literal(JSON_SCHEMA_VERSION),
  schemaMinorVersion: z.literal(JSON_SCHEMA_MINOR_VERSION),
  intent: z
    .union([
      z.object({ given: z.literal(false), note: z.string() }),
      z.object({
        given: z.literal(true),
        source: z.string(),
        detail: nullableString,
        text: z.string().describe('the task as judged: shortened, secret-looking strings masked'),
        magnitude: z.enum(['minor', 'moderate', 'major', 'unclassified']),
        words: z.array(taskWord).describe('the words that decided'),
        destructive: z.array(taskWord).describe('what the task names for destruction'),
        scope: z.looseObject({}).nullable().describe('the declared steer-scope block'),
      }),
    ])
    .describe('the task the plan is judged against (docs/judgment.md); since 1.1'),
  tool: z.object({ name: z.literal('steer'), version: z.string() }),
  verdict,
  exitCode: z.union([z.literal(0), z.literal(2), z.literal(3)]),
  digest: z.string().describe('SHA-256 (hex) over all plans: what an approval binds to'),
  agentAuthored: z.boolean(),
  noOpsListed: z.boolean().describe('true with --include-no-op; since 1.1'),
  summary: z.object({
    ...counts,
    dataLoss: z.number().int().nonnegative(),
    production: z.number().int().nonnegative().describe('changes on production (no-ops and reads not counted)'),
  }),
  findings: z.array(
    z.object({
      code: z.enum(Object.keys(FINDING_CODES) as [keyof typeof FINDING_CODES, ...(keyof typeof FINDING_CODES)[]]),
      severity: z.enum(['info', 'review', 'block']),
      message: z.string(),
      plan: z.number().int().nonnegative(),
      address: nullableString,
    }),
  ),
  plans: z.array(plan),
});

/** What the renderer builds: the schema's output, read-only (the model's own arrays are used as they are). */
type DeepReadonly<T> = T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
export type JsonReport = DeepReadonly<z.output<typeof reportSchema>>;
export type JsonPlan = DeepReadonly<z.output<typeof plan>>;
export type JsonChange = DeepReadonly<z.output<typeof change>>;
