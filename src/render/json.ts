import type { AssessedChange, PlanReport, Report } from '../core/report.js';
import { exitCodeFor } from '../core/verdict.js';
import { reportCounts } from './summary.js';

/**
 * The JSON report, schema version 1 (documented in the README). Additive changes keep the
 * version; removing or renaming a field bumps it. No values are included, only names.
 */
export const JSON_SCHEMA_VERSION = 1;

export function renderJson(report: Report, toolVersion: string): string {
  return `${JSON.stringify(jsonReport(report, toolVersion), null, 2)}\n`;
}

export function jsonReport(report: Report, toolVersion: string): unknown {
  const all = report.plans.flatMap((p) => p.changes);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'steer', version: toolVersion },
    verdict: report.verdict,
    exitCode: exitCodeFor(report.verdict),
    digest: report.digest,
    agentAuthored: report.agentAuthored,
    summary: {
      ...reportCounts(report),
      dataLoss: all.filter((c) => c.dataLoss).length,
      production: all.filter((c) => c.production.length > 0).length,
    },
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, plan: f.plan, address: f.address ?? null })),
    plans: report.plans.map(jsonPlan),
  };
}

function jsonPlan(p: PlanReport): unknown {
  const { plan } = p;
  const t = plan.target;
  return {
    path: t.path,
    source: plan.source,
    formatVersion: plan.formatVersion ?? null,
    toolVersion: plan.toolVersion ?? null,
    workspace: t.workspace ?? null,
    stack: t.stack ?? null,
    changeSetArn: t.changeSetArn ?? null,
    account: t.account ?? null,
    region: t.region ?? null,
    digest: plan.digest,
    verdict: p.verdict,
    errored: plan.errored,
    complete: plan.complete ?? null,
    incompleteReasons: plan.incompleteReasons,
    noChanges: plan.noChanges ?? false,
    notExecutable: plan.notExecutable ?? null,
    production: { signals: p.production },
    changes: p.changes.map(jsonChange),
    drift: plan.drift.map((d) => ({ address: d.address, type: d.type, action: d.action })),
    outputs: plan.outputs.map((o) => ({ name: o.name, action: o.action, sensitive: o.sensitive })),
    deferred: plan.deferred.map((d) => ({ address: d.change.address, action: d.change.action, reason: d.reason })),
    inputNotes: plan.inputNotes,
  };
}

function jsonChange(c: AssessedChange): unknown {
  const ch = c.change;
  return {
    address: ch.address,
    type: ch.type,
    provider: ch.provider ?? null,
    module: ch.module ?? null,
    mode: ch.mode,
    action: ch.action,
    sourceActions: ch.sourceActions,
    replaceOrder: ch.replaceOrder ?? null,
    destroys: ch.destroys,
    mayReplace: ch.mayReplace,
    replacementUnknown: ch.replacementUnknown,
    forgets: ch.forgets,
    previousAddress: ch.previousAddress ?? null,
    deposed: ch.deposedKey ?? null,
    importing: ch.importing,
    policyAction: ch.policyAction ?? null,
    stateful: c.stateful !== undefined,
    statefulCategory: c.stateful ?? null,
    dataLoss: c.dataLoss,
    production: c.production.length > 0,
    productionSignals: c.production,
    actionReason: ch.reasons.actionReason ?? null,
    forcedBy: ch.reasons.forcedBy,
    reasons: [...ch.reasons.forcedBy.map((p) => `${p} forces replacement`), ...ch.reasons.notes, ...(ch.policyAction ? [`PolicyAction ${ch.policyAction}`] : [])],
    protectionWeakened: ch.protectionWeakened ?? null,
    changedAttributes: ch.changedAttributes,
    verdict: c.verdict,
  };
}
