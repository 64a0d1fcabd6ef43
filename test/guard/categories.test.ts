import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/app/guard.js';
import { NO_LISTS } from '../../src/guard/decide.js';
import { repoRoot } from '../support/paths.js';
import { writeProject } from '../support/project.js';

// The category corpus (test/guard/corpus/*.json): mutations an agent may run and safe look-alikes,
// by category, written from each tool's documentation. Every command runs in the project of
// project.json (its scripts, Makefiles and package.json). Nothing here is ever executed.
type Category = { deny: string[]; allow: string[] };
const dir = join(repoRoot, 'test/guard/corpus');
const categories: [string, Category][] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'project.json')
  .flatMap((f) => Object.entries((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { categories: Record<string, Category> }).categories));
const project = (JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')) as { files: Record<string, string> }).files;

let cwd: string;
beforeAll(() => {
  cwd = writeProject('steer-corpus-', project);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const decision = (command: string) => checkCommand(command, NO_LISTS, cwd);

describe('the category corpus', () => {
  it('holds at least 300 mutations and 200 safe look-alikes', () => {
    expect(categories.flatMap(([, c]) => c.deny).length).toBeGreaterThanOrEqual(300);
    expect(categories.flatMap(([, c]) => c.allow).length).toBeGreaterThanOrEqual(200);
  });

  it('denies at least 99 % of the mutations and no safe look-alike, in every category', () => {
    const rows = categories.map(([name, c]) => {
      const missed = c.deny.filter((command) => decision(command).decision !== 'deny');
      const falselyDenied = c.allow.filter((command) => decision(command).decision !== 'allow').map((command) => `${command}  ← ${decision(command).reason}`);
      return { name, mutations: c.deny.length, denied: c.deny.length - missed.length, safe: c.allow.length, falselyDenied, missed };
    });
    const table = rows.map((r) => `${r.name}: ${r.denied}/${r.mutations} mutations denied, ${r.safe - r.falselyDenied.length}/${r.safe} safe allowed`).join('\n');
    console.info(`guard corpus by category\n${table}`);
    const denied = rows.reduce((n, r) => n + r.denied, 0);
    const mutations = rows.reduce((n, r) => n + r.mutations, 0);
    expect(rows.flatMap((r) => r.falselyDenied)).toEqual([]);
    // Below 99 %, the mutations that got through are the failure message.
    if (denied / mutations < 0.99) expect(rows.flatMap((r) => r.missed)).toEqual([]);
    expect(denied / mutations).toBeGreaterThanOrEqual(0.99);
  });
});
