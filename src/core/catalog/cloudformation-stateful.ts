import type { StatefulEntry } from './stateful-category.js';
// TEMPORARY stub (lead) until the catalog helper lands.
export const cloudFormationStateful: readonly StatefulEntry[] = [
  { type: 'AWS::RDS::DBInstance', category: 'database' },
];
