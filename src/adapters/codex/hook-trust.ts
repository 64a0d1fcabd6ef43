import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Codex runs a project's hooks only in a folder the user trusts, and then only the hooks the user
 * trusted one by one (a hash of each hook's definition, kept in `hooks.state` of CODEX_HOME's
 * config.toml; a changed hook is untrusted again). Untrusted, a hook is skipped without a word and
 * the command runs (https://developers.openai.com/codex/hooks). `steer init --agent codex` trusts
 * the hooks it wrote the way Codex's own /hooks screen does: through `codex app-server`, listing
 * the hooks (`hooks/list` gives each one's key and current hash) and writing the trust record for
 * ours (`config/batchWrite`). It never trusts a folder: that stays the user's decision.
 */
export type CodexHookTrust =
  | { readonly status: 'trusted'; readonly configFile: string }
  | { readonly status: 'folder-untrusted' }
  | { readonly status: 'no-codex' }
  | { readonly status: 'failed'; readonly reason: string };

interface ListedHook {
  key: string;
  command?: string;
  source: string;
  sourcePath: string;
  currentHash: string;
  trustStatus: string;
}

const TIMEOUT_MS = 20_000;

/** Trusts the Steer hooks of `<cwd>/.codex/hooks.json` in the Codex found on PATH (or in node_modules/.bin). */
export async function trustSteerCodexHooks(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CodexHookTrust> {
  const codex = findExecutable('codex', [...(env.PATH ?? '').split(delimiter), join(cwd, 'node_modules/.bin')]);
  if (codex === undefined) return { status: 'no-codex' };
  // No CODEX_HOME yet: Codex never ran here, so it trusts no folder (and its app-server won't start).
  if (!existsSync(env.CODEX_HOME ?? join(homedir(), '.codex'))) return { status: 'folder-untrusted' };
  const dir = realpathSync(cwd);
  let server: AppServer | undefined;
  try {
    server = startAppServer(codex, env);
    await server.call('initialize', { clientInfo: { name: 'steer-init', title: 'steer init', version: '1' } });
    server.notify('initialized');
    const ours = (hooks: ListedHook[]) => hooks.filter((h) => h.source === 'project' && h.sourcePath === join(dir, '.codex/hooks.json') && (h.command ?? '').includes('steer guard'));
    const listed = ours(await listHooks(server, dir));
    // The project layer, and so its hooks.json, is read only in a trusted folder.
    if (listed.length === 0) return { status: 'folder-untrusted' };
    const untrusted = listed.filter((h) => h.trustStatus !== 'trusted');
    let configFile = '';
    if (untrusted.length > 0) {
      const written = (await server.call('config/batchWrite', {
        edits: untrusted.map((h) => ({ keyPath: `hooks.state.${JSON.stringify(h.key)}`, value: { trusted_hash: h.currentHash }, mergeStrategy: 'upsert' })),
      })) as { filePath?: string };
      configFile = written.filePath ?? '';
    }
    const after = ours(await listHooks(server, dir));
    const still = after.filter((h) => h.trustStatus !== 'trusted');
    if (still.length > 0) return { status: 'failed', reason: `Codex still lists ${still.map((h) => h.key).join(', ')} as ${still[0]!.trustStatus}` };
    return { status: 'trusted', configFile };
  } catch (e) {
    return { status: 'failed', reason: e instanceof Error ? e.message : String(e) };
  } finally {
    server?.close();
  }
}

async function listHooks(server: AppServer, dir: string): Promise<ListedHook[]> {
  const result = (await server.call('hooks/list', { cwds: [dir] })) as { data?: { hooks?: ListedHook[] }[] };
  return (result.data ?? []).flatMap((d) => d.hooks ?? []);
}

function findExecutable(name: string, dirs: string[]): string | undefined {
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface AppServer {
  call(method: string, params: unknown): Promise<unknown>;
  notify(method: string): void;
  close(): void;
}

/** `codex app-server`: JSON-RPC, one message a line, over stdio. */
function startAppServer(codex: string, env: NodeJS.ProcessEnv): AppServer {
  const child = spawn(codex, ['app-server'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let exited: Error | undefined;
  const failAll = (e: Error) => {
    exited = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  child.on('error', (e) => failAll(e));
  child.stdin.on('error', () => undefined); // reported by 'exit'
  child.on('exit', (code) => failAll(new Error(`codex app-server exited (${code ?? 'signal'}): ${stderr.trim().split('\n').pop() ?? ''}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: { id?: number; result?: unknown; error?: { message?: string } };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return;
    }
    const w = message.id === undefined ? undefined : waiting.get(message.id);
    if (w === undefined) return; // a notification
    waiting.delete(message.id!);
    if (message.error) w.reject(new Error(`codex app-server: ${message.error.message ?? JSON.stringify(message.error)}`));
    else w.resolve(message.result);
  });
  const timer = setTimeout(() => failAll(new Error(`codex app-server did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  return {
    call: (method, params) => new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, method, params })}\n`);
    }),
    notify: (method) => void child.stdin.write(`${JSON.stringify({ method })}\n`),
    close: () => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}
