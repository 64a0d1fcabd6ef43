import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerHook } from '../../src/app/guard.js';
import { NO_LISTS } from '../../src/guard/decide.js';
import { RUNTIMES, type HookAnswer, type Runtime } from '../../src/guard/runtimes/index.js';
import { builtCli, repoRoot } from '../support/paths.js';
import { writeProject } from '../support/project.js';

// The red-team corpus (test/guard/corpus-red/): commands, MCP calls and file edits written the way
// agents emit them, independently of test/guard/corpus/, and sent through the hook path each
// runtime uses — its own hook input in, its own answer out — in the project of project.yml.
// Nothing here is ever executed. An entry `{command, pendingParse}` is a known miss that needs a
// change in the shell walk (docs/guard-red-team-parse-gaps.md): it must still fail, so that
// fixing it moves it into the corpus proper.

type Entry = string | { command: string; pendingParse: string };
interface Category {
  deny?: Entry[];
  allow?: Entry[];
}
interface McpCase {
  server: string;
  launch: string;
  tool: string;
  args: unknown;
  expect: 'allow' | 'deny';
}
interface ToolCase {
  runtime: Runtime;
  input: Record<string, unknown>;
  expect: 'allow' | 'deny';
}

const dir = join(repoRoot, 'test/guard/corpus-red');
const load = (file: string): unknown => parse(readFileSync(join(dir, file), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const categories: [string, Category][] = files.flatMap((f) => Object.entries((load(f) as { categories?: Record<string, Category> }).categories ?? {}));
const mcpCalls = (load('mcp.yml') as { calls: McpCase[] }).calls;
const toolCalls = (load('self-edit-tools.yml') as { calls: ToolCase[] }).calls;
const project = (load('project.yml') as { files: Record<string, string> }).files;

const text = (e: Entry) => (typeof e === 'string' ? e : e.command);
const pending = (e: Entry) => typeof e !== 'string';

let cwd: string;
beforeAll(() => {
  cwd = writeProject('steer-red-', project);
  // A real program is larger than the 1 MB a script may be: tools/terraform stands for the terraform binary.
  mkdirSync(join(cwd, 'tools'), { recursive: true });
  writeFileSync(join(cwd, 'tools/terraform'), Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(2 << 20)]), { mode: 0o755 });
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** A shell command as each runtime's hook sends it (Codex also as the argv of `bash -lc`). */
function shellInput(runtime: Runtime, command: string, i: number): Record<string, unknown> {
  switch (runtime) {
    case 'claude':
      return { session_id: 's', transcript_path: '/t', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' } };
    case 'codex':
      return { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: i % 2 === 0 ? command : ['bash', '-lc', command] } };
    case 'gemini':
      return { session_id: 's', cwd, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command, description: 'x' } };
    case 'cursor':
      return { hook_event_name: 'beforeShellExecution', conversation_id: 'c', generation_id: 'g', workspace_roots: [cwd], command, cwd };
    case 'copilot':
      return { timestamp: 1, cwd, toolName: 'bash', toolArgs: JSON.stringify({ command, description: 'x' }) };
    case 'kiro':
      return { hook_event_name: 'preToolUse', cwd, tool_name: 'shell', tool_input: { command } };
    case 'openclaw':
      return { hook_event_name: 'before_tool_call', cwd, toolName: 'exec', params: { command } };
  }
}

/** An MCP tool call as each runtime names it and says which server it is from. */
function mcpInput(runtime: Runtime, c: McpCase): Record<string, unknown> {
  const sanitized = c.server.replace(/[^A-Za-z0-9_-]/g, '_'); // tool names sent to the model allow only these
  const [command, ...args] = c.launch.split(' ');
  switch (runtime) {
    case 'claude':
    case 'codex':
      return { cwd, hook_event_name: 'PreToolUse', tool_name: `mcp__${sanitized}__${c.tool}`, tool_input: c.args };
    case 'gemini':
      return { cwd, hook_event_name: 'BeforeTool', tool_name: `mcp_${sanitized}_${c.tool}`, tool_input: c.args, mcp_context: { server_name: c.server, tool_name: c.tool, command, args } };
    case 'cursor':
      return { hook_event_name: 'beforeMCPExecution', workspace_roots: [cwd], tool_name: c.tool, tool_input: JSON.stringify(c.args), command: c.launch };
    case 'copilot':
      return { timestamp: 1, cwd, toolName: `${sanitized}-${c.tool}`, toolArgs: JSON.stringify(c.args) };
    case 'kiro':
      return { hook_event_name: 'preToolUse', cwd, tool_name: `@${c.server}/${c.tool}`, tool_input: c.args };
    case 'openclaw':
      return { hook_event_name: 'before_tool_call', cwd, toolName: `${sanitized}__${c.tool}`, params: c.args };
  }
}

/** The runtime's answer, read the way the runtime reads it. */
function verdict(runtime: Runtime, a: HookAnswer): 'allow' | 'deny' {
  switch (runtime) {
    case 'claude':
      return a.exitCode === 2 || (a.stdout !== '' && JSON.parse(a.stdout).hookSpecificOutput.permissionDecision === 'deny') ? 'deny' : 'allow';
    case 'codex':
    case 'kiro':
      return a.exitCode === 2 ? 'deny' : 'allow';
    case 'gemini':
      return a.exitCode === 2 || JSON.parse(a.stdout).decision === 'deny' ? 'deny' : 'allow';
    case 'cursor':
      return a.exitCode === 2 || JSON.parse(a.stdout).permission === 'deny' ? 'deny' : 'allow';
    case 'copilot':
      return a.stdout !== '' && JSON.parse(a.stdout).permissionDecision === 'deny' ? 'deny' : 'allow';
    case 'openclaw':
      return JSON.parse(a.stdout).block === true ? 'deny' : 'allow';
  }
}

const answer = (runtime: Runtime, input: unknown) => answerHook(JSON.stringify(input), runtime, NO_LISTS);
const reasonOf = (a: HookAnswer) => (a.stderr || a.stdout).trim().split('\n')[0]!.slice(0, 300);

/** Every entry of the corpus is sent through a runtime in turn, so each runtime sees each kind of command. */
const shellCases = categories.flatMap(([name, c]) =>
  (['deny', 'allow'] as const).flatMap((expected) => (c[expected] ?? []).map((entry) => ({ name, expected, entry }))),
).map((c, i) => ({ ...c, runtime: RUNTIMES[i % RUNTIMES.length]!, index: i }));

function decideShell(c: (typeof shellCases)[number]): { got: 'allow' | 'deny'; reason: string } {
  const a = answer(c.runtime, shellInput(c.runtime, text(c.entry), c.index));
  return { got: verdict(c.runtime, a), reason: reasonOf(a) };
}

describe('the red-team corpus', () => {
  it('is well formed: strings only, no duplicates, none of them in the older corpora, at least 300 mutations and 200 look-alikes', () => {
    const all = shellCases.map((c) => c.entry);
    for (const e of all) expect(typeof text(e), JSON.stringify(e)).toBe('string');
    for (const e of all.filter(pending)) expect(Object.keys(e as object).sort(), JSON.stringify(e)).toEqual(['command', 'pendingParse']);
    expect(all.filter((e) => /^\s*(pendingParse|command):/m.test(text(e)))).toEqual([]); // a mapping folded into a string by YAML
    const seen = new Set<string>();
    const repeated = all.map(text).filter((t) => seen.has(t) || !seen.add(t));
    expect(repeated).toEqual([]);
    const older = new Set<string>();
    for (const f of readdirSync(join(repoRoot, 'test/guard/corpus')).filter((f) => f.endsWith('.json'))) {
      const d = JSON.parse(readFileSync(join(repoRoot, 'test/guard/corpus', f), 'utf8')) as { categories?: Record<string, { deny?: string[]; allow?: string[] }> };
      for (const c of Object.values(d.categories ?? {})) for (const e of [...(c.deny ?? []), ...(c.allow ?? [])]) older.add(e);
    }
    for (const c of JSON.parse(readFileSync(join(repoRoot, 'test/guard/commands.json'), 'utf8')) as { command: string }[]) older.add(c.command);
    expect(all.map(text).filter((t) => older.has(t))).toEqual([]);
    expect(shellCases.filter((c) => c.expected === 'deny').length).toBeGreaterThanOrEqual(300);
    expect(shellCases.filter((c) => c.expected === 'allow').length).toBeGreaterThanOrEqual(200);
  });

  it('denies at least 99 % of the mutations and no safe look-alike, in every category, through every runtime\'s hook', () => {
    const results = shellCases.filter((c) => !pending(c.entry)).map((c) => ({ ...c, ...decideShell(c) }));
    const rows = categories.map(([name]) => {
      const mine = results.filter((r) => r.name === name);
      const deny = mine.filter((r) => r.expected === 'deny');
      const allow = mine.filter((r) => r.expected === 'allow');
      return { name, denied: deny.filter((r) => r.got === 'deny').length, mutations: deny.length, allowed: allow.filter((r) => r.got === 'allow').length, safe: allow.length };
    });
    const table = rows.map((r) => `${r.name}: ${r.mutations ? `${r.denied}/${r.mutations} mutations denied` : 'no mutations'}, ${r.safe ? `${r.allowed}/${r.safe} safe allowed` : 'no safe commands'}`).join('\n');
    const denied = rows.reduce((n, r) => n + r.denied, 0);
    const mutations = rows.reduce((n, r) => n + r.mutations, 0);
    console.info(`red-team corpus by category\n${table}\ntotal: ${denied}/${mutations} mutations denied, ${rows.reduce((n, r) => n + r.allowed, 0)}/${rows.reduce((n, r) => n + r.safe, 0)} safe allowed`);
    const wrong = (expected: 'allow' | 'deny') => results.filter((r) => r.expected === expected && r.got !== expected).map((r) => `[${r.runtime}] ${text(r.entry)}  ← ${r.reason}`);
    const missed = wrong('deny');
    if (missed.length > 0) console.info(`mutations allowed:\n${missed.join('\n')}`);
    expect(wrong('allow')).toEqual([]);
    if (denied / mutations < 0.99) expect(missed).toEqual([]);
    expect(denied / mutations).toBeGreaterThanOrEqual(0.99);
  });

  it('the known parse gaps still fail (docs/guard-red-team-parse-gaps.md): a fixed one moves into the corpus proper', () => {
    const fixed = shellCases.filter((c) => pending(c.entry)).filter((c) => decideShell(c).got === c.expected).map((c) => text(c.entry));
    expect(fixed).toEqual([]);
  });
});

describe('the red-team MCP calls, in every runtime\'s shape', () => {
  it('holds calls of every infrastructure server, reads and mutations', () => {
    for (const server of ['aws-api', 'ccapi', 'terraform', 'awslabs.terraform-mcp-server']) {
      expect(mcpCalls.some((c) => c.server === server && c.expect === 'allow')).toBe(true);
      expect(mcpCalls.some((c) => c.server === server && c.expect === 'deny')).toBe(true);
    }
  });

  it('decides each call the same way in every runtime', () => {
    const wrong = mcpCalls.flatMap((c) =>
      RUNTIMES.flatMap((runtime) => {
        const a = answer(runtime, mcpInput(runtime, c));
        return verdict(runtime, a) === c.expect ? [] : [`[${runtime}] ${c.server} ${c.tool} ${JSON.stringify(c.args)} expected ${c.expect}  ← ${reasonOf(a) || 'allowed'}`];
      }),
    );
    console.info(`red-team MCP calls: ${mcpCalls.length} calls × ${RUNTIMES.length} runtimes, ${mcpCalls.length * RUNTIMES.length - wrong.length} decided right`);
    expect(wrong).toEqual([]);
  });
});

describe('the red-team file-tool edits of the guard\'s own files', () => {
  it('denies each self-edit and allows each ordinary edit, in the runtime\'s own input', () => {
    const wrong = toolCalls.flatMap((c) => {
      const a = answer(c.runtime, { cwd: '/repo', ...c.input });
      return verdict(c.runtime, a) === c.expect ? [] : [`[${c.runtime}] ${JSON.stringify(c.input)} expected ${c.expect}  ← ${reasonOf(a) || 'allowed'}`];
    });
    console.info(`red-team file-tool calls: ${toolCalls.length - wrong.length}/${toolCalls.length} decided right`);
    expect(wrong).toEqual([]);
  });
});

// The same answers from the built CLI, as the hooks `steer init` writes run it: one mutation and
// one safe command of each category, one MCP call of each server, one file edit per runtime.
describe('the built hook (dist/cli.js) agrees', () => {
  const sample = [
    ...categories.flatMap(([name]) => (['deny', 'allow'] as const).map((expected) => shellCases.find((c) => c.name === name && c.expected === expected && !pending(c.entry)))).filter((c) => c !== undefined).map((c) => ({ runtime: c.runtime, input: () => shellInput(c.runtime, text(c.entry), c.index), expect: c.expected, what: text(c.entry) })),
    ...[...new Map(mcpCalls.map((c) => [`${c.server} ${c.expect}`, c])).values()].map((c, i) => ({ runtime: RUNTIMES[i % RUNTIMES.length]!, input: () => mcpInput(RUNTIMES[i % RUNTIMES.length]!, c), expect: c.expect, what: `${c.server} ${c.tool}` })),
    ...[...new Map(toolCalls.map((c) => [`${c.runtime} ${c.expect}`, c])).values()].map((c) => ({ runtime: c.runtime, input: () => ({ cwd: '/repo', ...c.input }), expect: c.expect, what: JSON.stringify(c.input) })),
  ];
  it(`gives the same decision for ${sample.length} sampled calls`, () => {
    if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run "npm run build" (npm test does it)`);
    const wrong = sample.flatMap((s) => {
      const r = spawnSync(process.execPath, [builtCli, 'guard', '--runtime', s.runtime], { input: JSON.stringify(s.input()), encoding: 'utf8', cwd });
      const got = verdict(s.runtime, { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 });
      return got === s.expect ? [] : [`[${s.runtime}] ${s.what} expected ${s.expect}`];
    });
    expect(wrong).toEqual([]);
  }, 300_000);
});
