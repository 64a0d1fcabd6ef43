import type { AssessedChange, PlanReport, Report } from '../core/report.js';
import { exitCodeFor } from '../core/verdict.js';
import { reportCounts } from './summary.js';

/**
 * The JSON report, schema version 1 (documented in the README). Additive changes keep the
 * version; removing or renaming a field bumps it. No values are included, only names.
 */
export const JSON_SCHEMA_VERSION = 1;

export function renderJson(report: Report, toolVersion: string): string {
  return [...renderJsonChunks(report, toolVersion)].join('');
}

/**
 * The same text as `JSON.stringify(jsonReport(…), null, 2)`, produced a change at a time, so a
 * report on hundreds of thousands of changes is never built as one object tree or one string.
 */
export function* renderJsonChunks(report: Report, toolVersion: string): Generator<string> {
  const marker = (i: number): string => `__steer_changes_${i}__`;
  const skeleton = jsonReport(report, toolVersion, (i) => marker(i));
  const text = JSON.stringify(skeleton, null, 2);
  let at = 0;
  for (const [i, plan] of report.plans.entries()) {
    const quoted = `"${marker(i)}"`;
    const where = text.indexOf(quoted, at);
    yield text.slice(at, where);
    at = where + quoted.length;
    if (plan.changes.length === 0) {
      yield '[]';
      continue;
    }
    yield '[\n        ';
    for (let from = 0; from < plan.changes.length; from += CHANGES_AT_ONCE) {
      if (from > 0) yield ',\n        ';
      yield changesText(plan.changes.slice(from, from + CHANGES_AT_ONCE));
    }
    yield '\n      ]';
  }
  yield `${text.slice(at)}\n`;
}

const CHANGES_AT_ONCE = 256;

/**
 * Changes as they sit in the document — elements of plans[i].changes, 8 spaces deep — joined
 * by ",\n": JSON.stringify indents them there itself when they are stringified at that depth,
 * so the text is cut out of a document of the same shape instead of re-indented line by line.
 */
function changesText(changes: readonly AssessedChange[]): string {
  const text = JSON.stringify({ plans: [{ changes: changes.map(jsonChange) }] }, null, 2);
  return text.slice(CHANGES_PREFIX.length, text.length - CHANGES_SUFFIX.length);
}
const CHANGES_PREFIX = '{\n  "plans": [\n    {\n      "changes": [\n        ';
const CHANGES_SUFFIX = '\n      ]\n    }\n  ]\n}';

export function jsonReport(report: Report, toolVersion: string, changesOf?: (plan: number) => unknown): unknown {
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
    plans: report.plans.map((p, i) => jsonPlan(p, changesOf ? changesOf(i) : p.changes.map(jsonChange))),
  };
}

function jsonPlan(p: PlanReport, changes: unknown): unknown {
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
    artifact: plan.artifact ?? null,
    verdict: p.verdict,
    errored: plan.errored,
    complete: plan.complete ?? null,
    incompleteReasons: plan.incompleteReasons,
    noChanges: plan.noChanges ?? false,
    notExecutable: plan.notExecutable ?? null,
    production: { signals: p.production },
    changes,
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
