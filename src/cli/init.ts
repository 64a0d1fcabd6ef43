import { Command, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';

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
      if (opts.agent.includes('kiro')) process.stdout.write('\nKiro CLI: start the guarded agent with "kiro-cli chat --agent steer-guarded" (or make it the default with "kiro-cli agent set-default steer-guarded").\n');
      process.stdout.write('\nThe hooks run "npx --no-install steer": keep Steer in this project\'s devDependencies (a missing steer blocks every shell command, by design).\n');
      if (opts.ci === 'github') process.stdout.write('The workflows are examples: adapt envs/prod, the roles and the environments (steer-gate, production), and set up the signing key as examples/github/README.md says.\n');
      process.stdout.write('A local hook is a convenience, not the boundary: the PR gate (the steer check) is the line that holds.\n');
    });
}
