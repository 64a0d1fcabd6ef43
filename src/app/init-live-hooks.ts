import type { Runtime } from '../guard/runtimes/index.js';

/**
 * What makes a written hook live, per runtime — each of these was seen in the real CLI
 * (docs/guard-real-runtimes.md): Codex, Gemini CLI and Copilot CLI read a repository's hooks only
 * in a folder the user trusts, and Codex also wants each hook trusted (which init does for Codex
 * when it finds it). Without that step the runtime runs commands unguarded, without a word.
 */
export async function liveHookNote(runtime: Runtime, cwd: string): Promise<string | undefined> {
  switch (runtime) {
    case 'codex':
      return codexNote(cwd);
    case 'gemini':
      return 'Gemini CLI reads .gemini/settings.json, and so this hook, only in a folder you trust; untrusted (and with `gemini --skip-trust`) it runs commands without the hook. One step: start `gemini` in this folder and choose "Trust folder" (saved in ~/.gemini/trustedFolders.json); for headless runs set GEMINI_CLI_TRUST_WORKSPACE=true.';
    case 'copilot':
      return 'Copilot CLI loads .github/hooks/ only in a folder you trust; untrusted, `copilot -p` runs commands without the hook. One step: start `copilot` in this folder and trust it "for this and future sessions" (kept in trusted_folders of ~/.copilot/config.json); for one headless run, `copilot -p … --trust-folder`.';
    case 'kiro':
      return 'Kiro CLI v3 reads .kiro/hooks/steer.json for every agent of this workspace (older Kiro CLI releases read hooks from an agent file: run "kiro-cli agent migrate" after upgrading).';
    case 'openclaw':
      return OPENCLAW_STEPS;
    case 'cursor':
      return 'Cursor runs project hooks only in a trusted workspace. File edits are stopped by preToolUse, which Cursor 2.x offers; Cursor 1.7 has no hook before a file edit (afterFileEdit only), so there its file tools can edit the hook files (the PR gate still reviews them): update Cursor.';
    case 'claude':
      return undefined;
    default: {
      const never: never = runtime;
      throw new Error(`unknown runtime ${String(never)}`);
    }
  }
}

// Seen with OpenClaw 2026.9.6 (test/runtimes/openclaw.test.ts).
const OPENCLAW_STEPS =
  'OpenClaw loads no plugin you have not enabled, so until then it runs tool calls unguarded. Two steps: (1) "openclaw plugins install --link ./.openclaw/extensions/steer-guard" (it asks you to review the plugin and its capabilities; without a terminal add --force --accept-capabilities); (2) "openclaw plugins enable steer-guard"; then restart the gateway ("openclaw plugins list --enabled" shows it). When this folder is the agent\'s workspace, "plugins.entries.steer-guard.enabled: true" in ~/.openclaw/openclaw.json is enough. "openclaw agent exec" loads no plugins at all: run headless turns with "openclaw agent --local".';

const CODEX_STEPS =
  'Codex runs a project\'s hooks only in a folder you trust, and then only hooks you trusted one by one; until then it runs commands unguarded. Two steps: (1) trust this folder: start `codex` here and accept "trust this folder" (or run `codex exec --trust` once here); (2) run `steer init --agent codex` again, which trusts the Steer hook as Codex\'s /hooks screen would (or type /hooks in codex and trust "npx --no-install steer guard"). A changed .codex/hooks.json needs step 2 again.';

async function codexNote(cwd: string): Promise<string> {
  const { trustSteerCodexHooks } = await import('../adapters/codex/hook-trust.js');
  const trust = await trustSteerCodexHooks(cwd);
  switch (trust.status) {
    case 'trusted':
      return `Codex: the Steer hook is trusted for this folder (hooks.state in ${trust.configFile || 'config.toml of CODEX_HOME'}), so Codex runs it. If .codex/hooks.json changes, Codex untrusts it: run \`steer init --agent codex\` again.`;
    case 'folder-untrusted':
      return `Codex does not trust this folder yet, so it will not run the hook. ${CODEX_STEPS}`;
    case 'no-codex':
      return `Codex was not found on PATH, so the hook is not trusted yet. ${CODEX_STEPS}`;
    case 'failed':
      return `Codex: trusting the hook failed (${trust.reason}). ${CODEX_STEPS}`;
    default: {
      const never: never = trust;
      throw new Error(`unknown trust status ${JSON.stringify(never)}`);
    }
  }
}
