import * as z from 'zod';
import { ACTIONS } from '../core/model.js';

/**
 * steer.yml. Every field is optional; the defaults (no file at all) are in `defaults.ts`.
 * The JSON Schema in `schema/steer.schema.json` is generated from this (npm run schema).
 */
const verdict = z.enum(['allow', 'review', 'block']);
const globs = z.array(z.string().min(1)).describe('glob patterns: * matches anything, ? one character');
const stringMap = z.record(z.string(), z.array(z.string().min(1)));

const environmentMatch = z
  .strictObject({
    workspaces: globs.optional().describe('Terraform workspace names'),
    paths: globs.optional().describe('plan file paths, relative to the working directory'),
    stacks: globs.optional().describe('CloudFormation stack names'),
    accounts: z.array(z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id')).optional(),
    variables: stringMap.optional().describe('root variable name → values (globs) that mean this environment'),
    tags: stringMap.optional().describe('tag/label key → values (globs) that mean this environment'),
    modules: globs.optional().describe('module addresses, e.g. module.prod_*'),
  })
  .describe('signals that place a plan or a change in this environment');

const environment = z.strictObject({
  name: z.string().min(1),
  production: z.boolean().default(false),
  match: environmentMatch.default({}),
});

const ruleMatch = z.strictObject({
  environment: z.enum(['production', 'non-production', 'any']).default('any'),
  actions: z.array(z.enum(ACTIONS)).optional(),
  stateful: z.boolean().optional(),
  dataLoss: z.boolean().optional(),
  types: globs.optional(),
  addresses: globs.optional(),
  agent: z.boolean().optional().describe('true: only agent-authored changes; false: only human ones'),
});

const rule = z.strictObject({
  name: z.string().min(1).optional(),
  match: ruleMatch.default({ environment: 'any' }),
  verdict,
  reason: z.string().optional(),
});

const limit = z.strictObject({
  environment: z.enum(['production', 'non-production', 'any']).default('any'),
  maxDeletes: z.number().int().nonnegative().optional(),
  maxReplaces: z.number().int().nonnegative().optional(),
  verdict: verdict.default('block'),
});

const protectedResource = z
  .strictObject({ addresses: globs.optional(), types: globs.optional(), reason: z.string().optional() })
  .refine((p) => (p.addresses?.length ?? 0) + (p.types?.length ?? 0) > 0, 'give addresses or types');

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  production: z
    .strictObject({
      names: z
        .array(z.string().min(1))
        .optional()
        .describe('name tokens that mean production (default: prod, production, prd, live)'),
      environments: z.array(environment).optional(),
    })
    .default({}),
  stateful: z
    .strictObject({ add: z.array(z.string().min(1)).default([]), remove: z.array(z.string().min(1)).default([]) })
    .default({ add: [], remove: [] }),
  rules: z.array(rule).default([]).describe('first matching rule decides a change; unmatched changes use the defaults'),
  limits: z.array(limit).default([]),
  protected: z.array(protectedResource).default([]).describe('resources whose deletion or replacement is always blocked'),
  approvals: z
    .strictObject({
      required: z.number().int().positive().default(1),
      users: z.array(z.string().min(1)).default([]).describe('only these logins may approve (empty: any human but the author)'),
      teams: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected org/team-slug')).default([]).describe('members of these teams may approve too (org/team-slug)'),
      maxAgeHours: z.number().positive().default(72).describe('steer apply/execute refuse an approval older than this'),
      signedChecks: z.boolean().default(false).describe('kept for older files: steer apply/execute always require a signed check unless approvals.gateApp or approvals.trustUnsignedChecks says otherwise'),
      gateApp: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a GitHub App slug')
        .optional()
        .describe('the slug of the GitHub App the PR gate runs as (a token from actions/create-github-app-token): steer apply/execute then trust a steer check written by that app, without a signing key'),
      trustUnsignedChecks: z
        .boolean()
        .default(false)
        .describe('DANGEROUS opt-out: steer apply/execute accept an unsigned steer check by GitHub Actions, which any workflow or token with checks: write can create'),
    })
    .default({ required: 1, users: [], teams: [], maxAgeHours: 72, signedChecks: false, trustUnsignedChecks: false })
    .describe('who can approve a plan that needs review, in the pull request'),
  reviewers: z
    .strictObject({ users: z.array(z.string().min(1)).default([]), teams: z.array(z.string().min(1)).default([]) })
    .default({ users: [], teams: [] })
    .describe('review requested from these when a plan needs review'),
  guard: z
    .strictObject({
      deny: z.array(z.string().min(1)).default([]).describe('extra denied command prefixes, words may be globs: "kubectl delete", "helm uninstall *"'),
      allow: z.array(z.string().min(1)).default([]).describe('whole commands allowed even when denied by default, words may be globs, a final ** matches any further words: "terraform apply -target=module.sandbox*"'),
    })
    .default({ deny: [], allow: [] })
    .describe('steer guard: what agents may not run directly'),
  agents: z
    .strictObject({ logins: z.array(z.string().min(1)).default([]) })
    .default({ logins: [] })
    .describe('extra logins that count as AI agents'),
});

export type SteerConfig = z.output<typeof configSchema>;
export type Rule = SteerConfig['rules'][number];
export type EnvironmentConfig = NonNullable<SteerConfig['production']['environments']>[number];
