import { describe, expect, it } from 'vitest';
import { answerHook } from '../../src/app/guard.js';
import { NO_LISTS } from '../../src/guard/decide.js';
import type { HookAnswer, Runtime } from '../../src/guard/runtimes/index.js';

// Hook inputs of tool calls that are not shell commands, in each runtime's own shape (from its
// hooks reference or source), and what the guard answers in that runtime's own form.
const REPO = '/srv/checkout/repo';

function verdict(runtime: Runtime, a: HookAnswer): 'allow' | 'deny' {
  switch (runtime) {
    case 'claude':
      return a.stdout === '' ? 'allow' : JSON.parse(a.stdout).hookSpecificOutput.permissionDecision;
    case 'codex':
    case 'kiro':
      return a.exitCode === 2 ? 'deny' : 'allow';
    case 'gemini':
      return JSON.parse(a.stdout).decision;
    case 'cursor':
      return JSON.parse(a.stdout).permission;
    case 'copilot':
      return a.stdout === '' ? 'allow' : JSON.parse(a.stdout).permissionDecision;
    case 'openclaw':
      return JSON.parse(a.stdout).block === true ? 'deny' : 'allow';
  }
}
const answer = (runtime: Runtime, input: unknown) => answerHook(JSON.stringify(input), runtime, NO_LISTS);
const decide = (runtime: Runtime, input: unknown) => verdict(runtime, answer(runtime, input));

