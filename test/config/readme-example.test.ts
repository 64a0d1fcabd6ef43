import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { repoRoot } from '../support/paths.js';

describe('the steer.yml shown in the README', () => {
  it('is a valid policy', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Policy: `steer.yml`'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const config = parseConfig(yaml!, 'README.md');
    expect(config.protected[0]?.addresses).toContain('aws_db_instance.orders');
    expect(config.guard.deny).toContain('kubectl delete');
  });
});
