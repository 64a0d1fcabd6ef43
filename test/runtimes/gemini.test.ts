import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DRIVERS, trustFolder } from './drivers.js';
import { expectBlockedWithoutSteer, expectGuarded, expectUnguarded } from './expectations.js';
import { breakSteer, prepareProject, removeProjects, scriptedCommands } from './harness.js';
import { startScriptedModel, type ScriptedModel } from './scripted-model.js';

let model: ScriptedModel | undefined;
afterEach(async () => model?.close());
afterAll(removeProjects);

describe('Gemini CLI, driven for real (scripted Gemini API on loopback, --yolo)', () => {
  it('in a trusted folder the hook steer init writes denies the mutation and lets the read run', async () => {
    const project = prepareProject('gemini');
    trustFolder('gemini', project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.gemini(project, model));
  });

  it('when steer cannot start, the hook blocks every command (`|| exit 2`)', async () => {
    const project = prepareProject('gemini');
    trustFolder('gemini', project);
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectBlockedWithoutSteer(project, model, await DRIVERS.gemini(project, model));
  });

  it('headless, GEMINI_CLI_TRUST_WORKSPACE=true (the step init names) makes the hook live', async () => {
    const project = prepareProject('gemini');
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.gemini(project, model, [], { GEMINI_CLI_TRUST_WORKSPACE: 'true' }));
  });

  it('in an untrusted folder, --skip-trust runs without .gemini/settings.json: the mutation runs (the step init names)', async () => {
    const project = prepareProject('gemini');
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    const r = await DRIVERS.gemini(project, model, ['--skip-trust']);
    expectUnguarded(project, model, r);
    expect(r.code).toBe(0);
  });
});
