import type { AssessedChange, PlanReport, Report } from '../core/report.js';
import { exitCodeFor } from '../core/verdict.js';
import { jsonIntent, jsonJudgment } from './judgment.js';
import type { JsonChange, JsonPlan, JsonReport } from './report-schema.js';
import { reportCounts } from './summary.js';

/**
 * The JSON report: its shape is the zod schema in report-schema.ts (schema/report.schema.json,
 * docs/reports.md). "major.minor": a minor version adds fields or lists less; a removal or a
 * rename bumps the major. 1.1: no-ops are counted, not listed (unless asked); summary.production
 * counts changes only; forcedValues and unknownEnvironment per change; noOpsListed.
 * No values are included but the masked, shortened values of the attributes forcing a replacement.
 */
export const JSON_SCHEMA_VERSION = 1;
/** Fields added within version 1 (minor 1): intent, magnitude, blastRadius, dependencySources, artifact, forcedValues, unknownEnvironment, noOpsListed; no-ops counted, listed only with --include-no-op. */
export const JSON_SCHEMA_MINOR_VERSION = 1;

export interface JsonOptions {
  /** List no-op changes too (`--include-no-op`); otherwise they are only counted in the summary. */
  readonly includeNoOp?: boolean;
}

export function renderJson(report: Report, toolVersion: string, options: JsonOptions = {}): string {
  return [...renderJsonChunks(report, toolVersion, options)].join('');
}

/** The changes of a plan the report lists. */
function listed(plan: PlanReport, options: JsonOptions): readonly AssessedChange[] {
  return options.includeNoOp ? plan.changes : plan.changes.filter((c) => c.change.action !== 'no-op');
}

/**
 * The same text as `JSON.stringify(jsonReport(…), null, 2)`, produced a change at a time, so a
 * report on hundreds of thousands of changes is never built as one object tree or one string.
 */
export function* renderJsonChunks(report: Report, toolVersion: string, options: JsonOptions = {}): Generator<string> {
  const marker = (i: number): string => `__steer_changes_${i}__`;
  const skeleton = jsonReport(report, toolVersion, options, (i) => marker(i));
  const text = JSON.stringify(skeleton, null, 2);
  let at = 0;
  for (const [i, plan] of report.plans.entries()) {
    const quoted = `"${marker(i)}"`;
    const where = text.indexOf(quoted, at);
    yield text.slice(at, where);
    at = where + quoted.length;
    const changes = listed(plan, options);
    if (changes.length === 0) {
      yield '[]';
      continue;
    }
    yield '[\n        ';
    for (let from = 0; from < changes.length; from += CHANGES_AT_ONCE) {
      if (from > 0) yield ',\n        ';
      yield changesText(changes.slice(from, from + CHANGES_AT_ONCE));
    }
    yield '\n      ]';
  }
  yield `${text.slice(at)}\n`;
}

const CHANGES_AT_ONCE = 32;

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

/** `changesOf`: a stand-in for each plan's changes (the chunked writer puts a marker there). */
export function jsonReport(report: Report, toolVersion: string, options: JsonOptions = {}, changesOf?: (plan: number) => string): JsonReport {
  const all = report.plans.flatMap((p) => p.changes);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'steer', version: toolVersion },
    verdict: report.verdict,
    exitCode: exitCodeFor(report.verdict),
    digest: report.digest,
    agentAuthored: report.agentAuthored,
    noOpsListed: options.includeNoOp === true,
    summary: {
      ...reportCounts(report),
      dataLoss: all.filter((c) => c.dataLoss).length,
      production: all.filter((c) => c.production.length > 0 && c.change.action !== 'no-op' && c.change.action !== 'read').length,
    },
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, plan: f.plan, address: f.address ?? null })),
    // The marker stands where the changes go: the writer replaces it, the text never holds it.
    plans: report.plans.map((p, i) => jsonPlan(p, changesOf ? (changesOf(i) as unknown as readonly JsonChange[]) : listed(p, options).map(jsonChange))),
    schemaMinorVersion: JSON_SCHEMA_MINOR_VERSION,
    intent: jsonIntent(report),
  };
}

function jsonPlan(p: PlanReport, changes: readonly JsonChange[]): JsonPlan {
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
    ...jsonJudgment(p),
  };
}

function jsonChange(c: AssessedChange): JsonChange {
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
    unknownEnvironment: c.unknownEnvironment === true,
    actionReason: ch.reasons.actionReason ?? null,
    forcedBy: ch.reasons.forcedBy,
    forcedValues: ch.forcedValues ?? [],
    reasons: [...ch.reasons.forcedBy.map((p) => `${p} forces replacement`), ...ch.reasons.notes, ...(ch.policyAction ? [`PolicyAction ${ch.policyAction}`] : [])],
    protectionWeakened: ch.protectionWeakened ?? null,
    changedAttributes: ch.changedAttributes,
    verdict: c.verdict,
  };
}
