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
 * directory's `terraform.d/plugins` (an implied local mirror: without a provider_installation
 * block, init installs from it, and a new provider needs no lock-file change in the pull request:
 * init writes that in the job) or its `.terraform/providers` cache. Grouped by directory.
 * https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories
 */
const PROVIDER_BUILDS = /^(.*\/)?(\.terraform|terraform\.d)\//;
/** A CLI configuration (named by TF_CLI_CONFIG_FILE) chooses where providers come from: mirrors, dev_overrides. */
const CLI_CONFIG = /(^|\/)(\.terraformrc|terraform\.rc|[^/]+\.tfrc)$/;

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
  const providers = (message: string, severity: Finding['severity'] = facts.production ? 'review' : 'info'): Finding => ({ code: 'STEER-PROVIDERS-CHANGED', severity, message, plan: 0 });
  const where = facts.production ? ' on production' : '';
  for (const f of files.filter((x) => LOCK_FILE.test(x))) {
    out.push(providers(`This pull request changes ${f}: other provider builds run at plan and at apply${where}; check where they come from.`));
  }
  // Provider builds committed to the repository are code of the pull request's own: review, wherever it applies.
  const buildDirs = new Map<string, number>();
  for (const f of files) {
    const dir = PROVIDER_BUILDS.exec(f)?.[0];
    if (dir !== undefined) buildDirs.set(dir, (buildDirs.get(dir) ?? 0) + 1);
  }
  for (const [dir, count] of buildDirs) {
    out.push(providers(`This pull request adds or changes ${count} file${count === 1 ? '' : 's'} in ${dir}: terraform init can take provider builds from there unasked, code that runs at plan and at apply${where}; a human must review it.`, 'review'));
  }
  for (const f of files.filter((x) => CLI_CONFIG.test(x))) {
    out.push(providers(`This pull request changes ${f}: a Terraform CLI configuration chooses where providers come from (provider_installation, dev_overrides) when a job uses it${where}; check it.`));
  }
  return out;
}
