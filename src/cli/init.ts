import { Command, Option } from 'commander';
import { RUNTIMES, type Runtime } from '../guard/runtimes/names.js';
import { INSTALL_COMMAND } from './version.js';

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
