import type { StatefulEntry } from './stateful-category.js';
// TEMPORARY stub (lead) until the catalog helper lands.
export const terraformStateful: readonly StatefulEntry[] = [
  { type: 'aws_db_instance', category: 'database' },
  { type: 'aws_s3_bucket', category: 'bucket' },
];