// One file tool call per runtime, writing `file`.
const FILE_TOOLS: [string, Runtime, (file: string) => unknown][] = [
  ['Claude Code Edit', 'claude', (f) => ({ session_id: 's', cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: f, old_string: 'a', new_string: 'b' } })],
  ['Claude Code Write', 'claude', (f) => ({ cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: f, content: '{}' } })],
  ['Claude Code MultiEdit', 'claude', (f) => ({ cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'MultiEdit', tool_input: { file_path: f, edits: [{ old_string: 'a', new_string: 'b' }] } })],
  ['Claude Code NotebookEdit', 'claude', (f) => ({ cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'NotebookEdit', tool_input: { notebook_path: f, new_source: 'x' } })],
  ['Codex apply_patch (envelope)', 'codex', (f) => ({ cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Update File: ${f}\n@@\n-a\n+b\n*** End Patch\n` } })],
  ['Codex apply_patch (argv)', 'codex', (f) => ({ cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: ['apply_patch', `*** Begin Patch\n*** Add File: ${f}\n+{}\n*** End Patch`] } })],
  ['Gemini CLI write_file', 'gemini', (f) => ({ cwd: REPO, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: f, content: '{}' } })],
  ['Gemini CLI replace', 'gemini', (f) => ({ cwd: REPO, hook_event_name: 'BeforeTool', tool_name: 'replace', tool_input: { file_path: f, old_string: 'a', new_string: 'b' } })],
  ['Cursor preToolUse Write', 'cursor', (f) => ({ hook_event_name: 'preToolUse', workspace_roots: [REPO], tool_name: 'Write', tool_input: { file_path: f, contents: '{}' } })],
  ['Cursor preToolUse StrReplace', 'cursor', (f) => ({ conversation_id: 'c', hook_event_name: 'preToolUse', workspace_roots: [REPO], tool_name: 'StrReplace', tool_input: { file_path: f, old_string: 'a', new_string: 'b' } })],
  ['Cursor preToolUse Delete', 'cursor', (f) => ({ conversation_id: 'c', hook_event_name: 'preToolUse', workspace_roots: [REPO], tool_name: 'Delete', tool_input: { path: f } })],
  ['Copilot edit', 'copilot', (f) => ({ timestamp: 1, cwd: REPO, toolName: 'edit', toolArgs: JSON.stringify({ path: f, old_str: 'a', new_str: 'b' }) })],
  ['Copilot create', 'copilot', (f) => ({ timestamp: 1, cwd: REPO, toolName: 'create', toolArgs: JSON.stringify({ path: f, file_text: '{}' }) })],
  ['Kiro fs_write', 'kiro', (f) => ({ hook_event_name: 'preToolUse', cwd: REPO, tool_name: 'fs_write', tool_input: { command: 'create', path: f, file_text: '{}' } })],
  ['OpenClaw write', 'openclaw', (f) => ({ hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'write', params: { path: f, content: '{}' } })],
  ['OpenClaw edit', 'openclaw', (f) => ({ hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'edit', params: { path: f, oldText: 'a', newText: 'b' } })],
  ['OpenClaw apply_patch', 'openclaw', (f) => ({ hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'apply_patch', params: { input: `*** Begin Patch\n*** Delete File: ${f}\n*** End Patch` } })],
];

const PROTECTED = [
  '.claude/settings.json', `${REPO}/.claude/settings.local.json`, '.codex/hooks.json', '.codex/config.toml', '.cursor/hooks.json', '.gemini/settings.json',
  '.github/hooks/steer.json', '.kiro/hooks/steer.json', '.kiro/agents/steer-guarded.json', '.openclaw/extensions/steer-guard/index.js', 'steer.yml', '.steer.yml',
  '.github/workflows/steer.yml', '.github/workflows/steer-apply.yml', 'infra/../.claude/settings.json', '.Claude/Settings.JSON', '/home/dev/.gemini/settings.json',
  'node_modules/.bin/steer', 'node_modules/@steer-gate/cli/dist/cli.js', '/home/dev/.gemini/trustedFolders.json', '/home/dev/.copilot/config.json',
];
const ORDINARY = ['main.tf', `${REPO}/envs/prod/main.tf`, '.github/workflows/ci.yml', 'README.md', '.claude/agents/reviewer.md', 'src/settings.json'];

describe('self-protection: file tools may not edit the guard, the policy or the gate', () => {
  for (const [tool, runtime, input] of FILE_TOOLS) {
    it.each(PROTECTED)(`${tool} of %s is denied`, (file) => {
      expect(decide(runtime, input(file))).toBe('deny');
    });
    it.each(ORDINARY)(`${tool} of %s is allowed`, (file) => {
      expect(decide(runtime, input(file))).toBe('allow');
    });
  }

  it('the denial says which file, what it is, and that a human changes it', () => {
    const reason = JSON.parse(answer('claude', FILE_TOOLS[0]![2]('.claude/settings.json')).stdout).hookSpecificOutput.permissionDecisionReason;
    expect(reason).toMatch(/Edit would change \.claude\/settings\.json, Claude Code's settings/);
    expect(reason).toMatch(/a human make the change in a reviewed pull request/);
  });

  it.each([
    ['mcp__filesystem__write_file', { path: `${REPO}/.claude/settings.json`, content: '{}' }],
    ['mcp__filesystem__edit_file', { path: '.github/workflows/steer.yml', edits: [] }],
    ['mcp__filesystem__move_file', { source: 'steer.yml', destination: 'steer.yml.off' }],
    ['mcp__desktop-commander__write_file', { path: '.gemini/settings.json', content: '{}' }],
  ])('an MCP file server\'s %s of a protected file is denied', (tool, args) => {
    expect(decide('claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: args })).toBe('deny');
  });

  it('an MCP file server may read them, and write other files', () => {
    expect(decide('claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'mcp__filesystem__read_file', tool_input: { path: '.claude/settings.json' } })).toBe('allow');
    expect(decide('claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'mcp__filesystem__write_file', tool_input: { path: 'main.tf', content: '' } })).toBe('allow');
  });

  it('Codex apply_patch run as a shell command may not patch them either', () => {
    const patch = `*** Begin Patch\n*** Update File: .codex/hooks.json\n@@\n-a\n+b\n*** End Patch`;
    expect(decide('codex', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'exec_command', tool_input: { command: `apply_patch <<'EOF'\n${patch}\nEOF` } })).toBe('deny');
    expect(decide('codex', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['apply_patch', patch] } })).toBe('deny');
    expect(decide('codex', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['apply_patch', patch.replace('.codex/hooks.json', 'main.tf')] } })).toBe('allow');
  });

  it('Cursor: relative paths are resolved from the first workspace root (its events have no cwd)', () => {
    const write = (root: string) => ({ hook_event_name: 'preToolUse', workspace_roots: [root], tool_name: 'Write', tool_input: { file_path: 'hooks.json' } });
    expect(decide('cursor', write(`${REPO}/.cursor`))).toBe('deny');
    expect(decide('cursor', write(REPO))).toBe('allow');
  });

  it('a write tool whose file cannot be told is denied', () => {
    expect(decide('claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { content: '{}' } })).toBe('deny');
  });
});

const AWS_DELETE = 'aws cloudformation delete-stack --stack-name prod';
describe('MCP tool calls in each runtime', () => {
  it.each([
    ['claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'mcp__aws-api__call_aws', tool_input: { cli_command: AWS_DELETE } }],
    ['codex', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'mcp__aws-api__call_aws', tool_input: { cli_command: AWS_DELETE } }],
    ['gemini', { cwd: REPO, hook_event_name: 'BeforeTool', tool_name: 'mcp_aws-api_call_aws', tool_input: { cli_command: AWS_DELETE }, mcp_context: { server_name: 'aws-api', tool_name: 'call_aws', command: 'uvx', args: ['awslabs.aws-api-mcp-server@latest'] } }],
    ['cursor', { hook_event_name: 'beforeMCPExecution', workspace_roots: [REPO], tool_name: 'call_aws', tool_input: { cli_command: AWS_DELETE }, command: 'uvx awslabs.aws-api-mcp-server@latest' }],
    ['cursor', { hook_event_name: 'beforeMCPExecution', tool_name: 'delete_resource', tool_input: JSON.stringify({ resource_type: 'AWS::S3::Bucket', identifier: 'b' }), url: 'http://127.0.0.1:8000/ccapi/mcp' }],
    ['copilot', { timestamp: 1, cwd: REPO, toolName: 'call_aws', toolArgs: JSON.stringify({ cli_command: AWS_DELETE }) }],
    ['kiro', { hook_event_name: 'preToolUse', cwd: REPO, tool_name: '@aws-api/call_aws', tool_input: { cli_command: AWS_DELETE } }],
    ['kiro', { hook_event_name: 'preToolUse', cwd: REPO, tool_name: 'use_aws', tool_input: { service_name: 'cloudformation', operation_name: 'delete-stack', parameters: { 'stack-name': 'prod' }, region: 'us-east-1', label: 'x' } }],
    ['openclaw', { hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'aws-api__call_aws', params: { cli_command: AWS_DELETE } }],
  ] as [Runtime, unknown][])('%s: a mutation through an MCP tool is denied in its own form', (runtime, input) => {
    const a = answer(runtime, input);
    expect(verdict(runtime, a)).toBe('deny');
    expect(a.stdout + a.stderr).toMatch(/steer plan-check/);
  });

  it.each([
    ['claude', { cwd: REPO, hook_event_name: 'PreToolUse', tool_name: 'mcp__aws-api__call_aws', tool_input: { cli_command: 'aws cloudformation describe-stacks' } }],
    ['cursor', { hook_event_name: 'beforeMCPExecution', tool_name: 'search_providers', tool_input: { provider_name: 'aws' }, command: 'docker run -i hashicorp/terraform-mcp-server' }],
    ['copilot', { timestamp: 1, cwd: REPO, toolName: 'view', toolArgs: JSON.stringify({ path: '/srv/checkout/repo/main.tf' }) }],
    ['openclaw', { hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'read', params: { path: 'main.tf' } }],
  ] as [Runtime, unknown][])('%s: a read is allowed', (runtime, input) => {
    expect(decide(runtime, input)).toBe('allow');
  });

  it('Cursor beforeMCPExecution is judged as the MCP call, not as the server command it carries', () => {
    const input = { hook_event_name: 'beforeMCPExecution', tool_name: 'create_resource', tool_input: { resource_type: 'AWS::S3::Bucket' }, command: 'uvx awslabs.ccapi-mcp-server@latest' };
    expect(decide('cursor', input)).toBe('deny');
  });

  it('OpenClaw exec is judged as the shell command it runs', () => {
    expect(decide('openclaw', { hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'exec', params: { command: 'terraform apply -auto-approve' } })).toBe('deny');
    expect(decide('openclaw', { hook_event_name: 'before_tool_call', cwd: REPO, toolName: 'exec', params: { command: 'terraform plan' } })).toBe('allow');
  });

  it('Copilot: arguments that are not JSON are denied with exit 0', () => {
    const a = answer('copilot', { timestamp: 1, cwd: REPO, toolName: 'call_aws', toolArgs: '{"cli_command": ' });
    expect(a.exitCode).toBe(0);
    expect(JSON.parse(a.stdout).permissionDecision).toBe('deny');
  });
});
