import type { Rule, SteerConfig } from '../../config/schema.js';
import { matchesAnyName } from '../glob.js';
import type { AssessedChange, Finding, Severity } from '../report.js';

/** What the policy says about one change, before plan-level checks. */
export interface ChangeFinding {
  readonly code: Finding['code'];
  readonly severity: Severity;
  readonly message: string;
}

export interface ChangeContext {
  readonly agentAuthored: boolean;
}

/**
 * Order of precedence: protected resources (always block) → the first matching steer.yml
 * rule → the defaults. Every finding names the action, the reason and the production signal.
 */
export function changeFindings(c: AssessedChange, config: SteerConfig, ctx: ChangeContext): ChangeFinding[] {
  const out: ChangeFinding[] = [];
  const { change } = c;
  const risky = change.destroys || change.mayReplace || change.replacementUnknown || change.forgets;

  if (risky) {
    const hit = protectedBy(c, config);
    if (hit) {
      out.push({ code: 'STEER-PROTECTED', severity: 'block', message: `${describe(c)}, but it is protected (${hit}).` });
    }
  }
  if (change.protectionWeakened !== undefined && c.stateful !== undefined) {
    out.push({
      code: 'STEER-PROTECTION-WEAKENED',
      severity: c.production.length > 0 ? 'review' : 'info',
      message: `${change.address} (${c.stateful}): ${change.protectionWeakened}${productionSuffix(c)}.`,
    });
  }
  if (change.replacementUnknown) {
    out.push({
      code: 'STEER-REPLACE-UNKNOWN',
      severity: 'review',
      message: `${change.address} is modified and the source cannot say whether it will be replaced; treat it as a possible replacement.`,
    });
  }

  const rule = firstMatchingRule(c, config.rules, ctx);
  if (rule) {
    const label = rule.name ?? `rules[${config.rules.indexOf(rule)}]`;
    const why = rule.reason ? `: ${rule.reason}` : '';
    out.push({
      code: 'STEER-RULE',
      severity: rule.verdict === 'allow' ? 'info' : rule.verdict,
      message: `${describe(c)}; rule "${label}" says ${rule.verdict}${why}.`,
    });
    return out;
  }
  out.push(...defaultFindings(c));
  return out;
}

function defaultFindings(c: AssessedChange): ChangeFinding[] {
  const { change } = c;
  const prod = c.production.length > 0;
  if (change.destroys) {
    if (prod && c.dataLoss) return [{ code: 'STEER-DATA-LOSS', severity: 'review', message: `${describe(c)} — DATA LOSS${productionSuffix(c)}.` }];
    if (prod) return [{ code: 'STEER-DESTROY-PROD', severity: 'review', message: `${describe(c)}${productionSuffix(c)}.` }];
    if (c.unknownEnvironment) return [unknownEnvironment(c)];
    return [{ code: 'STEER-DESTROY', severity: 'info', message: `${describe(c)}${c.dataLoss ? ' — data loss outside production' : ''}.` }];
  }
  if (c.unknownEnvironment) return [unknownEnvironment(c)];
  if (change.mayReplace && prod) {
    return [{ code: 'STEER-MAY-REPLACE-PROD', severity: 'review', message: `${describe(c)}${c.dataLoss ? ' — possible DATA LOSS' : ''}${productionSuffix(c)}.` }];
  }
  if (change.forgets && prod) {
    return [{ code: 'STEER-FORGET-PROD', severity: 'review', message: `${describe(c)}${productionSuffix(c)}.` }];
  }
  return [];
}

/** Not knowing where a destructive change runs is never a silent allow. */
function unknownEnvironment(c: AssessedChange): ChangeFinding {
  return {
    code: 'STEER-ENV-UNKNOWN',
    severity: 'review',
    message:
      `${describe(c)}${c.dataLoss ? ' — possible DATA LOSS' : ''}, and no signal says whether this is production or not. ` +
      'Declare the environment: --env NAME, or steer.yml production.environments (production: true or false).',
  };
}

function firstMatchingRule(c: AssessedChange, rules: readonly Rule[], ctx: ChangeContext): Rule | undefined {
  const { change } = c;
  return rules.find(({ match: m }) => {
    // Rules without an action list apply to changes that do something.
    if (m.actions ? !m.actions.includes(change.action) : change.action === 'no-op' || change.action === 'read') return false;
    if (m.environment === 'production' && c.production.length === 0) return false;
    // An unknown environment is not known to be non-production.
    if (m.environment === 'non-production' && (c.production.length > 0 || c.unknownEnvironment)) return false;
    if (m.stateful !== undefined && m.stateful !== (c.stateful !== undefined)) return false;
    if (m.dataLoss !== undefined && m.dataLoss !== c.dataLoss) return false;
    if (m.agent !== undefined && m.agent !== ctx.agentAuthored) return false;
    if (m.types && !matchesAnyName(change.type, m.types)) return false;
    if (m.addresses && !matchesAnyName(change.address, m.addresses) && !matchesAnyName(change.previousAddress, m.addresses)) return false;
    return true;
  });
}

function protectedBy(c: AssessedChange, config: SteerConfig): string | undefined {
  for (const p of config.protected) {
    const hit =
      matchesAnyName(c.change.address, p.addresses) ??
      matchesAnyName(c.change.previousAddress, p.addresses) ??
      matchesAnyName(c.change.type, p.types);
    if (hit) return `steer.yml protected: ${hit}${p.reason ? ` — ${p.reason}` : ''}`;
  }
  return undefined;
}

/** `aws_db_instance.main (database) is replaced (delete before create) because engine_version forces replacement` */
export function describe(c: AssessedChange): string {
  const { change } = c;
  const what = `${change.address}${change.deposedKey ? ` (deposed ${change.deposedKey})` : ''}${c.stateful ? ` (${c.stateful})` : ''}`;
  let verb: string;
  switch (change.action) {
    case 'replace':
      verb = change.replaceOrder === 'create-before-destroy' ? 'is replaced (new one created first, then the old one destroyed)' : 'is replaced (destroyed first, then re-created)';
      break;
    case 'delete':
      verb = 'is deleted';
      break;
    case 'forget':
      verb = change.replaceOrder ? 'is forgotten and a new one created (the old one keeps running, unmanaged)' : 'is forgotten (it keeps running, no longer managed)';
      break;
    case 'update':
      verb = change.mayReplace ? 'may be replaced' : 'is updated in place';
      break;
    case 'create':
      verb = 'is created';
      break;
    case 'read':
      verb = 'is read';
      break;
    case 'no-op':
      verb = change.mayReplace ? 'may be replaced' : 'is unchanged';
      break;
    case 'move':
      verb = `is moved from ${change.previousAddress ?? 'another address'}`;
      break;
    case 'import':
      verb = 'is imported';
      break;
    default: {
      const never: never = change.action;
      throw new Error(`unhandled action ${String(never)}`);
    }
  }
  const because: string[] = [];
  if (change.reasons.forcedBy.length > 0) because.push(`${change.reasons.forcedBy.join(', ')} forces replacement`);
  because.push(...change.reasons.notes);
  if (change.policyAction) because.push(`PolicyAction ${change.policyAction}`);
  return `${what} ${verb}${because.length > 0 ? ` because ${because.join('; ')}` : ''}`;
}

export function productionSuffix(c: AssessedChange): string {
  return c.production.length > 0 ? ` on production (${c.production.map((s) => s.detail).join(', ')})` : '';
}
