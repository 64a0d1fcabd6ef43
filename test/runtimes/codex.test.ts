import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { codexHome, DRIVERS, writeCodexConfig } from './drivers.js';
import { expectBlockedWithoutSteer, expectGuarded, expectUnguarded } from './expectations.js';
import { breakSteer, prepareProject, removeProjects, runtimeBin, scriptedCommands } from './harness.js';
import { startScriptedModel, type ScriptedModel } from './scripted-model.js';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let model: ScriptedModel | undefined;
afterEach(async () => model?.close());
afterAll(removeProjects);

describe('Codex, driven for real (scripted Responses API on loopback, codex exec)', () => {
  it('in a folder the user trusts, steer init trusts its hook, and the hook denies the mutation and lets the read run', async () => {
    const project = prepareProject('codex', false);
    writeCodexConfig(project, undefined); // the user trusted the folder
    const init = runCli(['init', '--agent', 'codex'], { cwd: project.dir, env: { CODEX_HOME: codexHome(project), PATH: `${dirname(runtimeBin('codex'))}:${process.env.PATH}` } });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Codex: the Steer hook is trusted for this folder/);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.codex(project, model));
  });

  it('when steer cannot start, the trusted hook blocks every command (`|| exit 2`)', async () => {
    const project = prepareProject('codex', false);
    writeCodexConfig(project, undefined);
    runCli(['init', '--agent', 'codex'], { cwd: project.dir, env: { CODEX_HOME: codexHome(project), PATH: `${dirname(runtimeBin('codex'))}:${process.env.PATH}` } });
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectBlockedWithoutSteer(project, model, await DRIVERS.codex(project, model));
  });

  it('in a folder the user has not trusted, steer init trusts nothing and names the two steps', () => {
    const project = prepareProject('codex', false);
    mkdirSync(codexHome(project), { recursive: true }); // Codex has run before, for other folders
    const init = runCli(['init', '--agent', 'codex'], { cwd: project.dir, env: { CODEX_HOME: codexHome(project), PATH: `${dirname(runtimeBin('codex'))}:${process.env.PATH}` } });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Codex does not trust this folder yet, so it will not run the hook\..*\(1\) trust this folder.*\(2\) run `steer init --agent codex` again/s);
    expect(existsSync(join(codexHome(project), 'config.toml')) ? readFileSync(join(codexHome(project), 'config.toml'), 'utf8') : '').not.toMatch(/hooks\.state|trust_level/);
  });

  it('a hook nobody trusted is skipped: the mutation runs (why init trusts it, or names the step)', async () => {
    const project = prepareProject('codex', false);
    const init = runCli(['init', '--agent', 'codex'], { cwd: project.dir, env: { CODEX_HOME: codexHome(project), PATH: '/usr/bin:/bin' } });
    expect(init.stdout).toMatch(/Codex was not found on PATH, so the hook is not trusted yet.*\/hooks/s);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectUnguarded(project, model, await DRIVERS.codex(project, model));
  });
});
