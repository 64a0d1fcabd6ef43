import picomatch from 'picomatch';
import type { SteerConfig } from '../../config/schema.js';
import { matchesAnyName } from '../glob.js';
import { REDACTED, type Change, type Plan } from '../model.js';

/**
 * Which signals say "production". Plan-level signals (workspace, path, stack, account, --env,
 * root variables, stack tags) come from outside the change; change-level ones (tags *before*
 * the change, module path, address) can't be removed by the change itself, because the
 * before-state and previous address are read too.
 */
export type SignalKind = 'env' | 'workspace' | 'path' | 'stack' | 'account' | 'variable' | 'tag' | 'module' | 'name';

export interface ProductionSignal {
  readonly kind: SignalKind;
  /** What matched, e.g. `workspace "prod"` or `tag Environment=production (before)`. */
  readonly detail: string;
}

export const DEFAULT_PRODUCTION_NAMES = ['prod', 'production', 'prd', 'live'] as const;

/** Variable and tag keys that usually hold the environment name. */
const ENV_KEY = /^(env|environment|stage|tier|deployment|deployment_environment)$|[_-](env|environment|stage)$/i;

type Environment = NonNullable<SteerConfig['production']['environments']>[number];

export interface ProductionRules {
  readonly names: ReadonlySet<string>;
  readonly environments: readonly Environment[];
  /** The environments marked production, and which of them match tags (read per change). */
  readonly production: readonly Environment[];
  readonly tagEnvironments: readonly Environment[];
  /** The environments marked `production: false`: signals that a plan is known not to be production. */
  readonly nonProduction: readonly Environment[];
}

export function productionRules(config: SteerConfig): ProductionRules {
  const names = config.production.names ?? DEFAULT_PRODUCTION_NAMES;
  const environments = config.production.environments ?? [];
  const production = environments.filter((e) => e.production);
  const nonProduction = environments.filter((e) => !e.production);
  return { names: new Set(names.map((n) => n.toLowerCase())), environments, production, tagEnvironments: production.filter((e) => e.match.tags !== undefined), nonProduction };
}

/** `prodDatabase`, `envs/prod-eu/plan.json`, `module.prd_db` → their word tokens, lower-cased. */
export function nameTokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

function namedProduction(rules: ProductionRules, text: string | undefined): boolean {
  if (text === undefined) return false;
  // A token is a piece of the lower-cased text: no name inside it, no token equal to one.
  const lower = text.toLowerCase();
  let inside = false;
  for (const name of rules.names) if (lower.includes(name)) inside = true;
  return inside && nameTokens(text).some((t) => rules.names.has(t));
}

/** A non-empty environment name that is not production (nor a redacted value). */
function namesOtherEnvironment(rules: ProductionRules, value: string): boolean {
  return value.trim() !== '' && value !== REDACTED && !namedProduction(rules, value);
}

export interface PlanSignalContext {
  /** `--env NAME` given by the caller. It can add production, never take it away. */
  readonly explicitEnv?: string;
}

export function planProductionSignals(plan: Plan, rules: ProductionRules, ctx: PlanSignalContext): ProductionSignal[] {
  const signals: ProductionSignal[] = [];
  const { target } = plan;
  const prodEnvs = rules.production;

  if (ctx.explicitEnv !== undefined) {
    const configured = rules.environments.find((e) => e.name === ctx.explicitEnv);
    if (configured ? configured.production : namedProduction(rules, ctx.explicitEnv)) {
      signals.push({ kind: 'env', detail: `--env ${ctx.explicitEnv}` });
    }
  }
  if (namedProduction(rules, target.workspace)) signals.push({ kind: 'workspace', detail: `workspace "${target.workspace}"` });
  if (namedProduction(rules, target.stack)) signals.push({ kind: 'stack', detail: `stack "${target.stack}"` });
  if (target.path !== '-' && namedProduction(rules, target.path)) signals.push({ kind: 'path', detail: `plan path ${target.path}` });

  for (const env of prodEnvs) environmentSignals(signals, target, rules, env);
  for (const [name, value] of Object.entries(target.variables)) {
    if (ENV_KEY.test(name) && namedProduction(rules, value)) signals.push({ kind: 'variable', detail: `variable ${name} = "${value}"` });
  }
  tagSignals(signals, Object.keys(target.tags), target.tags, 'stack tag', rules, undefined, undefined);
  return dedupe(signals);
}

