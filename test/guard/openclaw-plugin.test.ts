import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// The plugin `steer init --agent openclaw` writes, loaded as OpenClaw loads a native plugin: a copy
// of it imported from elsewhere (OpenClaw 2026.9.6 imports from ~/.openclaw/tmp/plugin-captures/…),
// the default export's register(api) with api.rootDir where it was found, then
// api.on('before_tool_call', handler), with the event shape of OpenClaw's
// docs/plugins/hooks/tool-policy.md. The real OpenClaw runs it in test/runtimes/openclaw.test.ts.
type Handler = (event: { toolName: string; params: Record<string, unknown> }) => Promise<{ block: true; blockReason: string } | undefined>;
let project: string;
let handler: Handler;
let on: { name: string; options: unknown }[];
let copy: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'steer-openclaw-'));
  expect(runCli(['init', '--agent', 'openclaw'], { cwd: project }).code).toBe(0);
  // The project has steer installed, as `npm install -D steer` would leave it.
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  symlinkSync(builtCli, join(project, 'node_modules/.bin/steer'));
  mkdirSync(join(project, 'infra'));
  writeFileSync(join(project, 'infra/plan.sh'), '#!/bin/sh\nterraform plan -out=tfplan\n');
  writeFileSync(join(project, 'infra/apply.sh'), '#!/bin/sh\nterraform apply -auto-approve\n');
  copy = mkdtempSync(join(tmpdir(), 'steer-openclaw-capture-'));
  copyFileSync(join(project, '.openclaw/extensions/steer-guard/index.js'), join(copy, 'index.js'));
  const plugin = (await import(pathToFileURL(join(copy, 'index.js')).href)) as { default: { id: string; register(api: unknown): void } };
  on = [];
  plugin.default.register({ rootDir: join(project, '.openclaw/extensions/steer-guard'), on: (name: string, h: Handler, options: unknown) => ((handler = h), on.push({ name, options })) });
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

describe('the OpenClaw plugin', () => {
  it('registers one before_tool_call hook for every tool, with a budget longer than Steer takes to answer', () => {
    expect(on).toEqual([{ name: 'before_tool_call', options: { priority: 100, timeoutMs: 30000 } }]);
  });

  it('judges in the project where OpenClaw found it (api.rootDir), not where its copy was imported from', async () => {
    expect(await handler({ toolName: 'write', params: { path: 'notes.txt', content: 'x' } })).toBeUndefined();
    const r = await handler({ toolName: 'edit', params: { path: 'steer.yml', edits: [] } });
    expect(r?.blockReason).toMatch(/steer\.yml, Steer's policy/);
  });

  it("reads the scripts an exec call runs from its workdir", async () => {
    expect(await handler({ toolName: 'exec', params: { command: './plan.sh', workdir: 'infra' } })).toBeUndefined();
    expect((await handler({ toolName: 'exec', params: { command: './apply.sh', workdir: 'infra' } }))?.blockReason).toMatch(/apply\.sh runs what is denied/);
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
    const plugin = (await import(pathToFileURL(join(copy, 'index.js')).href)) as { judge: (e: unknown, o: unknown) => Promise<unknown> };
    const r = await plugin.judge({ toolName: 'exec', params: { command: 'ls' } }, { command: ['steer-is-not-installed-here'], project });
    expect(r).toMatchObject({ block: true, blockReason: expect.stringMatching(/could not check this tool call/) });
  });
});
