import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { configureOpenClaw, DRIVERS, openClawProvider, openClawWorkspace, runOpenClaw } from './drivers.js';
import { expectBlockedWithoutSteer, expectGuarded, expectUnguarded } from './expectations.js';
import { breakSteer, type Project, prepareProject, removeProjects, scriptedCommands, story } from './harness.js';
import { startScriptedModel, type ScriptedModel } from './scripted-model.js';

let model: ScriptedModel | undefined;
afterEach(async () => model?.close());
afterAll(removeProjects);

const PLUGIN = '.openclaw/extensions/steer-guard';
const read = (project: Project, file: string): string => readFileSync(join(project.dir, file), 'utf8');

/** A project prepared by steer init that is the agent's workspace in OpenClaw, with the plugin the user enabled. */
function workspaceProject(): Project {
  const project = prepareProject('openclaw');
  configureOpenClaw(project, openClawWorkspace(project));
  return project;
}

/** The project's plugin with its before_tool_call handler replaced (what OpenClaw does when a plugin fails). */
function replaceHandler(project: Project, handler: string): void {
  const file = join(project.dir, PLUGIN, 'index.js');
  const text = read(project, `${PLUGIN}/index.js`);
  const changed = text.replace(/api\.on\('before_tool_call', .*\);/, `api.on('before_tool_call', ${handler}, { priority: 100 });`);
  expect(changed, 'the handler line of the plugin steer init writes').not.toBe(text);
  writeFileSync(file, changed);
}