/** The plan-level signals that place `target` in `env` (a configured environment). */
function environmentSignals(signals: ProductionSignal[], target: Plan['target'], rules: ProductionRules, env: Environment): void {
  const m = env.match;
  const ws = matchesAnyName(target.workspace, m.workspaces);
  if (ws) signals.push({ kind: 'workspace', detail: `workspace "${target.workspace}" matches ${env.name} (${ws})` });
  const st = matchesAnyName(target.stack, m.stacks);
  if (st) signals.push({ kind: 'stack', detail: `stack "${target.stack}" matches ${env.name} (${st})` });
  if (target.account !== undefined && m.accounts?.includes(target.account)) {
    signals.push({ kind: 'account', detail: `account ${target.account} belongs to ${env.name}` });
  }
  if (target.path !== '-' && m.paths) {
    const path = target.path.replace(/^\.\//, '');
    const hit = m.paths.find((p) => picomatch(p, { dot: true })(path));
    if (hit) signals.push({ kind: 'path', detail: `plan path ${target.path} matches ${env.name} (${hit})` });
  }
  for (const [name, patterns] of Object.entries(m.variables ?? {})) {
    const hit = matchesAnyName(target.variables[name], patterns);
    if (hit) signals.push({ kind: 'variable', detail: `variable ${name} = "${target.variables[name]}" matches ${env.name}` });
  }
  tagSignals(signals, Object.keys(target.tags), target.tags, 'stack tag', rules, m.tags, env.name);
}

/**
 * What says a plan is *not* production: `--env NAME` that is not a production environment, or a
 * steer.yml environment with `production: false` matching the plan. With neither (and no
 * production signal), the environment is unknown: a destructive change there is never a silent allow.
 */
export function planNonProductionSignals(plan: Plan, rules: ProductionRules, ctx: PlanSignalContext): ProductionSignal[] {
  const signals: ProductionSignal[] = [];
  if (ctx.explicitEnv !== undefined) {
    const configured = rules.environments.find((e) => e.name === ctx.explicitEnv);
    if (configured ? !configured.production : !namedProduction(rules, ctx.explicitEnv)) signals.push({ kind: 'env', detail: `--env ${ctx.explicitEnv}` });
  }
  for (const env of rules.nonProduction) environmentSignals(signals, plan.target, rules, env);
  // `environment = "staging"`: an environment variable or stack tag that names something else than production.
  for (const [name, value] of Object.entries(plan.target.variables)) {
    if (ENV_KEY.test(name) && namesOtherEnvironment(rules, value)) signals.push({ kind: 'variable', detail: `variable ${name} = "${value}"` });
  }
  for (const [key, value] of Object.entries(plan.target.tags)) {
    if (isEnvironmentKey(key) && namesOtherEnvironment(rules, value)) signals.push({ kind: 'tag', detail: `stack tag ${key}=${value}` });
  }
  return dedupe(signals);
}

/**
 * Change-level signals of a `production: false` environment: its module path, and the tags the
 * object has *before* the change (a change can add a tag, so tags it adds claim nothing).
 */
export function changeNonProductionSignals(change: Change, rules: ProductionRules): ProductionSignal[] {
  const signals: ProductionSignal[] = [];
  for (const env of rules.nonProduction) {
    const mod = matchesAnyName(change.module, env.match.modules);
    if (mod) signals.push({ kind: 'module', detail: `module ${change.module} matches ${env.name} (${mod})` });
    if (env.match.tags === undefined) continue;
    tagSignals(signals, Object.keys(change.tagsBefore), change.tagsBefore, 'tag', rules, env.match.tags, env.name, ' (before)');
  }
  for (const [key, value] of Object.entries(change.tagsBefore)) {
    if (isEnvironmentKey(key) && namesOtherEnvironment(rules, value)) signals.push({ kind: 'tag', detail: `tag ${key}=${value} (before)` });
  }
  return signals;
}

export function changeProductionSignals(change: Change, rules: ProductionRules): ProductionSignal[] {
  const signals: ProductionSignal[] = [];
  const { tagsBefore: before, tagsAfter: after } = change;
  const beforeKeys = Object.keys(before);
  const afterKeys = Object.keys(after);
  if (beforeKeys.length > 0 || afterKeys.length > 0) {
    // A tag the change keeps is one signal; one it adds or removes says which side it is on.
    const { kept, onlyBefore, onlyAfter } = partitionTags(before, beforeKeys, after, afterKeys);
    for (let e = -1; e < rules.tagEnvironments.length; e++) {
      const env = e < 0 ? undefined : rules.tagEnvironments[e]!;
      tagSignals(signals, kept, before, 'tag', rules, env?.match.tags, env?.name);
      tagSignals(signals, onlyBefore, before, 'tag', rules, env?.match.tags, env?.name, ' (before)');
      tagSignals(signals, onlyAfter, after, 'tag', rules, env?.match.tags, env?.name, ' (after)');
    }
  }
  for (const env of rules.production) {
    const mod = matchesAnyName(change.module, env.match.modules);
    if (mod) signals.push({ kind: 'module', detail: `module ${change.module} matches ${env.name} (${mod})` });
  }
  if (namedProduction(rules, change.module)) signals.push({ kind: 'module', detail: `module path ${change.module}` });
  else if (namedProduction(rules, change.address)) signals.push({ kind: 'name', detail: `resource name ${change.address}` });
  else if (namedProduction(rules, change.previousAddress)) signals.push({ kind: 'name', detail: `resource name ${change.previousAddress}` });
  return signals.length > 1 ? dedupe(signals) : signals;
}

type Tags = Readonly<Record<string, string>>;

/** Adds to `out` the production signals of the tags named `keys` (own keys of `tags`, in their order). Runs per change: no pairs built. */
function tagSignals(
  out: ProductionSignal[],
  keys: readonly string[],
  tags: Tags,
  label: string,
  rules: ProductionRules,
  configured: Readonly<Record<string, readonly string[]>> | undefined,
  envName: string | undefined,
  suffix = '',
): void {
  for (const key of keys) {
    const value = tags[key]!;
    if (configured) {
      const patterns = Object.entries(configured).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      if (matchesAnyName(value, patterns)) out.push({ kind: 'tag', detail: `${label} ${key}=${value}${suffix} matches ${envName}` });
    } else if (isEnvironmentKey(key) && namedProduction(rules, value)) {
      out.push({ kind: 'tag', detail: `${label} ${key}=${value}${suffix}` });
    }
  }
}

/** ENV_KEY's verdict, remembered: the same few tag keys come back on every resource. */
function isEnvironmentKey(key: string): boolean {
  let known = environmentKeys.get(key);
  if (known === undefined) {
    known = ENV_KEY.test(key);
    if (environmentKeys.size < 10_000) environmentKeys.set(key, known);
  }
  return known;
}
const environmentKeys = new Map<string, boolean>();

/** The keys of tags with the same value before and after, and of those only on one side (or changed), in their order. */
function partitionTags(before: Tags, beforeKeys: readonly string[], after: Tags, afterKeys: readonly string[]): { kept: readonly string[]; onlyBefore: readonly string[]; onlyAfter: readonly string[] } {
  const kept: string[] = [];
  const onlyBefore: string[] = [];
  // Own properties only: a tag may be called "constructor" or "__proto__".
  for (const key of beforeKeys) (Object.hasOwn(after, key) && after[key] === before[key] ? kept : onlyBefore).push(key);
  const onlyAfter = kept.length === 0 ? afterKeys : afterKeys.filter((key) => !kept.includes(key));
  return { kept, onlyBefore, onlyAfter };
}

function dedupe(signals: ProductionSignal[]): ProductionSignal[] {
  const seen = new Set<string>();
  return signals.filter((s) => !seen.has(s.detail) && seen.add(s.detail));
}
