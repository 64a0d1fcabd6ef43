import { CONFIG_FILE_NAMES } from '../app/load-config.js';
import type { Finding } from '../core/report.js';

export interface FileFacts {
  readonly configPath: string;
  /** GitHub's file list stopped short (3,000 files): what isn't listed can't be ruled out. */
  readonly truncated: boolean;
  /** Some plan of this pull request is on production. */
  readonly production: boolean;
}

const WORKFLOWS = /^\.github\/(workflows|actions)\//;
/**
 * The files that decide which Steer the workflows install (`npm ci` at the repository root):
 * once merged they choose the code that runs beside the signing key and the apply credentials.
 */
const STEER_INSTALL = /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|\.npmrc|yarn\.lock|\.yarnrc\.yml|pnpm-lock\.yaml)$/;
/** The lock file pins which provider builds run, at plan and at apply. */
const LOCK_FILE = /(^|\/)\.terraform\.lock\.hcl$/;
/**
 * Provider builds in the repository itself: `terraform init` takes them from a working
 * directory's `terraform.d/plugins` (an implicit local mirror) or its `.terraform/providers`
 * cache — with a lock file that names their checksums, a build of the pull request's own.
 */
const PROVIDER_BUILDS = /(^|\/)(\.terraform|terraform\.d)\//;

/** Findings about what the pull request changes besides the plans: the gate itself, and the code that runs at apply. Pure. */
export function fileFindings(files: readonly string[], facts: FileFacts): Finding[] {
  const policyFiles = new Set<string>([facts.configPath, ...CONFIG_FILE_NAMES]);
  const out: Finding[] = [];
  if (facts.truncated) {
    out.push({
      code: 'STEER-FILES-TRUNCATED',
      severity: 'review',
      message: `GitHub lists only the first ${files.length} files of this pull request: a change to steer.yml, a workflow or the lock file may be among the rest, so a human must review it (or split the pull request).`,
      plan: 0,
    });
  }
  for (const f of files.filter((x) => policyFiles.has(x))) {
    out.push({ code: 'STEER-POLICY-CHANGED', severity: 'review', message: `This pull request changes the Steer policy ${f}; the gate used the base branch's copy, and a human must review the policy change.`, plan: 0 });
  }
  // Workflows from a pull request run on pull_request and pull_request_review events: a changed
  // workflow could run a different gate, or create a check named steer itself.
  for (const f of files.filter((x) => WORKFLOWS.test(x))) {
    out.push({ code: 'STEER-WORKFLOW-CHANGED', severity: 'review', message: `This pull request changes ${f}; workflows can change what the gate checks, so a human must review it.`, plan: 0 });
  }
  for (const f of files.filter((x) => STEER_INSTALL.test(x))) {
    out.push({ code: 'STEER-TOOLCHAIN-CHANGED', severity: 'review', message: `This pull request changes ${f}: once merged, it decides which Steer the gate (with the signing key) and apply (with the cloud credentials) install, so a human must review it.`, plan: 0 });
  }
  const builds = files.filter((x) => PROVIDER_BUILDS.test(x));
  if (builds.length > 0) {
    out.push({ code: 'STEER-PROVIDERS-CHANGED', severity: 'review', message: `This pull request adds or changes ${builds.length} file(s) under .terraform/ or terraform.d/ (${builds[0]}${builds.length > 1 ? ', …' : ''}): terraform init can take provider builds from there, code that runs at plan and at apply; a human must review it.`, plan: 0 });
  }
  for (const f of files.filter((x) => LOCK_FILE.test(x))) {
    out.push({
      code: 'STEER-PROVIDERS-CHANGED',
      severity: facts.production ? 'review' : 'info',
      message: `This pull request changes ${f}: other provider builds run at plan and at apply${facts.production ? ' on production' : ''}; check where they come from.`,
      plan: 0,
    });
  }
  return out;
}