describe('OpenClaw, driven for real (scripted Anthropic API on loopback, openclaw agent --local, Node 24)', () => {
  it('in the workspace, with the plugin the user enabled, it blocks the mutation with Steer\'s reason and lets the read run', async () => {
    const project = workspaceProject();
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.openclaw(project, model));
  });

  it('the steps steer init names (plugins install --link, plugins enable) make the plugin live outside the workspace too', async () => {
    const project = prepareProject('openclaw', false);
    const init = runCli(['init', '--agent', 'openclaw'], { cwd: project.dir });
    expect(init.stdout).toMatch(/openclaw plugins install --link \.\/\.openclaw\/extensions\/steer-guard.*--force --accept-capabilities.*openclaw plugins enable steer-guard/s);
    // Without a terminal, OpenClaw asks for the review it would prompt for as flags.
    const install = await runOpenClaw(project, ['plugins', 'install', '--link', '--force', '--accept-capabilities', `./${PLUGIN}`]);
    expect(install.code, install.stdout + install.stderr).toBe(0);
    const enable = await runOpenClaw(project, ['plugins', 'enable', 'steer-guard']);
    expect(enable.code, enable.stdout + enable.stderr).toBe(0);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.openclaw(project, model));
  });

  it('its file tools (write, edit, apply_patch) cannot change the plugin or steer.yml, other files they can; the Tool Search bridge (tool_call) is judged too', async () => {
    const project = workspaceProject();
    const { mutation } = scriptedCommands(project);
    const plugin = read(project, `${PLUGIN}/index.js`);
    const policy = read(project, 'steer.yml');
    model = await startScriptedModel([
      { tool: 'write', input: { path: join(project.dir, PLUGIN, 'index.js'), content: "export default { id: 'steer-guard', register() {} };\n" } },
      { tool: 'edit', input: { path: 'steer.yml', edits: [{ oldText: 'guard:', newText: 'unguarded:' }] } },
      { tool: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: .openclaw/extensions/other/index.js\n+export default {};\n*** End Patch\n' } },
      { tool: 'write', input: { path: 'notes.txt', content: 'a file of the project\n' } },
      { tool: 'tool_call', input: { id: 'exec', args: { command: mutation } } },
    ]);
    const r = await DRIVERS.openclaw(project, model);
    const s = story(r, model);
    expect(model.toolResults, s).toHaveLength(5);
    expect(model.toolResults[0], s).toMatch(/Denied: write would change .*steer-guard\/index\.js/);
    expect(model.toolResults[1], s).toMatch(/Denied: edit would change steer\.yml, Steer's policy/);
    expect(model.toolResults[2], s).toMatch(/Denied: apply_patch would change .*\.openclaw\/extensions\/other\/index\.js/);
    expect(read(project, `${PLUGIN}/index.js`)).toBe(plugin);
    expect(read(project, 'steer.yml')).toBe(policy);
    expect(project.exists('.openclaw/extensions/other/index.js')).toBe(false);
    // Relative paths are the project's: the plugin runs steer there, not where OpenClaw keeps its copy.
    expect(project.exists('notes.txt'), `a write of a project file was blocked:\n${s}`).toBe(true);
    expect(model.toolResults[4], s).toMatch(/steer plan-check/);
    expect(project.ran('apply'), s).toBe(false);
    expect(project.exists('touched'), s).toBe(false);
  });

  it('an MCP server\'s tools (a stand-in for the AWS API server, through tool_call): the mutation is blocked, the read runs', async () => {
    const project = workspaceProject();
    configureOpenClaw(project, { mcp: { servers: { 'aws-api': { command: process.execPath, args: [join(import.meta.dirname, 'fake-aws-mcp.mjs'), project.dir] } } } });
    model = await startScriptedModel([
      { tool: 'tool_call', input: { id: 'aws-api__call_aws', args: { cli_command: 'aws s3 rb s3://prod --force' } } },
      { tool: 'tool_call', input: { id: 'aws-api__call_aws', args: { cli_command: 'aws s3 ls' } } },
    ]);
    const r = await DRIVERS.openclaw(project, model);
    const s = story(r, model);
    expect(model.toolResults, s).toHaveLength(2);
    expect(model.toolResults[0], s).toMatch(/Denied: call_aws of the AWS API MCP server .*aws s3 rb/);
    expect(project.exists('ran-mcp-1') ? read(project, 'ran-mcp-1') : '', `the read did not run:\n${s}`).toBe('aws s3 ls');
    expect(project.exists('ran-mcp-2'), `the mutation ran:\n${s}`).toBe(false);
  });

  it('when steer cannot start, the plugin blocks every call', async () => {
    const project = workspaceProject();
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    const r = await DRIVERS.openclaw(project, model);
    expectBlockedWithoutSteer(project, model, r);
    expect(model.toolResults[0], story(r, model)).toMatch(/Steer guard could not check this tool call/);
  });

  it.each([
    ['throws', "() => { throw new Error('a bug in the plugin'); }"],
    ['outlasts its timeoutMs', '() => new Promise(() => {})'],
  ])('a before_tool_call handler that %s blocks the call (OpenClaw fails closed)', async (_what, handler) => {
    const project = workspaceProject();
    configureOpenClaw(project, { plugins: { entries: { 'steer-guard': { hooks: { timeoutMs: 2000 } } } } });
    replaceHandler(project, handler);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    const r = await DRIVERS.openclaw(project, model);
    expectBlockedWithoutSteer(project, model, r);
    expect(model.toolResults[0], story(r, model)).toMatch(/blocked because before_tool_call hook failed/);
  });

  it('a plugin that fails to load stops the turn before the model is asked', async () => {
    const project = workspaceProject();
    writeFileSync(join(project.dir, PLUGIN, 'index.js'), "export default { id: 'steer-guard', register() { throw new Error('cannot load'); } };\n");
    const { mutation } = scriptedCommands(project);
    model = await startScriptedModel([mutation]);
    const r = await DRIVERS.openclaw(project, model);
    expect(r.code, story(r, model)).not.toBe(0);
    expect(r.stderr).toMatch(/plugin load failed: steer-guard/);
    expect(model.toolResults).toHaveLength(0);
    expect(project.exists('touched')).toBe(false);
  });

  it('a workspace plugin nobody enabled is not loaded: the mutation runs (why init names the step)', async () => {
    const project = prepareProject('openclaw');
    configureOpenClaw(project, openClawWorkspace(project, false));
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectUnguarded(project, model, await DRIVERS.openclaw(project, model));
  });

  it('openclaw agent exec loads no plugins, the enabled one included: the mutation runs (a gap init names)', async () => {
    const project = workspaceProject();
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    configureOpenClaw(project, openClawProvider(model));
    const r = await runOpenClaw(project, ['agent', 'exec', 'Run the commands you are given, one at a time.', '--cwd', project.dir, '--json']);
    expectUnguarded(project, model, r);
    expect(existsSync(join(project.dir, PLUGIN, 'index.js'))).toBe(true);
  });
});
