import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Report } from '../core/report.js';
import { FINDING_CODES, type FindingCode } from '../core/report.js';
import { displayMessage } from './display-text.js';

/**
 * SARIF 2.1.0 for code scanning (GitHub, IDEs): one rule per stable finding code, one result per
 * finding, located on the plan file it came from. Built with node-sarif-builder; pure.
 */
export function renderSarif(report: Report, toolVersion: string): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'steer', toolDriverVersion: toolVersion});
  for (const [code, text] of Object.entries(FINDING_CODES)) {
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: text }));
  }
  for (const f of report.findings) {
    const path = report.plans[f.plan]?.plan.target.path ?? '-';
    const result = new SarifResultBuilder().initSimple({
      ruleId: f.code as FindingCode,
      level: f.severity === 'block' ? 'error' : f.severity === 'review' ? 'warning' : 'note',
      messageText: displayMessage(f.message, f.address),
      fileUri: path === '-' || path.startsWith('cloudformation:') ? 'plan' : path.replace(/\\/g, '/'),
      startLine: 1,
    });
    // The same finding on the same resource in the next run is the same alert.
    result.result.partialFingerprints = { steerFinding: `${f.code}:${f.address ?? path}` };
    run.addResult(result);
  }
  const sarif = new SarifBuilder();
  sarif.addRun(run);
  return `${sarif.buildSarifJsonString({ indent: true })}\n`;
}
