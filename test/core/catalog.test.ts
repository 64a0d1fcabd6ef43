import { describe, expect, it } from 'vitest';
import { cloudFormationStateful } from '../../src/core/catalog/cloudformation-stateful.js';
import { terraformStateful } from '../../src/core/catalog/terraform-stateful.js';
import { statefulCatalog } from '../../src/core/facts/stateful.js';

describe('stateful catalogs', () => {
  it.each([
    ['terraform', terraformStateful],
    ['cloudformation', cloudFormationStateful],
  ] as const)('%s: every type is listed once', (_name, list) => {
    const types = list.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it.each(['aws_db_instance', 'aws_s3_bucket', 'aws_dynamodb_table', 'aws_kms_key', 'google_sql_database_instance', 'google_storage_bucket', 'azurerm_mssql_database', 'azurerm_storage_account', 'AWS::RDS::DBCluster', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table'])(
    'knows %s holds data',
    (type) => {
      expect(statefulCatalog({ add: [], remove: [] }).categoryOf(type)).toBeDefined();
    },
  );

  it('covers the AWS, Google and Azure providers and CloudFormation broadly', () => {
    for (const prefix of ['aws_', 'google_', 'azurerm_']) expect(terraformStateful.filter((e) => e.type.startsWith(prefix)).length).toBeGreaterThan(20);
    expect(cloudFormationStateful.length).toBeGreaterThan(40);
  });

  it('is extended and trimmed from steer.yml', () => {
    const catalog = statefulCatalog({ add: ['mycorp_*'], remove: ['aws_cloudwatch_log_group'] });
    expect(catalog.categoryOf('mycorp_ledger')).toBe('other-data');
    expect(catalog.categoryOf('aws_cloudwatch_log_group')).toBeUndefined();
    expect(catalog.categoryOf('aws_security_group')).toBeUndefined();
  });
});
