import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DRIVERS } from './drivers.js';
import { expectBlockedWithoutSteer, expectGuarded } from './expectations.js';
import { breakSteer, prepareProject, removeProjects, scriptedCommands } from './harness.js';
import { startScriptedModel, type ScriptedModel } from './scripted-model.js';

let model: ScriptedModel | undefined;
afterEach(async () => model?.close());
afterAll(removeProjects);

describe('Claude Code, driven for real (scripted model on loopback, bypassPermissions)', () => {
  it('the hook steer init writes denies the mutation and lets the read run', async () => {
    const project = prepareProject('claude');
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectGuarded(project, model, await DRIVERS.claude(project, model));
  });

  it('when steer cannot start, the hook blocks every command (`|| exit 2`)', async () => {
    const project = prepareProject('claude');
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    model = await startScriptedModel([mutation, read]);
    expectBlockedWithoutSteer(project, model, await DRIVERS.claude(project, model));
  });

  it('a hook that times out still blocks (onFailure: "block" in what init writes)', async () => {
    const project = prepareProject('claude');
    const file = join(project.dir, '.claude/settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    // The entries init wrote, their commands made to hang past their timeout — and no permission rules to catch it.
    for (const entry of settings.hooks.PreToolUse) for (const hook of entry.hooks) Object.assign(hook, { command: 'sleep 20', timeout: 1 });
    settings.permissions.deny = [];
    writeFileSync(file, JSON.stringify(settings));
    const { mutation } = scriptedCommands(project);
    model = await startScriptedModel([mutation]);
    const r = await DRIVERS.claude(project, model);
    expect(project.ran('apply'), JSON.stringify({ r, toolResults: model.toolResults })).toBe(false);
    expect(project.exists('touched')).toBe(false);
    expect(model.toolResults).toHaveLength(1);
  });
});
