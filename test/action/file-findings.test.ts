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

  it('provider packages in terraform.d/plugins (an implied local mirror), one finding per directory', () => {
    const pkg = 'terraform.d/plugins/example.test/steer/fake/1.0.0/linux_amd64';
    expect(providerMessages([`${pkg}/terraform-provider-fake_v1.0.0`, `${pkg}/provider.cjs`, 'stacks/a/terraform.d/plugins/x/y/z/1.0.0/linux_amd64/terraform-provider-z'])).toEqual([
      ['review', 'This pull request changes 2 files in terraform.d/plugins/: terraform init installs provider packages from there unasked, and they run at plan and at apply on production; check where they come from.'],
      ['review', 'This pull request changes 1 file in stacks/a/terraform.d/plugins/: terraform init installs provider packages from there unasked, and they run at plan and at apply on production; check where they come from.'],
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
    expect(providerMessages(['terraform.d/README.md', 'docs/terraform.d/plugins.md', 'lock.hcl', 'main.tf', 'tfrc'])).toEqual([]);
  });
});
