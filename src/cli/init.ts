import { Command, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';
import { INSTALL_COMMAND } from './version.js';

export function initCommand(): Command {
  return new Command('init')
    .description('Write agent hook configuration (merged, never clobbered), a starter steer.yml and the CI workflow. Running it twice changes nothing.')
    .addOption(new Option('--agent <runtime...>', 'agent runtimes to guard').choices([...RUNTIMES]).default(['claude']))
    .addOption(new Option('--ci <ci>', 'also write the PR-gate workflow').choices(['github']))
    .exitOverride()
    .action(async (opts: { agent: Runtime[]; ci?: 'github' }) => {
      const { init } = await import('../app/init.js');
      const result = await init({ cwd: process.cwd(), agents: opts.agent, ...(opts.ci ? { ci: opts.ci } : {}) });
      for (const f of result.written) process.stdout.write(`wrote     ${f}\n`);
      for (const f of result.unchanged) process.stdout.write(`unchanged ${f}\n`);
      for (const note of result.notes) process.stdout.write(`\n${note}\n`);
      process.stdout.write(`\nThe hooks run "npx --no-install steer": install Steer in this project (${INSTALL_COMMAND}) and keep it in devDependencies; without it every shell command is blocked, by design.\n`);
      if (opts.ci === 'github') {
        process.stdout.write(
          [
            'The workflows run Steer as this repository\'s package-lock.json pins it (npm ci --ignore-scripts): keep @steer-gate/cli in devDependencies.',
            'One-time setup in GitHub (Settings):',
            '  1. a signing key: openssl rand -hex 32, stored as the secret STEER_SIGNING_KEY of two environments —',
            '     "steer-gate" (deployment branches: the default branch only; the gate signs with it) and "production" (plus the apply role; apply verifies with it);',
            '  2. repository variables as needed: STEER_TF_DIR (default "."), AWS_REGION, TERRAFORM_PLAN_ROLE_ARN (read-only), TERRAFORM_APPLY_ROLE_ARN;',
            '  3. a ruleset on the default branch that requires the "steer" check.',
            'Without the key (or approvals.gateApp in steer.yml), steer apply refuses every check: any workflow could have written it.',
            '',
          ].join('\n'),
        );
      }
      process.stdout.write('A local hook is a convenience, not the boundary: the PR gate (the steer check) is the line that holds.\n');
    });
}
