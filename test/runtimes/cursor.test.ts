import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DRIVERS } from './drivers.js';
import { expectBlockedWithoutSteer, expectGuarded, expectUnguarded } from './expectations.js';
import { breakSteer, prepareProject, removeProjects, scriptedCommands, story } from './harness.js';
import type { ScriptedModel } from './scripted-model.js';
import { startScriptedCursorBackend } from './scripted-cursor-backend.js';

let backend: ScriptedModel | undefined;
afterEach(async () => backend?.close());
afterAll(removeProjects);

describe("Cursor's agent SDK (@cursor/sdk, local agent), driven for real (scripted Cursor backend on loopback, offline)", () => {
  it('with the project settings loaded, the hooks steer init writes deny the mutation and let the read run', async () => {
    const project = prepareProject('cursor');
    const { mutation, read } = scriptedCommands(project);
    backend = await startScriptedCursorBackend([{ shell: mutation, cwd: project.dir }, { shell: read, cwd: project.dir }]);
    const r = await DRIVERS.cursor(project, backend);
    expectGuarded(project, backend, r);
    expect(r.code, story(r, backend)).toBe(0);
  });

  it("preToolUse stops its file tools' write and delete of .cursor/hooks.json before they happen", async () => {
    const project = prepareProject('cursor');
    const hooksFile = join(project.dir, '.cursor/hooks.json');
    const before = readFileSync(hooksFile, 'utf8');
    backend = await startScriptedCursorBackend([{ write: hooksFile, text: '{"version":1,"hooks":{}}\n' }, { delete: hooksFile }]);
    const r = await DRIVERS.cursor(project, backend);
    expect(backend.toolResults, story(r, backend)).toHaveLength(2);
    expect(readFileSync(hooksFile, 'utf8'), story(r, backend)).toBe(before);
    expect(backend.toolResults[0], story(r, backend)).toMatch(/^write error\n[\s\S]*Steer blocked[\s\S]*Cursor's hook configuration/);
    expect(backend.toolResults[1], story(r, backend)).toMatch(/^delete rejected\n[\s\S]*Steer blocked[\s\S]*Cursor's hook configuration/);
  });

  it('a steer that answers no JSON (exit 0) blocks the command', async () => {
    const project = prepareProject('cursor');
    writeFileSync(join(project.dir, 'node_modules/.bin/steer'), '#!/bin/sh\necho "not json"\n');
    const { mutation, read } = scriptedCommands(project);
    backend = await startScriptedCursorBackend([{ shell: mutation, cwd: project.dir }, { shell: read, cwd: project.dir }]);
    expectBlockedWithoutSteer(project, backend, await DRIVERS.cursor(project, backend));
  });

  it.each([
    [true, 'blocks'],
    [false, 'lets it run'],
  ])('a hook that times out: failClosed %s %s', async (failClosed) => {
    const project = prepareProject('cursor');
    writeFileSync(join(project.dir, 'node_modules/.bin/steer'), '#!/bin/sh\nsleep 5\n');
    const hooksFile = join(project.dir, '.cursor/hooks.json');
    const config = JSON.parse(readFileSync(hooksFile, 'utf8')) as { hooks: Record<string, Record<string, unknown>[]> };
    for (const entry of config.hooks.beforeShellExecution!) Object.assign(entry, { timeout: 1, failClosed });
    writeFileSync(hooksFile, JSON.stringify(config));
    const { mutation, read } = scriptedCommands(project);
    backend = await startScriptedCursorBackend([{ shell: mutation, cwd: project.dir }, { shell: read, cwd: project.dir }]);
    const r = await DRIVERS.cursor(project, backend);
    if (failClosed) expectBlockedWithoutSteer(project, backend, r);
    else expectUnguarded(project, backend, r);
  });

  it('when steer cannot start, the hook line exits 2, which blocks every command, the read included', async () => {
    const project = prepareProject('cursor');
    breakSteer(project);
    const { mutation, read } = scriptedCommands(project);
    backend = await startScriptedCursorBackend([{ shell: mutation, cwd: project.dir }, { shell: read, cwd: project.dir }]);
    expectBlockedWithoutSteer(project, backend, await DRIVERS.cursor(project, backend));
  });

  it('without settingSources "project", the local agent loads no .cursor/hooks.json: the mutation runs (what an embedder must pass)', async () => {
    const project = prepareProject('cursor');
    const { mutation, read } = scriptedCommands(project);
    backend = await startScriptedCursorBackend([{ shell: mutation, cwd: project.dir }, { shell: read, cwd: project.dir }]);
    expectUnguarded(project, backend, await DRIVERS.cursor(project, backend, [], { STEER_CURSOR_SETTING_SOURCES: '' }));
  });
});
