import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { renderText } from '../../src/render/text.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const text = (changes: Record<string, unknown>[], variables: Record<string, unknown> = { environment: { value: 'prod' } }) =>
  renderText(assess([parseTerraformPlan(tfPlan(changes, { variables }), { path: 'plan.json' })], { config: DEFAULT_CONFIG }), { color: false });

describe('text report', () => {
  it('shows the values that force a replacement, before → after, masked', () => {
    const out = text([
      rc({
        address: 'aws_db_instance.main',
        type: 'aws_db_instance',
        actions: ['delete', 'create'],
        before: { kms_key_id: 'arn:aws:kms:eu-west-1:1:key/abc', password: 'hunter2' },
        after: { kms_key_id: 'alias/aws/rds', password: 'hunter3' },
        before_sensitive: { password: true },
        after_sensitive: { password: true },
        replace_paths: [['kms_key_id'], ['password']],
      }),
    ]);
    expect(out).toContain('forced by: kms_key_id: "arn:aws:kms:eu-west-1:1:key/abc" → "alias/aws/rds"');
    expect(out).toContain('forced by: password: (sensitive value) → (sensitive value)');
    expect(out).not.toContain('hunter');
  });

  it('lists the attributes an update changes', () => {
    expect(text([rc({ address: 'aws_security_group.web', type: 'aws_security_group', actions: ['update'], before: { ingress: [] }, after: { ingress: [1] } })])).toContain('changes: ingress');
  });

  it('ends with the next step: how to approve and how to change the plan', () => {
    const out = text([rc({ address: 'aws_db_instance.main', type: 'aws_db_instance', actions: ['delete'] })]);
    expect(out).toMatch(/Next: in the pull request, approve the PR on this commit; then `steer apply`/);
    expect(out.trimEnd().split('\n').pop()).toMatch(/^To change it instead: edit the configuration, plan again/);
  });

  it('marks a destructive change whose environment is unknown', () => {
    expect(text([rc({ address: 'aws_instance.a', type: 'aws_instance', actions: ['delete'] })], {})).toMatch(/aws_instance\.a\s+ENVIRONMENT UNKNOWN/);
  });
});
