import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// The plugin `steer init --agent openclaw` writes, loaded as OpenClaw loads a native plugin (the
// default export's register(api), then api.on('before_tool_call', handler)), with the event shape of
// OpenClaw's docs/plugins/hooks/tool-policy.md. OpenClaw itself is not started here: its package is
// ~95 MB with a gateway to run; the hook contract is what the plugin depends on.
type Handler = (event: { toolName: string; params: Record<string, unknown> }) => Promise<{ block: true; blockReason: string } | undefined>;
let project: string;
let handler: Handler;
let on: { name: string; options: unknown }[];

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'steer-openclaw-'));
  expect(runCli(['init', '--agent', 'openclaw'], { cwd: project }).code).toBe(0);
  // The project has steer installed, as `npm install -D steer` would leave it.
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  symlinkSync(builtCli, join(project, 'node_modules/.bin/steer'));
  const plugin = (await import(pathToFileURL(join(project, '.openclaw/extensions/steer-guard/index.js')).href)) as { default: { id: string; register(api: unknown): void } };
  on = [];
  plugin.default.register({ on: (name: string, h: Handler, options: unknown) => ((handler = h), on.push({ name, options })) });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the OpenClaw plugin', () => {
  it('registers one before_tool_call hook for every tool', () => {
    expect(on).toEqual([{ name: 'before_tool_call', options: { priority: 100 } }]);
  });

  it('blocks a mutating exec call with Steer\'s reason', async () => {
    const r = await handler({ toolName: 'exec', params: { command: 'terraform apply -auto-approve' } });
    expect(r).toMatchObject({ block: true });
    expect(r!.blockReason).toMatch(/terraform apply.*steer plan-check/s);
  });

  it('lets a read through (no decision)', async () => {
    expect(await handler({ toolName: 'exec', params: { command: 'terraform plan -out=tfplan' } })).toBeUndefined();
  });

  it('blocks an MCP mutation and an edit of its own files', async () => {
    expect(await handler({ toolName: 'aws-api__call_aws', params: { cli_command: 'aws s3 rb s3://prod --force' } })).toMatchObject({ block: true });
    expect(await handler({ toolName: 'write', params: { path: join(project, '.openclaw/extensions/steer-guard/index.js'), content: '' } })).toMatchObject({ block: true });
  });

  it('blocks when steer cannot run', async () => {
    const plugin = (await import(pathToFileURL(join(project, '.openclaw/extensions/steer-guard/index.js')).href)) as { judge: (e: unknown, o: unknown) => Promise<unknown> };
    const r = await plugin.judge({ toolName: 'exec', params: { command: 'ls' } }, { command: ['steer-is-not-installed-here'], cwd: project });
    expect(r).toMatchObject({ block: true, blockReason: expect.stringMatching(/could not check this tool call/) });
  });
});
