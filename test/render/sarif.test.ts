import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { FINDING_CODES } from '../../src/core/report.js';
import { planUri, renderSarif } from '../../src/render/sarif.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const report = (path: string) =>
  assess([parseTerraformPlan(tfPlan([rc({ address: 'module.db.aws_db_instance.main', module_address: 'module.db', type: 'aws_db_instance', actions: ['delete'] })], { variables: { environment: { value: 'prod' } } }), { path })], { config: DEFAULT_CONFIG });
const sarifOf = (text: string) => JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string; help: { text: string }; fullDescription: { text: string } }[] } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };

describe('SARIF', () => {
  it('every finding code is a rule with a full description and help', () => {
    const rules = sarifOf(renderSarif(report('plan.json'), '1')).runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(FINDING_CODES));
    for (const r of rules) {
      expect(r.fullDescription.text.length, r.id).toBeGreaterThan(20);
      expect(r.help.text.length, r.id).toBeGreaterThan(20);
    }
  });

  it("points a resource's finding at its block when the adapter found it", () => {
    const located = renderSarif(report('plan.json'), '1', { artifacts: [{ uri: 'envs/prod/plan.json', resources: new Map([['module.db.aws_db_instance.main', { uri: 'modules/db/main.tf', line: 12 }]]) }] });
    expect(sarifOf(located).runs[0]!.results[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'modules/db/main.tf' }, region: { startLine: 12 } });
    const planOnly = renderSarif(report('plan.json'), '1', { artifacts: [{ uri: 'envs/prod/plan.json' }] });
    expect(sarifOf(planOnly).runs[0]!.results[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'envs/prod/plan.json' }, region: { startLine: 1 } });
  });

  it('every result has a location (GitHub rejects the whole file otherwise): placeholders for what is not a repository file', () => {
    expect(planUri('-')).toBe('.steer/stdin');
    expect(planUri('/tmp/x/plan.json')).toBe('.steer/outside-repository/plan.json');
    expect(planUri('../other/plan.json')).toBe('.steer/outside-repository/plan.json');
    expect(planUri('cloudformation:orders-prod')).toBe('.steer/cloudformation/orders-prod');
    expect(planUri('.\\envs\\prod plan.json')).toBe('envs/prod%20plan.json');
  });
});
