import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { type DrivenRuntime, type Project, type RunResult, runRuntime, runtimeBin, runtimeEnv, runtimeNodeDir, runtimePackageDir, scratchDir } from './harness.js';
import type { ScriptedModel } from './scripted-model.js';

const PROMPT = 'Run the commands you are given, one at a time.';

/**
 * How each runtime is run headless against the scripted model, with a human's rights (no approval
 * prompts), as the investigation found: the model endpoint each one honours, and what it
 * needs to start offline.
 */
export const DRIVERS: Readonly<Record<DrivenRuntime, (project: Project, model: ScriptedModel, extraArgs?: string[], extraEnv?: Record<string, string>) => Promise<RunResult>>> = {
  claude: (project, model, extraArgs = []) =>
    runRuntime(runtimeBin('claude'), ['-p', PROMPT, '--permission-mode', 'bypassPermissions', '--model', 'claude-sonnet-4-5', ...extraArgs], project.dir, runtimeEnv(project, {
      ANTHROPIC_BASE_URL: model.url,
      ANTHROPIC_API_KEY: 'sk-ant-scripted',
      IS_SANDBOX: '1', // bypassPermissions as root
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    })),

  codex: (project, model, extraArgs = []) => {
    writeCodexConfig(project, model);
    return runRuntime(runtimeBin('codex'), ['exec', '--dangerously-bypass-approvals-and-sandbox', '--skip-git-repo-check', ...extraArgs, PROMPT], project.dir, runtimeEnv(project, { CODEX_HOME: codexHome(project), SCRIPTED_API_KEY: 'scripted' }));
  },

  gemini: (project, model, extraArgs = [], extraEnv = {}) => {
    const dir = join(project.home, '.gemini');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: true } }, general: { disableAutoUpdate: true }, telemetry: { enabled: false }, privacy: { usageStatisticsEnabled: false } }));
    return runRuntime(runtimeBin('gemini'), ['-m', 'gemini-2.5-flash', '--yolo', ...extraArgs, '-p', PROMPT], project.dir, runtimeEnv(project, { GOOGLE_GEMINI_BASE_URL: model.url, GEMINI_API_KEY: 'scripted', ...extraEnv }));
  },

  // Copilot CLI's BYOK mode (COPILOT_PROVIDER_*), offline: no GitHub sign-in, no telemetry.
  copilot: (project, model, extraArgs = []) =>
    runRuntime(runtimeBin('copilot'), ['-p', PROMPT, '--yolo', '--no-ask-user', '--no-auto-update', ...extraArgs], project.dir, runtimeEnv(project, {
      COPILOT_OFFLINE: 'true',
      COPILOT_PROVIDER_TYPE: 'anthropic',
      COPILOT_PROVIDER_BASE_URL: model.url,
      COPILOT_PROVIDER_API_KEY: 'scripted',
      COPILOT_MODEL: 'claude-sonnet-4.5',
    })),

  // Cursor's agent SDK, local agent: test/runtimes/cursor-agent.mjs creates it in the project (settingSources
  // "project" unless STEER_CURSOR_SETTING_SOURCES says otherwise) with CURSOR_BACKEND_URL on loopback.
  cursor: (project, model, extraArgs = [], extraEnv = {}) =>
    runRuntime(process.execPath, [join(repoRoot, 'test/runtimes/cursor-agent.mjs'), runtimePackageDir('cursor'), PROMPT, ...extraArgs], project.dir, runtimeEnv(project, { CURSOR_BACKEND_URL: model.url, ...extraEnv })),

  // One embedded turn with the plugins loaded (`agent --local`; `agent exec` loads none), under the
  // Node.js OpenClaw needs, with the scripted provider (Anthropic Messages) added to the user's config.
  openclaw: (project, model, extraArgs = [], extraEnv = {}) => {
    configureOpenClaw(project, openClawProvider(model));
    return runOpenClaw(project, ['agent', '--local', '--agent', 'main', '--json', '-m', PROMPT, ...extraArgs], extraEnv);
  },
};

