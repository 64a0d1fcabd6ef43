import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { builtCli } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// Exact hook round-trips through the built CLI: the runtime's input on stdin, its own answer out.
const guard = (input: unknown, runtime?: string) => runCli(['guard', ...(runtime ? ['--runtime', runtime] : [])], { input: typeof input === 'string' ? input : JSON.stringify(input) });
const apply = 'terraform apply -auto-approve';

describe('Claude Code PreToolUse', () => {
  const input = (command: string) => ({ session_id: 's', transcript_path: '/t', cwd: '/repo', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' } });
  it('denies with hookSpecificOutput.permissionDecision', () => {
    const r = guard(input(apply));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hookSpecificOutput).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: 'deny' });
    expect(out.hookSpecificOutput.permissionDecisionReason).toMatch(/steer plan-check/);
  });
  it('allows silently', () => {
    const r = guard(input('terraform plan -out=tfplan'));
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
  it('ignores tools that are not shell commands', () => {
    expect(guard({ hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: '/x' } })).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('Codex', () => {
  it('reads the argv form and answers with only the documented fields, exit 2', () => {
    const r = guard({ hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['bash', '-lc', apply] } }, 'codex');
    expect(r.code).toBe(2);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['hookSpecificOutput']);
    expect(Object.keys(JSON.parse(r.stdout).hookSpecificOutput).sort()).toEqual(['hookEventName', 'permissionDecision', 'permissionDecisionReason']);
  });
});

describe('Cursor beforeShellExecution', () => {
  it('answers permission deny / allow', () => {
    const deny = guard({ hook_event_name: 'beforeShellExecution', command: apply, cwd: '/repo' });
    expect(JSON.parse(deny.stdout)).toMatchObject({ permission: 'deny' });
    const allow = guard({ hook_event_name: 'beforeShellExecution', command: 'ls', cwd: '/repo' });
    expect(JSON.parse(allow.stdout)).toEqual({ permission: 'allow' });
  });
  it('puts the reason in user_message and agent_message (and the camelCase names of early releases)', () => {
    const out = JSON.parse(guard({ hook_event_name: 'beforeShellExecution', command: apply, cwd: '/repo' }).stdout);
    expect(out.agent_message).toMatch(/steer plan-check/);
    expect(out.user_message).toMatch(/^Steer blocked this command/);
    expect(out.agentMessage).toBe(out.agent_message);
  });
});

describe('Cursor preToolUse (2.x)', () => {
  const base = { conversation_id: 'c', generation_id: 'g', workspace_roots: ['/repo'], hook_event_name: 'preToolUse' };
  it('denies a file edit of the hook configuration, detected as Cursor without --runtime', () => {
    const out = JSON.parse(guard({ ...base, tool_name: 'StrReplace', tool_input: { file_path: '/repo/.cursor/hooks.json', old_string: 'a', new_string: 'b' } }).stdout);
    expect(out).toMatchObject({ permission: 'deny' });
    expect(out.agent_message).toMatch(/\.cursor\/hooks\.json/);
  });
  it('allows an edit of ordinary code', () => {
    expect(JSON.parse(guard({ ...base, tool_name: 'Write', tool_input: { file_path: '/repo/src/a.ts', content: 'x' } }, 'cursor').stdout)).toEqual({ permission: 'allow' });
  });
  it('reads a Shell tool call from tool_input.command', () => {
    expect(JSON.parse(guard({ ...base, tool_name: 'Shell', tool_input: { command: apply } }, 'cursor').stdout)).toMatchObject({ permission: 'deny' });
    expect(JSON.parse(guard({ ...base, tool_name: 'Shell', tool_input: { command: 'ls' } }, 'cursor').stdout)).toEqual({ permission: 'allow' });
  });
  it('denies a Shell tool call without a command (fail closed)', () => {
    expect(guard({ ...base, tool_name: 'Shell', tool_input: {} }, 'cursor').code).toBe(2);
  });
});

describe('Cursor: the inputs @cursor/sdk 1.0.32 sends (seen in test/runtimes/cursor.test.ts)', () => {
  const sdk = { conversation_id: 'agent-1', generation_id: 'agent-1', model: 'unknown', session_id: 'agent-1', cursor_version: '1.0.0', workspace_roots: ['/repo'], user_email: null, transcript_path: null };
  it('beforeShellExecution {command, cwd, sandbox}', () => {
    expect(JSON.parse(guard({ ...sdk, hook_event_name: 'beforeShellExecution', command: apply, cwd: '/repo', sandbox: false }).stdout)).toMatchObject({ permission: 'deny' });
  });
  it('preToolUse Write {file_path, content} and Delete {file_path} of the hook configuration: its file tools have no StrReplace (edits arrive as a Write)', () => {
    for (const [tool_name, tool_input] of [['Write', { file_path: '/repo/.cursor/hooks.json', content: '{}' }], ['Delete', { file_path: '/repo/.cursor/hooks.json' }]] as const) {
      expect(JSON.parse(guard({ ...sdk, hook_event_name: 'preToolUse', tool_name, tool_input, tool_use_id: 'u', cwd: '/repo' }).stdout)).toMatchObject({ permission: 'deny' });
    }
  });
  it('preToolUse Shell {command, cwd, timeout}', () => {
    expect(JSON.parse(guard({ ...sdk, hook_event_name: 'preToolUse', tool_name: 'Shell', tool_input: { command: apply, cwd: '/repo', timeout: 30000 }, tool_use_id: 'u', cwd: '/repo' }).stdout)).toMatchObject({ permission: 'deny' });
  });
  it('beforeMCPExecution: tool_input is JSON text, with mcp_server_name and url | command', () => {
    const input = { ...sdk, hook_event_name: 'beforeMCPExecution', tool_name: 'call_aws', tool_input: JSON.stringify({ cli_command: 'aws s3 rb s3://prod --force' }), mcp_server_name: 'aws', command: 'uvx awslabs.aws-api-mcp-server@latest' };
    expect(JSON.parse(guard(input).stdout)).toMatchObject({ permission: 'deny' });
  });
});

describe('Cursor beforeMCPExecution', () => {
  it('judges the MCP tool call (not the server command it carries) and answers permission deny', () => {
    const input = { hook_event_name: 'beforeMCPExecution', conversation_id: 'c', generation_id: 'g', workspace_roots: ['/repo'], tool_name: 'call_aws', tool_input: JSON.stringify({ cli_command: 'aws s3 rb s3://prod --force' }), command: 'uvx awslabs.aws-api-mcp-server@latest' };
    expect(JSON.parse(guard(input, 'cursor').stdout)).toMatchObject({ permission: 'deny' });
    expect(JSON.parse(guard({ ...input, tool_input: { cli_command: 'aws s3 ls' } }).stdout)).toEqual({ permission: 'allow' }); // detected as Cursor
  });
});

describe('OpenClaw before_tool_call (through the Steer plugin)', () => {
  const input = (command: string) => ({ hook_event_name: 'before_tool_call', toolName: 'exec', params: { command }, cwd: '/repo' });
  it('answers block with the reason, or an empty object; exit 0 either way', () => {
    const deny = guard(input(apply));
    expect(deny.code).toBe(0);
    expect(JSON.parse(deny.stdout)).toMatchObject({ block: true, blockReason: expect.stringMatching(/steer plan-check/) });
    expect(JSON.parse(guard(input('terraform plan'), 'openclaw').stdout)).toEqual({});
  });
  it('a malformed input is blocked with exit 0 (the plugin reads only the answer)', () => {
    const r = guard({ hook_event_name: 'before_tool_call', toolName: 'exec', params: {} }, 'openclaw');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ block: true });
  });
});

