import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { configSchema } from '../../src/config/schema.js';

describe('the built-in config', () => {
  it('is exactly what the schema makes of an empty steer.yml', () => {
    expect(DEFAULT_CONFIG).toEqual(configSchema.parse({}));
  });
});