/** OpenClaw's HOME, one per project and outside it: OpenClaw imports plugins from copies it keeps there. */
const openClawHomes = new Map<string, string>();
export function openClawHome(project: Project): string {
  if (!openClawHomes.has(project.dir)) openClawHomes.set(project.dir, scratchDir('openclaw-home'));
  return openClawHomes.get(project.dir)!;
}

/** Runs the OpenClaw CLI in the project (the steps `steer init` names, or a turn). */
export function runOpenClaw(project: Project, args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  return runRuntime(runtimeBin('openclaw'), args, project.dir, runtimeEnv(project, { HOME: openClawHome(project), ...extraEnv }, runtimeNodeDir('openclaw')));
}

/** Merges into the user's OpenClaw configuration (~/.openclaw/openclaw.json), keeping what `openclaw plugins …` wrote there. */
export function configureOpenClaw(project: Project, patch: Record<string, unknown>): void {
  const file = join(openClawHome(project), '.openclaw/openclaw.json');
  mkdirSync(dirname(file), { recursive: true });
  const config = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify(merged(config, patch), null, 2));
}

function merged(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    const bothObjects = [old, v].every((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
    out[k] = bothObjects ? merged(old as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** The scripted model as an OpenClaw custom provider (models.providers, api "anthropic-messages"), the default model; no workspace bootstrap files. */
export function openClawProvider(model: ScriptedModel): Record<string, unknown> {
  const scripted = { id: 'scripted', name: 'Scripted', reasoning: false, input: ['text'], cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 200000, maxTokens: 8192 };
  return {
    models: { mode: 'replace', providers: { scripted: { baseUrl: model.url, apiKey: 'scripted', api: 'anthropic-messages', models: [scripted] } } },
    agents: { defaults: { model: { primary: 'scripted/scripted' }, skipBootstrap: true } },
  };
}

/** What the user does in OpenClaw to use the plugin in place: this project as the agent's workspace, the workspace plugin enabled. */
export function openClawWorkspace(project: Project, enable = true): Record<string, unknown> {
  return { agents: { defaults: { workspace: project.dir } }, ...(enable ? { plugins: { entries: { 'steer-guard': { enabled: true } } } } : {}) };
}

export const codexHome = (project: Project): string => join(project.home, '.codex');

/** The user's Codex configuration: the scripted provider (Responses API) and, as the user chose, this folder trusted. */
export function writeCodexConfig(project: Project, model: ScriptedModel | undefined, trustFolder = true): void {
  mkdirSync(codexHome(project), { recursive: true });
  const file = join(codexHome(project), 'config.toml');
  const provider = model === undefined ? '' : `model = "scripted"\nmodel_provider = "scripted"\n\n[model_providers.scripted]\nname = "scripted"\nbase_url = "${model.url}/v1"\nwire_api = "responses"\nenv_key = "SCRIPTED_API_KEY"\n\n`;
  const trust = trustFolder ? `[projects."${project.dir}"]\ntrust_level = "trusted"\n\n` : '';
  // Keep what steer init (or Codex) wrote there before: the hooks.state trust records.
  const kept = existsSync(file) ? readFileSync(file, 'utf8').split(/\n(?=\[)/).filter((t) => t.startsWith('[hooks.state')).join('\n') : '';
  writeFileSync(file, `${provider}${trust}${kept}\n`);
}

/** The user's trust in the project folder, as each runtime records it when the user answers "trust". */
export function trustFolder(runtime: 'gemini' | 'copilot', project: Project): void {
  if (runtime === 'gemini') {
    mkdirSync(join(project.home, '.gemini'), { recursive: true });
    writeFileSync(join(project.home, '.gemini/trustedFolders.json'), JSON.stringify({ [project.dir]: 'TRUST_FOLDER' }));
  } else {
    mkdirSync(join(project.home, '.copilot'), { recursive: true });
    writeFileSync(join(project.home, '.copilot/config.json'), JSON.stringify({ trusted_folders: [project.dir] }));
  }
}
