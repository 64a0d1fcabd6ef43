/**
 * The Steer plugin for OpenClaw that `steer init --agent openclaw` writes into the project:
 * a native OpenClaw plugin (openclaw.plugin.json + package.json + one ES module) whose
 * `before_tool_call` hook hands every tool call to `npx --no-install steer guard --runtime openclaw`,
 * run in the project, and blocks what it denies. It spawns steer rather than bundling the decision,
 * so the plugin is the same few lines whatever Steer version the project pins, and the project's
 * steer.yml applies. It blocks whenever steer doesn't answer: not installed, a crash, a timeout,
 * an answer it can't read. (OpenClaw's docs: docs/plugins/hooks/tool-policy.md, manifest.md.)
 *
 * Seen in OpenClaw 2026.9.6 (test/runtimes/openclaw.test.ts): it imports a copy of the plugin from
 * its state directory (~/.openclaw/tmp/plugin-captures/…), so the project is found from `api.rootDir`
 * (where the plugin was discovered), not from the module's own location; `before_tool_call` fails
 * closed on a handler that throws or takes longer than its `timeoutMs` (15 s unless set).
 */

export const OPENCLAW_PLUGIN_ID = 'steer-guard';
export const OPENCLAW_PLUGIN_DIR = `.openclaw/extensions/${OPENCLAW_PLUGIN_ID}`;

const MANIFEST = `${JSON.stringify(
  {
    id: OPENCLAW_PLUGIN_ID,
    name: 'Steer guard',
    description: 'Blocks direct infrastructure changes (and edits of the guard itself) before a tool runs; the way through is a reviewed plan.',
    configSchema: { type: 'object', additionalProperties: false, properties: {} },
    // A gate on every tool call: loaded when the Gateway starts, not on some narrower trigger.
    activation: { onStartup: true, onCapabilities: ['hook'] },
  },
  null,
  2,
)}\n`;

const PACKAGE = `${JSON.stringify({ name: OPENCLAW_PLUGIN_ID, version: '1.0.0', private: true, type: 'module', openclaw: { extensions: ['./index.js'] } }, null, 2)}\n`;

const ENTRY = `// Written by \`steer init --agent openclaw\`. Every tool call goes to \`steer guard\` first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This plugin lives in <project>/${OPENCLAW_PLUGIN_DIR}/: steer runs in <project>, with its steer.yml.
// OpenClaw says where it found the plugin (api.rootDir): it imports a copy from its state directory.
export const projectOf = (rootDir) => resolve(typeof rootDir === 'string' && rootDir ? rootDir : dirname(fileURLToPath(import.meta.url)), '../../..');
// Steer answers within 20 s on its own; OpenClaw's hook budget is longer (register below), so the reason is Steer's.
const TIMEOUT_MS = 25000;

/** Asks steer about one tool call; resolves to OpenClaw's answer, blocking whenever steer doesn't answer. */
export function judge(event, options = {}) {
  const project = options.project ?? projectOf();
  // The project's own steer, straight from node_modules/.bin (npx costs a start-up per tool call), else through npx.
  const bin = join(project, 'node_modules', '.bin', 'steer');
  const steer = process.platform !== 'win32' && existsSync(bin) ? [bin] : ['npx', '--no-install', 'steer'];
  const command = options.command ?? [...steer, 'guard', '--runtime', 'openclaw'];
  const input = JSON.stringify({ hook_event_name: 'before_tool_call', toolName: event.toolName, params: event.params ?? {}, derivedPaths: event.derivedPaths, cwd: project });
  const blocked = (why) => ({ block: true, blockReason: 'Steer guard could not check this tool call (' + why + '), so it is blocked.' });
  return new Promise((done) => {
    let child;
    try {
      child = spawn(command[0], command.slice(1), { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    } catch (e) {
      done(blocked(String(e)));
      return;
    }
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(blocked('no answer in ' + TIMEOUT_MS / 1000 + ' s'));
    }, TIMEOUT_MS);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      done(blocked(e.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return done(blocked('steer exited with ' + code + (err ? ': ' + err.trim().split('\\n')[0] : '')));
      try {
        const answer = JSON.parse(out);
        done(answer.block === true ? { block: true, blockReason: String(answer.blockReason ?? 'denied by Steer') } : undefined);
      } catch {
        done(blocked('an answer that is not JSON'));
      }
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export default {
  id: '${OPENCLAW_PLUGIN_ID}',
  name: 'Steer guard',
  description: 'Blocks direct infrastructure changes before a tool runs.',
  register(api) {
    const project = projectOf(api.rootDir);
    // No matcher: shell (exec), file tools (write, edit, apply_patch), MCP tools (server__tool) and
    // the Tool Search bridge's calls alike. OpenClaw blocks the call if this throws or outlasts timeoutMs.
    api.on('before_tool_call', (event) => judge(event, { project }), { priority: 100, timeoutMs: 30000 });
  },
};
`;

/** The plugin's files, relative to the project root. */
export const OPENCLAW_PLUGIN_FILES: readonly { readonly path: string; readonly text: string }[] = [
  { path: `${OPENCLAW_PLUGIN_DIR}/openclaw.plugin.json`, text: MANIFEST },
  { path: `${OPENCLAW_PLUGIN_DIR}/package.json`, text: PACKAGE },
  { path: `${OPENCLAW_PLUGIN_DIR}/index.js`, text: ENTRY },
];
