import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAddress, resourceBlocks } from '../../src/adapters/fs/resource-blocks.js';

const repo = mkdtempSync(join(tmpdir(), 'steer-blocks-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
write('envs/prod/main.tf', '# root\nresource "aws_s3_bucket" "logs" {\n  bucket = "x"\n}\n\nmodule "db" {\n  source = "../../modules/db"\n}\nmodule "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "aws_instance" "twice" {}\n');
write('envs/prod/other.tf', 'resource "aws_instance" "twice" {}\n');
write('modules/db/main.tf', 'data "aws_kms_key" "k" {}\n\nresource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n');

describe('finding resource blocks in .tf files (tree-sitter HCL)', () => {
  it('finds root-module and local-module blocks with their line, relative to the repository root', async () => {
    const found = await resourceBlocks(
      ['aws_s3_bucket.logs', 'module.db.aws_db_instance.main', 'module.db.data.aws_kms_key.k', 'module.db["a"].aws_db_instance.main'],
      join(repo, 'envs/prod'),
      repo,
    );
    expect(Object.fromEntries(found)).toEqual({
      'aws_s3_bucket.logs': { uri: 'envs/prod/main.tf', line: 2 },
      'module.db.aws_db_instance.main': { uri: 'modules/db/main.tf', line: 3 },
      'module.db.data.aws_kms_key.k': { uri: 'modules/db/main.tf', line: 1 },
      'module.db["a"].aws_db_instance.main': { uri: 'modules/db/main.tf', line: 3 },
    });
  });

  it('gives no location for what it cannot place: registry modules, unknown resources, a block defined twice', async () => {
    const found = await resourceBlocks(['module.vpc.aws_vpc.this', 'aws_s3_bucket.gone', 'aws_instance.twice'], join(repo, 'envs/prod'), repo);
    expect(found.size).toBe(0);
  });

  it('reads addresses with indexes and data sources', () => {
    expect(parseAddress('module.a["x.y"].module.b.data.aws_x.y[0]')).toEqual({ modules: ['a', 'b'], kind: 'data', type: 'aws_x', name: 'y' });
    expect(parseAddress('aws_instance.web["k"]')).toEqual({ modules: [], kind: 'resource', type: 'aws_instance', name: 'web' });
    expect(parseAddress('nonsense')).toBeUndefined();
  });
});
