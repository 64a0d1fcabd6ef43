#!/usr/bin/env node
// A stand-in for the AWS API MCP server (awslabs aws-api-mcp-server) on stdio, for the real-runtime
// tests: one tool, call_aws {cli_command}, that never calls AWS — it records each command it was
// given in a marker file (the directory in argv[2]: ran-mcp-1, ran-mcp-2…) and answers as text.
// MCP over stdio is newline-delimited JSON-RPC 2.0 (modelcontextprotocol.io, "Transports"); this
// answers only what a client needs to list and call a tool.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const dir = process.argv[2];
const TOOL = {
  name: 'call_aws',
  description: 'Runs an AWS CLI command (a fake: it only records the command).',
  inputSchema: { type: 'object', properties: { cli_command: { type: 'string', description: 'The AWS CLI command, starting with "aws".' } }, required: ['cli_command'] },
};

const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);

function answer(method, params) {
  switch (method) {
    case 'initialize':
      return { protocolVersion: params?.protocolVersion ?? '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'aws-api', version: '0.0.0-fake' } };
    case 'ping':
      return {};
    case 'tools/list':
      return { tools: [TOOL] };
    case 'tools/call': {
      const command = String(params?.arguments?.cli_command ?? '');
      const n = readdirSync(dir).filter((f) => f.startsWith('ran-mcp-')).length + 1;
      writeFileSync(join(dir, `ran-mcp-${n}`), command);
      return { content: [{ type: 'text', text: `fake aws: ${command}` }] };
    }
    case 'resources/list':
      return { resources: [] };
    case 'prompts/list':
      return { prompts: [] };
    default:
      return undefined;
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (message.id === undefined) return; // a notification (initialized, cancelled…)
  const result = answer(message.method, message.params);
  if (result === undefined) send({ id: message.id, error: { code: -32601, message: `method not found: ${message.method}` } });
  else send({ id: message.id, result });
});