describe('Gemini CLI BeforeTool', () => {
  it('denies run_shell_command with decision deny and exit 2', () => {
    const r = guard({ hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: apply } });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'deny' });
  });
});

describe('GitHub Copilot preToolUse', () => {
  it('reads toolArgs as a JSON string and denies with permissionDecision', () => {
    const r = guard({ timestamp: 1, cwd: '/repo', toolName: 'bash', toolArgs: JSON.stringify({ command: apply, description: 'x' }) });
    expect(JSON.parse(r.stdout)).toMatchObject({ permissionDecision: 'deny' });
  });
});

describe('Kiro CLI preToolUse', () => {
  it('blocks with exit 2 and the reason on stderr', () => {
    const r = guard({ hook_event_name: 'preToolUse', cwd: '/repo', tool_name: 'execute_bash', tool_input: { command: apply } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Denied: .*terraform apply/);
  });
  it('knows the shell tool by its current name too', () => {
    expect(guard({ hook_event_name: 'preToolUse', cwd: '/repo', tool_name: 'shell', tool_input: { command: apply } }).code).toBe(2);
    expect(guard({ hook_event_name: 'preToolUse', cwd: '/repo', tool_name: 'shell', tool_input: { command: 'ls' } }).code).toBe(0);
  });
});

describe('fails closed', () => {
  it.each([
    ['malformed JSON', '{"tool_name": "Bash", "tool_input": {"comm'],
    ['a shell call without a command', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} }],
    ['an empty input', ''],
  ])('%s is denied in the blocking form (exit 2)', (_what, input) => {
    const r = guard(input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/denied/);
  });

  it.each([
    ['codex', { hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: {} }],
    ['cursor', { hook_event_name: 'beforeShellExecution' }],
    ['gemini', { hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 42 } }],
    ['kiro', { hook_event_name: 'preToolUse', tool_name: 'shell' }],
  ])('%s: a malformed input is denied in its own format with exit 2', (runtime, input) => {
    const r = guard(input, runtime);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not check this command/);
  });

  it('copilot: a malformed input is denied with its deny answer and exit 0 (Copilot skips a hook that exits non-zero)', () => {
    const r = guard({ toolName: 'bash', toolArgs: '{"command": ' }, 'copilot');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ permissionDecision: 'deny' });
    expect(JSON.parse(r.stdout).permissionDecisionReason).toMatch(/could not check this command/);
  });

  it('copilot: a broken steer.yml is denied with exit 0 too', () => {
    const r = runCli(['guard', '--runtime', 'copilot', '--config', 'no-such-steer.yml'], { input: JSON.stringify({ toolName: 'bash', toolArgs: '{"command":"ls"}' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ permissionDecision: 'deny' });
  });

  it.each([
    ['claude', 2, (out: string) => JSON.parse(out).hookSpecificOutput.permissionDecision],
    ['copilot', 0, (out: string) => JSON.parse(out).permissionDecision],
  ])('%s: a guard that gets no answer in time (stdin never closes) denies before the runtime times the hook out', async (runtime, exitCode, decision) => {
    const r = await guardWithOpenStdin(runtime, { STEER_GUARD_DEADLINE_MS: '500' });
    expect(r.code).toBe(exitCode);
    expect(decision(r.stdout)).toBe('deny');
    expect(r.stderr).toMatch(/did not answer within 0.5 s/);
  });

  it('an unknown --runtime (a broken hook command) denies with exit 2', () => {
    expect(guard({ tool_name: 'Bash', tool_input: { command: 'ls' } }, 'vim').code).toBe(2);
  });

  it('a broken steer.yml denies instead of letting commands through', () => {
    const r = runCli(['guard', '--config', 'no-such-steer.yml', '--', 'ls']);
    expect(r.code).toBe(2);
  });
});

describe('steer guard -- <command…>', () => {
  it('exit 0 allows, exit 2 denies; several words are an argv', () => {
    expect(runCli(['guard', '--', 'terraform', 'plan']).code).toBe(0);
    expect(runCli(['guard', '--', 'bash', '-c', 'terraform apply']).code).toBe(2);
    expect(runCli(['guard', '--', 'terraform apply && echo ok']).code).toBe(2);
  });
});

/** `steer guard` with a stdin that stays open (a runtime that never finishes writing), killed after 10 s. */
function guardWithOpenStdin(runtime: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtCli, 'guard', '--runtime', runtime], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.write('{"tool_name": "Bash", ');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
