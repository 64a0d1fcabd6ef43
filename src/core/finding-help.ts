import type { FindingCode } from './report.js';

/**
 * What each finding code means and what to do about it: the SARIF rules' `fullDescription` and
 * `help`, kept as data beside the codes (report.ts) so a new code can't be added without them.
 */
export interface FindingHelp {
  /** Why Steer reports it. */
  readonly description: string;
  /** What the reviewer or author does next. */
  readonly help: string;
}

export const FINDING_HELP: Record<FindingCode, FindingHelp> = {
  'STEER-PLAN-ERRORED': {
    description: 'Terraform reported errors while planning (errored: true). What the plan shows is not the whole change, so it is blocked.',
    help: 'Fix the errors shown by terraform plan, plan again and run Steer on the new plan.',
  },
  'STEER-PLAN-INCOMPLETE': {
    description: 'The plan is partial: made with -target, or with changes deferred to a later plan. Applying it does not converge, and what is missing was not checked.',
    help: 'Plan without -target (or apply the deferred changes first) and check the full plan; otherwise review what the partial plan leaves out.',
  },
  'STEER-DATA-LOSS': {
    description: 'A stateful resource (database, bucket, volume, table…) on production is deleted or replaced without a retain or snapshot policy: the data it holds is lost.',
    help: 'Check that this is intended and that a backup exists. To avoid the replacement, revert the attribute that forces it (shown with its values), or protect the resource in steer.yml.',
  },
  'STEER-DESTROY-PROD': {
    description: 'A resource on production is deleted or replaced.',
    help: 'Review the change and the attributes that force it; approve the pull request on this commit if it is intended, or change the configuration.',
  },
  'STEER-MAY-REPLACE-PROD': {
    description: 'A resource on production may be replaced (CloudFormation Replacement: Conditional): it depends on values known only when the change set runs.',
    help: 'Check the properties that may force recreation; approve if a replacement is acceptable, or change them so no replacement can happen.',
  },
  'STEER-REPLACE-UNKNOWN': {
    description: 'The source cannot say whether the resource will be replaced (a dynamic evaluation, or no Replacement given): it is treated as a possible replacement.',
    help: 'Check the change set details; approve only if a replacement of this resource is acceptable.',
  },
  'STEER-FORGET-PROD': {
    description: 'A production resource is removed from management (Terraform forget / CloudFormation Retain): it keeps running, unmanaged.',
    help: 'Make sure someone owns the resource afterwards (imported elsewhere, or cleaned up by hand).',
  },
  'STEER-PROTECTED': {
    description: 'A resource listed under protected in steer.yml is deleted, replaced or forgotten. This is always blocked, whatever the approvals.',
    help: 'Change the configuration so the protected resource is kept. If it really must go, change steer.yml on the base branch first (a reviewed change of its own).',
  },
  'STEER-PROTECTION-WEAKENED': {
    description: "A deletion protection of a stateful resource (CloudFormation DeletionPolicy or UpdateReplacePolicy) changes, which can let a later change destroy its data.",
    help: 'Check that the data is still retained or snapshotted after this change.',
  },
  'STEER-RULE': {
    description: 'A rule in steer.yml matched this change and decided its verdict.',
    help: 'Read the rule named in the message (steer.yml, on the base branch) and its reason.',
  },
  'STEER-LIMIT': {
    description: 'The plan deletes or replaces more resources than a limit in steer.yml allows.',
    help: 'Split the change into smaller plans, or review why so much is destroyed at once.',
  },
  'STEER-DESTROY': {
    description: 'A resource outside production is deleted or replaced. Reported for information; it does not need a human by default.',
    help: 'Nothing to do unless this environment is in fact production: then declare it (steer.yml production.environments, or --env).',
  },
  'STEER-ENV-UNKNOWN': {
    description: 'A resource is deleted or replaced, and no signal says whether the plan runs on production or not. Steer does not guess: it asks for review.',
    help: 'Declare the environment: run with --env NAME, or list it in steer.yml production.environments (production: true or false, matched by workspace, path, stack, account, variables, tags or modules).',
  },
  'STEER-DRIFT': {
    description: 'A resource changed outside Terraform since the last run. Drift is reported apart: it is not planned work.',
    help: 'Find out who changed it; the plan may revert or build on that change.',
  },
  'STEER-INPUT-NOTE': {
    description: 'How the input was read (encoding converted, saved plan rendered with terraform show…).',
    help: 'Nothing to do; it says what Steer looked at.',
  },
  'STEER-NOT-EXECUTABLE': {
    description: 'The CloudFormation change set cannot be executed as it is (obsolete, already executed, or failed).',
    help: 'Create a new change set and run Steer on it.',
  },
  'STEER-POLICY-CHANGED': {
    description: 'The pull request changes the Steer policy (steer.yml). The gate reads the policy from the base branch, and a change to it needs a human.',
    help: 'Review the policy change itself; it applies once merged.',
  },
  'STEER-WORKFLOW-CHANGED': {
    description: 'The pull request changes CI workflows, which can change how the gate runs.',
    help: 'Review the workflow change before approving.',
  },
  'STEER-PROVIDERS-CHANGED': {
    description: 'The pull request changes .terraform.lock.hcl, provider builds kept in the repository (terraform.d/, .terraform/) or a Terraform CLI configuration (.terraformrc, *.tfrc): other provider builds (code that runs at plan and at apply, with the credentials of each) would be used.',
    help: 'Check where the new provider versions come from and why they changed; on production a human approves the change with the plan.',
  },
  'STEER-TOOLCHAIN-CHANGED': {
    description: 'The pull request changes package.json, its lock file or npm\'s settings at the repository root: once merged, they decide which Steer the gate (with the signing key) and apply (with the cloud credentials) install — a tarball from anywhere can be pinned there.',
    help: 'Check that @steer-gate/cli still resolves to the registry\'s published package at the version you expect (the lock file\'s "resolved" and "integrity"), and that .npmrc names no other registry.',
  },
  'STEER-FILES-TRUNCATED': {
    description: "GitHub lists at most 3,000 files of a pull request: a change to steer.yml, a workflow or the lock file may be among those it did not list.",
    help: 'Review the whole pull request, or split it into smaller ones so the gate can see every file.',
  },
  'STEER-APPLY-TIME-CODE': {
    description: 'Code of the configuration runs at plan or apply time: provisioners (local-exec, remote-exec, file, destroy-time ones) or external data sources. What it does is not in the plan.',
    help: 'Read the provisioner or data source in the configuration; prefer a resource the provider manages. On production a human approves it with the plan.',
  },
  'STEER-DISPROPORTIONATE': {
    description: 'The task is minor or moderate, and the plan destroys or replaces production resources, loses data or disrupts many dependents that the task does not name.',
    help: 'Check that the destruction is really needed for the task; if it is, say so in the task (or a steer-scope block) and approve; otherwise change the configuration and plan again.',
  },
  'STEER-OUT-OF-SCOPE': {
    description: 'A change falls outside the scope the task declared in its steer-scope block (its addresses or actions).',
    help: 'Widen the declared scope if the change is intended, or remove the change from the plan.',
  },

};
