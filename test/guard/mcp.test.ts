import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/app/guard.js';
import { NO_LISTS } from '../../src/guard/decide.js';
import { decideMcp, type JudgeCommand } from '../../src/guard/mcp.js';
import { MCP_SERVERS } from '../../src/guard/mcp-servers.js';
import { repoRoot } from '../support/paths.js';

interface Case {
  server: string;
  name: string;
  serverHint?: string;
  args: unknown;
  expect: 'allow' | 'deny';
}
const { calls } = JSON.parse(readFileSync(join(repoRoot, 'test/guard/mcp-calls.json'), 'utf8')) as { calls: Case[] };
const judge: JudgeCommand = (command) => checkCommand(command, NO_LISTS, repoRoot);

describe('MCP tool calls (test/guard/mcp-calls.json)', () => {
  it('is a corpus of at least 60 calls, reads and mutations of every infrastructure server', () => {
    expect(calls.length).toBeGreaterThanOrEqual(60);
    for (const server of ['aws-api', 'ccapi', 'cfn', 'aws-terraform', 'hcp-terraform']) {
      expect(calls.some((c) => c.server === server && c.expect === 'allow')).toBe(true);
      expect(calls.some((c) => c.server === server && c.expect === 'deny')).toBe(true);
    }
  });

  it.each(calls.map((c) => [c.expect, c.name, JSON.stringify(c.args), c] as const))('%s %s %s', (expected, _name, _args, c) => {
    const d = decideMcp({ name: c.name, args: c.args, ...(c.serverHint !== undefined ? { serverHint: c.serverHint } : {}) }, judge);
    expect(d.decision, d.reason).toBe(expected);
  });
});

describe('MCP decisions', () => {
  it('a call_aws denial says which command it judged and why', () => {
    const d = decideMcp({ name: 'mcp__aws-api__call_aws', args: { cli_command: 'aws cloudformation delete-stack --stack-name prod' } }, judge);
    expect(d.reason).toMatch(/call_aws of the AWS API MCP server .* would run "aws cloudformation delete-stack --stack-name prod"/);
  });

  it('guard.deny in steer.yml applies to the commands call_aws runs', () => {
    const strict: JudgeCommand = (command) => checkCommand(command, { deny: ['aws lambda invoke'], allow: [] }, repoRoot);
    expect(decideMcp({ name: 'mcp__aws-api__call_aws', args: { cli_command: 'aws lambda invoke --function-name f out.json' } }, strict).decision).toBe('deny');
  });

  it('an unknown tool of a known infrastructure server is denied, naming the server', () => {
    const d = decideMcp({ name: 'mcp__hcp-terraform__apply_everything', args: {} }, judge);
    expect(d).toMatchObject({ decision: 'deny' });
    expect(d.reason).toMatch(/not a tool Steer knows of the .*Terraform MCP server \(hashicorp/);
  });

  it('each server lists a tool once, and its distinctive tools among its own', () => {
    for (const s of MCP_SERVERS) {
      const tools = [...s.reads, ...s.mutations, ...Object.keys(s.judged ?? {})];
      expect(new Set(tools).size, s.title).toBe(tools.length);
      for (const d of s.distinctive) expect(tools, s.title).toContain(d);
    }
  });
});
