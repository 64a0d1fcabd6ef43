import { spawnSync } from 'node:child_process';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Report } from '../../core/report.js';
import { PLACEHOLDER_OUTSIDE, type PlanArtifact } from '../../render/sarif.js';

/**
 * Where the repository is, for SARIF: code scanning wants uris relative to the repository root.
 * The root is GITHUB_WORKSPACE on a runner, else the git top level of the working directory.
 */
export function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_WORKSPACE) return resolve(env.GITHUB_WORKSPACE);
  const git = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  const top = git.status === 0 ? git.stdout.trim() : '';
  return top === '' ? undefined : resolve(top);
}

/** `path` (as given, relative to `cwd`) relative to `root`, `/`-separated; undefined outside it, for stdin and live change sets. */
export function repositoryUri(root: string | undefined, cwd: string, path: string): string | undefined {
  if (root === undefined || path === '-' || path.startsWith('cloudformation:')) return undefined;
  const rel = relative(root, resolve(cwd, path));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Per plan of the report: its uri in the repository. */
export function planArtifacts(report: Report, cwd: string, env: NodeJS.ProcessEnv): PlanArtifact[] {
  return planUris(report, cwd, repositoryRoot(cwd, env));
}

/**
 * Per plan: its uri, and for a Terraform plan read from a file, where the blocks of the
 * resources its findings name are in the `.tf` files of its directory (the root module) and
 * of the local modules it calls (resource-blocks.ts).
 */
export async function planArtifactsWithBlocks(report: Report, cwd: string, env: NodeJS.ProcessEnv): Promise<PlanArtifact[]> {
  const root = repositoryRoot(cwd, env);
  const artifacts = planUris(report, cwd, root);
  if (root === undefined) return artifacts;
  const { resourceBlocks } = await import('./resource-blocks.js'); // the HCL parser only for SARIF
  return Promise.all(
    artifacts.map(async (artifact, i) => {
      const { plan } = report.plans[i]!;
      if (plan.source === 'cloudformation' || plan.target.path === '-') return artifact;
      const addresses = [...new Set(report.findings.filter((f) => f.plan === i && f.address !== undefined).map((f) => f.address!))];
      const resources = await resourceBlocks(addresses, dirname(resolve(cwd, plan.target.path)), root);
      return resources.size > 0 ? { ...artifact, resources } : artifact;
    }),
  );
}

function planUris(report: Report, cwd: string, root: string | undefined): PlanArtifact[] {
  return report.plans.map((p) => {
    const path = p.plan.target.path;
    const uri = repositoryUri(root, cwd, path);
    if (uri !== undefined) return { uri };
    // A file outside the repository: a placeholder (stdin and live change sets get theirs from the renderer).
    const file = root !== undefined && path !== '-' && !path.startsWith('cloudformation:');
    return file ? { uri: `${PLACEHOLDER_OUTSIDE}/${encodeURIComponent(basename(path))}` } : {};
  });
}
