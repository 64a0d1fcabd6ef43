import type { SteerConfig } from '../config/schema.js';
import { reportDigest } from './digest.js';
import { changeNonProductionSignals, changeProductionSignals, planNonProductionSignals, planProductionSignals, productionRules } from './facts/production.js';
import { blastRadii } from './facts/blast-radius.js';
import { planMagnitude } from './facts/magnitude.js';
import { statefulCatalog } from './facts/stateful.js';
import type { Intent } from './intent/intent.js';
import { judgeIntent } from './intent/judge.js';
import type { Change, Plan } from './model.js';
import { applyTimeCode } from './policy/apply-time-code.js';
import { changeFindings } from './policy/change-policy.js';
import { planFindings } from './policy/plan-policy.js';
import { proportionFindings } from './policy/proportion-policy.js';
import type { AssessedChange, Finding, PlanReport, Report } from './report.js';
import { isDestructive, severityVerdict } from './report.js';
import { worst } from './verdict.js';

export interface AssessOptions {
  readonly config: SteerConfig;
  /** `--env NAME`: can add production, never remove it. */
  readonly explicitEnv?: string;
  /** The change was authored by an AI agent (rules may be stricter). */
  readonly agentAuthored?: boolean;
  /** The task the change was made for: what proportionality is judged against (none: no claim). */
  readonly intent?: Intent;
}

/** Plans → facts → policy → one Report. Pure: the same inputs give the same report. */
export function assess(plans: readonly Plan[], options: AssessOptions): Report {
  const { config } = options;
  const rules = productionRules(config);
  const catalog = statefulCatalog(config.stateful);
  const agentAuthored = options.agentAuthored ?? false;
  const findings: Finding[] = [];
  const planReports: PlanReport[] = [];
  const intent = options.intent !== undefined ? judgeIntent(options.intent) : undefined;

  for (const [index, plan] of plans.entries()) {
    const signalContext = { ...(options.explicitEnv !== undefined ? { explicitEnv: options.explicitEnv } : {}) };
    const planSignals = planProductionSignals(plan, rules, signalContext);
    // Computed only if a destructive change has no production signal (most plans never need it).
    let planNonProduction: boolean | undefined;
    const knownNonProduction = (change: Change): boolean => {
      planNonProduction ??= planNonProductionSignals(plan, rules, signalContext).length > 0;
      return planNonProduction || changeNonProductionSignals(change, rules).length > 0;
    };
    const assessChange = (change: Change): AssessedChange => {
      const stateful = catalog.categoryOf(change.type);
      // Changes that do nothing carry only the plan's signals: their own can't matter to the verdict.
      const idle = change.action === 'no-op' || change.action === 'read';
      const own = idle ? [] : changeProductionSignals(change, rules);
      const production = own.length === 0 ? planSignals : [...planSignals, ...own];
      const retained = change.policyAction !== undefined && /Retain|Snapshot/.test(change.policyAction);
      const dataLoss = stateful !== undefined && change.mode === 'managed' && (change.destroys || change.mayReplace || change.replacementUnknown) && !retained;
      const assessed: AssessedChange = { change, production, dataLoss, verdict: 'allow' };
      if (stateful !== undefined) (assessed as { stateful?: string }).stateful = stateful;
      if (production.length === 0 && change.mode === 'managed' && isDestructive(assessed) && !knownNonProduction(change)) {
        (assessed as { unknownEnvironment?: true }).unknownEnvironment = true;
      }
      return assessed;
    };

    const changes: AssessedChange[] = [];
    const planLevel: Finding[] = [];
    const context = { agentAuthored };
    const applyTime = applyTimeCode(plan);
    for (const raw of plan.changes) {
      const assessed = assessChange(raw);
      const found = changeFindings(assessed, config, context);
      for (const f of applyTime.forChange(assessed)) found.push(f);
      // Most changes have no finding: keep the object assessChange made.
      changes.push(found.length === 0 ? assessed : { ...assessed, verdict: worst(found.map((f) => severityVerdict(f.severity))) });
      for (const f of found) planLevel.push({ ...f, plan: index, address: raw.address });
    }
    const drift = plan.drift.map(assessChange);
    planLevel.push(...planFindings(plan, index, changes, drift, planSignals, config));
    for (const f of applyTime.forPlan(changes, planSignals)) planLevel.push({ ...f, plan: index });
    const blastRadius = blastRadii(plan, changes, catalog, planSignals.length > 0);
    planLevel.push(...proportionFindings(intent, index, changes, blastRadius, config, agentAuthored));
    findings.push(...planLevel);
    planReports.push({
      plan,
      production: planSignals,
      changes,
      verdict: worst(planLevel.map((f) => severityVerdict(f.severity))),
      blastRadius,
      magnitude: planMagnitude(changes, blastRadius),
    });
  }

  return {
    verdict: worst(findings.map((f) => severityVerdict(f.severity))),
    digest: reportDigest(plans.map((p) => p.digest)),
    plans: planReports,
    findings: sortFindings(findings),
    agentAuthored,
    ...(intent !== undefined ? { intent } : {}),
  };
}

const SEVERITY_ORDER = { block: 0, review: 1, info: 2 } as const;

/** Blocks first, then reviews, then information; stable within a severity. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
