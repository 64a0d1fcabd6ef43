import { Command, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';

/** What makes each runtime's hook live, beyond the file init wrote (a runtime that ignores it says nothing). */
const LIVE_STEPS: Partial<Record<Runtime, string>> = {
  gemini:
    'Gemini CLI ignores .gemini/settings.json in a folder it does not trust, so the hook is off until you trust this folder: run "gemini" here and answer the trust prompt, or run /permissions in it and choose "Trust this folder" (trusted folders are kept in ~/.gemini/trustedFolders.json).',
  codex:
    'Codex runs project hooks (.codex/hooks.json) only once the project is trusted: start "codex" here and trust the folder when it asks (or add [projects."<this folder>"] trust_level = "trusted" to ~/.codex/config.toml), then review and approve the new hooks when Codex lists them (/hooks).',
  kiro: 'Kiro CLI v3 reads .kiro/hooks/steer.json for every agent of this workspace (older Kiro CLI releases read hooks from an agent file: run "kiro-cli agent migrate" after upgrading).',
  openclaw:
    'OpenClaw keeps workspace plugins disabled until you enable them: run "openclaw plugins install --link ./.openclaw/extensions/steer-guard" and "openclaw plugins enable steer-guard" (or add the folder to plugins.load.paths in ~/.openclaw/openclaw.json), then restart the gateway. "openclaw plugins list --enabled" shows it.',
  cursor: 'Cursor: the hooks cover shell commands and MCP tool calls; Cursor has no hook before a file edit, so edits of the hook files are not stopped there (the PR gate still reviews them).',
};

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
      for (const agent of opts.agent) {
        const step = LIVE_STEPS[agent];
        if (step) process.stdout.write(`\n${step}\n`);
      }
      process.stdout.write('\nThe hooks run "npx --no-install steer": keep Steer in this project\'s devDependencies (a missing steer blocks every shell command, by design).\n');
      if (opts.ci === 'github') process.stdout.write('The workflows are examples: adapt envs/prod, the roles and the environments (steer-gate, production), and set up the signing key as examples/github/README.md says.\n');
      process.stdout.write('A local hook is a convenience, not the boundary: the PR gate (the steer check) is the line that holds.\n');
    });
}
