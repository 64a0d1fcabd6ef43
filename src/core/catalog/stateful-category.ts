/** What kind of data a stateful resource holds; shown to reviewers ("database", "bucket"...). */
export type StatefulCategory =
  | 'database'
  | 'bucket'
  | 'volume'
  | 'file-system'
  | 'table'
  | 'cache'
  | 'queue'
  | 'stream'
  | 'key'
  | 'secret'
  | 'dns-zone'
  | 'user-pool'
  | 'backup'
  | 'registry'
  | 'logs'
  | 'search'
  | 'warehouse'
  | 'snapshot'
  | 'other-data';

export interface StatefulEntry {
  readonly type: string;
  readonly category: StatefulCategory;
  readonly note?: string;
}
