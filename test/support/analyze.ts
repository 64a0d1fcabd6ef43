import { planCheck } from '../../src/app/plan-check.js';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/parse.js';
import type { Report } from '../../src/core/report.js';

/** Runs the plan-check use case in-process, as the CLI does, with the defaults or a YAML policy. */
export function analyze(inputs: string | string[], options: { config?: string; env?: string; workspace?: string; agent?: boolean } = {}): Promise<Report> {
  return planCheck({
    inputs: Array.isArray(inputs) ? inputs : [inputs],
    config: options.config !== undefined ? parseConfig(/^version:/m.test(options.config) ? options.config : `version: 1\n${options.config}`, 'steer.yml') : DEFAULT_CONFIG,
    tfBin: 'terraform',
    agentAuthored: options.agent ?? false,
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
  });
}

export function actionCounts(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of report.plans) for (const c of p.changes) {
    const key = c.change.sourceActions.join(',');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
