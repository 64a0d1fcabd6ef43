import type { SteerConfig } from '../../config/schema.js';
import type { ProductionSignal } from '../facts/production.js';
import type { Plan } from '../model.js';
import type { AssessedChange, Finding } from '../report.js';
import { describe } from './change-policy.js';

/**
 * Plan-level findings: an errored or partial plan (fail closed), limits on the number of
 * deletions and replacements, drift, and how the input was read.
 */
export function planFindings(
  plan: Plan,
  index: number,
  changes: readonly AssessedChange[],
  drift: readonly AssessedChange[],
  planSignals: readonly ProductionSignal[],
  config: SteerConfig,
): Finding[] {
  const out: Finding[] = [];
  const at = (f: Omit<Finding, 'plan'>): void => void out.push({ ...f, plan: index });

  if (plan.errored) {
    at({ code: 'STEER-PLAN-ERRORED', severity: 'block', message: `${plan.target.path}: ${plan.incompleteReasons[0] ?? 'the plan errored'}. Fix the errors and plan again.` });
  } else if (plan.incompleteReasons.length > 0) {
    at({ code: 'STEER-PLAN-INCOMPLETE', severity: 'review', message: `${plan.target.path}: ${plan.incompleteReasons.join('; ')}.` });
  }
  if (plan.notExecutable !== undefined) {
    at({ code: 'STEER-NOT-EXECUTABLE', severity: 'review', message: `${plan.target.path}: ${plan.notExecutable}.` });
  }

  for (const limit of config.limits) {
    const inScope = changes.filter((c) =>
      limit.environment === 'any' ? true : limit.environment === 'production' ? c.production.length > 0 : c.production.length === 0,
    );
    const deletes = inScope.filter((c) => c.change.action === 'delete').length;
    const replaces = inScope.filter((c) => c.change.action === 'replace' || c.change.mayReplace).length;
    const scope = limit.environment === 'any' ? '' : ` on ${limit.environment}`;
    if (limit.maxDeletes !== undefined && deletes > limit.maxDeletes) {
      at({ code: 'STEER-LIMIT', severity: limit.verdict === 'allow' ? 'info' : limit.verdict, message: `${deletes} deletions${scope} exceed the limit of ${limit.maxDeletes}.` });
    }
    if (limit.maxReplaces !== undefined && replaces > limit.maxReplaces) {
      at({ code: 'STEER-LIMIT', severity: limit.verdict === 'allow' ? 'info' : limit.verdict, message: `${replaces} replacements${scope} exceed the limit of ${limit.maxReplaces}.` });
    }
  }

  for (const d of drift) {
    if (d.change.action === 'no-op' || d.change.action === 'read') continue;
    const what = d.change.action === 'delete' ? 'was deleted outside the tool' : `changed outside the tool (${d.change.action})`;
    at({ code: 'STEER-DRIFT', severity: 'info', message: `Drift, not planned work: ${d.change.address} ${what}.`, address: d.change.address });
  }
  for (const d of plan.deferred) {
    at({ code: 'STEER-PLAN-INCOMPLETE', severity: 'review', message: `Deferred (${d.reason}): ${describe({ change: d.change, production: planSignals, dataLoss: false, verdict: 'allow' })}.`, address: d.change.address });
  }
  for (const note of plan.inputNotes) at({ code: 'STEER-INPUT-NOTE', severity: 'info', message: `${plan.target.path}: ${note}.` });
  return out;
}
