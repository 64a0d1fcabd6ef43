import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { planArtifacts } from '../adapters/fs/repository-paths.js';
import { setOutput } from '../adapters/github/runner-files.js';
import type { Report } from '../core/report.js';
import { renderSarif } from '../render/sarif.js';
import type { ActionInputs } from './inputs.js';

/**
 * Input `sarif: PATH`: the report as SARIF for `github/codeql-action/upload-sarif`, uris relative
 * to the workspace (the repository root on a runner), and output `sarif` naming the file.
 */
export function writeSarifOutput(inputs: Pick<ActionInputs, 'sarifPath' | 'workspace' | 'outputFile'>, report: Report): void {
  if (inputs.sarifPath === undefined) return;
  const path = resolve(inputs.workspace, inputs.sarifPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderSarif(report, 'action', { artifacts: planArtifacts(report, inputs.workspace, { GITHUB_WORKSPACE: inputs.workspace }) }));
  setOutput(inputs.outputFile, 'sarif', path);
}
