import { describe, expect, it } from 'vitest';
import { fileFindings } from '../../src/action/file-findings.js';

const onProduction = { configPath: 'steer.yml', truncated: false, production: true };
const providerMessages = (files: string[], facts = onProduction) => fileFindings(files, facts).filter((f) => f.code === 'STEER-PROVIDERS-CHANGED').map((f) => [f.severity, f.message]);

describe('provider code a pull request brings (STEER-PROVIDERS-CHANGED)', () => {
  it('a lock file, in any directory', () => {
    expect(providerMessages(['envs/prod/.terraform.lock.hcl'])).toEqual([
      ['review', 'This pull request changes envs/prod/.terraform.lock.hcl: other provider builds run at plan and at apply on production; check where they come from.'],
    ]);
  });

  it('provider builds in terraform.d/ (an implied local mirror) or .terraform/, one finding per directory, review wherever it applies', () => {
    const pkg = 'terraform.d/plugins/example.test/steer/fake/1.0.0/linux_amd64';
    expect(providerMessages([`${pkg}/terraform-provider-fake_v1.0.0`, `${pkg}/provider.cjs`, 'stacks/a/.terraform/providers/x/y/z/1.0.0/linux_amd64/terraform-provider-z'], { ...onProduction, production: false })).toEqual([
      ['review', 'This pull request adds or changes 2 files in terraform.d/: terraform init can take provider builds from there unasked, code that runs at plan and at apply; a human must review it.'],
      ['review', 'This pull request adds or changes 1 file in stacks/a/.terraform/: terraform init can take provider builds from there unasked, code that runs at plan and at apply; a human must review it.'],
    ]);
  });

  it('a Terraform CLI configuration (.terraformrc, terraform.rc, *.tfrc)', () => {
    expect(providerMessages(['.terraformrc', 'ci/terraform.rc', 'ci/mirror.tfrc']).map(([, m]) => m!.split(':')[0])).toEqual([
      'This pull request changes .terraformrc',
      'This pull request changes ci/terraform.rc',
      'This pull request changes ci/mirror.tfrc',
    ]);
  });

  it('information only outside production; other files are not provider code', () => {
    expect(providerMessages(['.terraform.lock.hcl'], { ...onProduction, production: false })[0]![0]).toBe('info');
    expect(providerMessages(['docs/terraform.d.md', 'my.terraform/x', 'lock.hcl', 'main.tf', 'tfrc'])).toEqual([]);
  });
});
