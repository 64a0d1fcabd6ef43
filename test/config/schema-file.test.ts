import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../scripts/config-schema.js';
import { repoRoot } from '../support/paths.js';

describe('schema/steer.schema.json', () => {
  it('is generated from the zod schema and committed (regenerate: npm run schema)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/steer.schema.json'), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
