import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DRIVERS, trustFolder } from './drivers.js';
import { expectGuarded, expectUnguarded } from './expectations.js';
import { breakSteer, prepareProject, removeProjects, scriptedCommands, story } from './harness.js';
import { startScriptedModel, type ScriptedModel } from './scripted-model.js';

let model: ScriptedModel | undefined;
afterEach(async () => model?.close());
afterAll(removeProjects);

describe('GitHub Copilot CLI, driven for real (BYOK: scripted Anthropic API on loopback, offline, --yolo)', () => {
  it('in a trusted folder the hook steer init writes denies the mutation and lets the read run', async () => {
    const project = prepareProject('copilot');
    trustFolder('copilot', project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.copilot(project, model));
  });

  it('when steer cannot start, the hook still answers deny (Copilot skips a hook that exits non-zero); trusted for one run with --trust-folder', async () => {
    const project = prepareProject('copilot');
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    const r = await DRIVERS.copilot(project, model, ['--trust-folder']);
    expect(project.ran('apply'), story(r, model)).toBe(false);
    expect(project.exists('touched')).toBe(false);
    expect(model.toolResults[0], story(r, model)).toMatch(/Steer could not run/);
  });

  it('in an untrusted folder, copilot -p runs without .github/hooks: the mutation runs (the step init names)', async () => {
    const project = prepareProject('copilot');
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectUnguarded(project, model, await DRIVERS.copilot(project, model));
  });
});
