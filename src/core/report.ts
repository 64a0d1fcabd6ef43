import type { StatefulCategory } from './catalog/stateful-category.js';
import type { BlastRadius } from './facts/blast-radius.js';
import type { PlanMagnitude } from './facts/magnitude.js';
import type { ProductionSignal } from './facts/production.js';
import type { JudgedIntent } from './intent/judge.js';
import type { Change, Plan } from './model.js';
import { worst, type Verdict } from './verdict.js';

/** Stable finding codes: tests assert on them, SARIF uses them as rule ids. */
export const FINDING_CODES = {
  'STEER-PLAN-ERRORED': 'The plan errored; it is not the whole change',
  'STEER-PLAN-INCOMPLETE': 'The plan is partial (targeted or deferred)',
  'STEER-DATA-LOSS': 'A stateful resource on production is destroyed',
  'STEER-DESTROY-PROD': 'A resource on production is deleted or replaced',
  'STEER-MAY-REPLACE-PROD': 'A resource on production may be replaced',
  'STEER-REPLACE-UNKNOWN': 'Whether a resource is replaced is unknown until execution',
  'STEER-FORGET-PROD': 'A production resource is removed from management',
  'STEER-PROTECTED': 'A protected resource is destroyed, replaced or forgotten',
  'STEER-PROTECTION-WEAKENED': 'A deletion protection of a stateful resource is weakened',
  'STEER-RULE': 'A steer.yml rule decided this change',
  'STEER-LIMIT': 'A limit on deletions or replacements is exceeded',
  'STEER-DESTROY': 'A resource outside production is deleted or replaced',
  'STEER-ENV-UNKNOWN': 'A resource is deleted or replaced where no signal says production or non-production',
  'STEER-DRIFT': 'Drift: a resource changed outside the tool',
  'STEER-INPUT-NOTE': 'How the input was read',
  'STEER-NOT-EXECUTABLE': 'The change set cannot be executed as it is',
  'STEER-POLICY-CHANGED': 'The pull request changes the Steer policy itself',
  'STEER-WORKFLOW-CHANGED': 'The pull request changes CI workflows, which can change the gate',
  'STEER-PROVIDERS-CHANGED': 'The pull request changes the providers Terraform runs (lock file, provider builds in the repository, CLI configuration)',
  'STEER-TOOLCHAIN-CHANGED': 'The pull request changes which Steer the workflows install (package manifest, lock file, npm settings)',
  'STEER-FILES-TRUNCATED': "GitHub's list of the pull request's files is cut short: policy and workflow edits can't be ruled out",
  'STEER-DISPROPORTIONATE': 'The plan destroys or replaces more than the task says: production resources, data or many dependents the task does not name',
  'STEER-OUT-OF-SCOPE': 'A change falls outside the scope the task declared (its addresses or actions)',
  'STEER-APPLY-TIME-CODE': 'Code of the configuration runs at plan or apply time (provisioners, external data sources)',
} as const;
export type FindingCode = keyof typeof FINDING_CODES;

export type Severity = 'info' | 'review' | 'block';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** One sentence a reviewer can act on. */
  readonly message: string;
  /** Index into Report.plans. */
  readonly plan: number;
  readonly address?: string;
}

/** A change with the facts Steer derived for it and the verdict it got. */
export interface AssessedChange {
  readonly change: Change;
  readonly stateful?: StatefulCategory;
  readonly production: readonly ProductionSignal[];
  /** Destroys (or may destroy) a stateful object's data: not retained, not snapshotted. */
  readonly dataLoss: boolean;
  readonly verdict: Verdict;
  /**
   * Set on a destructive change that no signal places in production or outside it: Steer does
   * not know where it runs (STEER-ENV-UNKNOWN), so it is reviewed, never silently allowed.
   */
  readonly unknownEnvironment?: true;
}

export interface PlanReport {
  readonly plan: Plan;
  /** Plan-level production signals (workspace, path, --env, variables, stack...). */
  readonly production: readonly ProductionSignal[];
  readonly changes: readonly AssessedChange[];
  readonly verdict: Verdict;
  /** Per destroyed or replaced resource, what depends on it (empty when the plan has no graph). */
  readonly blastRadius: readonly BlastRadius[];
  readonly magnitude: PlanMagnitude;
}

export interface Report {
  readonly verdict: Verdict;
  /** Over all plans; what approvals bind to. */
  readonly digest: string;
  readonly plans: readonly PlanReport[];
  readonly findings: readonly Finding[];
  readonly agentAuthored: boolean;
  /** The task the change was made for, as judged; undefined: no task given (no proportionality claim). */
  readonly intent?: JudgedIntent;
}

export function severityVerdict(severity: Severity): Verdict {
  return severity === 'info' ? 'allow' : severity;
}

/** Changes that do something to an existing object or create one: what a reviewer reads first. */
export function isDestructive(c: AssessedChange): boolean {
  return c.change.destroys || c.change.mayReplace || c.change.replacementUnknown || c.change.forgets;
}

/** A report with findings added from outside the plans (the PR gate's own checks), verdict recomputed. */
export function withFindings(report: Report, extra: readonly Finding[]): Report {
  if (extra.length === 0) return report;
  const findings = [...extra, ...report.findings];
  return { ...report, findings, verdict: worst([report.verdict, ...extra.map((f) => severityVerdict(f.severity))]) };
}
