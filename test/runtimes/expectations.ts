import { expect } from 'vitest';
import { type Project, type RunResult, story } from './harness.js';
import type { ScriptedModel } from './scripted-model.js';

/** The mutation never ran (nor the harmless command before it on its line), the model was told why, and the read ran. */
export function expectGuarded(project: Project, model: ScriptedModel, r: RunResult): void {
  const s = story(r, model);
  expect(model.toolResults, s).toHaveLength(2);
  expect(project.ran('apply'), `the mutation ran:\n${s}`).toBe(false);
  expect(project.exists('touched'), `a command on the mutation's line ran:\n${s}`).toBe(false);
  expect(model.toolResults[0], s).toMatch(/steer plan-check/);
  expect(project.ran('plan'), `the read did not run:\n${s}`).toBe(true);
}

/** The mutation ran: the runtime did not run the hook (what the runtime does without the step init names). */
export function expectUnguarded(project: Project, model: ScriptedModel, r: RunResult): void {
  const s = story(r, model);
  expect(model.toolResults, s).toHaveLength(2);
  expect(project.ran('apply'), s).toBe(true);
  expect(project.ran('plan'), s).toBe(true);
}

/** The mutation never ran, though the hook never got an answer from Steer (its fallback blocked); the read was blocked too. */
export function expectBlockedWithoutSteer(project: Project, model: ScriptedModel, r: RunResult): void {
  const s = story(r, model);
  expect(model.toolResults, s).toHaveLength(2);
  expect(project.ran('apply'), `the mutation ran:\n${s}`).toBe(false);
  expect(project.exists('touched'), s).toBe(false);
  expect(project.ran('plan'), `a broken steer let a command through:\n${s}`).toBe(false);
}
