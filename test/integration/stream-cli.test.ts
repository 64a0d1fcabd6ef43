import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, fixturesDir, repoRoot } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

// The streaming reader (automatic above 256 MB, forced here with --stream) must give the very
// same JSON report and digest as the in-memory one.
const files = [
  join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'),
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')),
  ...['tfplan2md__terraform-show-plan2.json', 'infracost__terraform_v0.12_plan.json', 'terraform__show-json__plan-error.json', 'opentofu__equivalence__simple_object_replace.json'].map((f) => join(corpusDir(), 'terraform', f)),
];

describe('plan-check --stream', () => {
  it.each(files.map((f) => [f.replace(repoRoot, '.'), f]))('gives the same JSON report: %s', (_name, file) => {
    const inMemory = runCli(['plan-check', file, '--format', 'json']);
    const streamed = runCli(['plan-check', file, '--format', 'json', '--stream']);
    expect(streamed.code).toBe(inMemory.code);
    expect(streamed.stdout).toBe(inMemory.stdout);
  });
});
