/**
 * The words that say how big a task is, per language (English first). Data, not logic: the
 * classifier (classify.ts) reports which of these words decided. A word matches its simple
 * inflections too (`recreate` → recreates, recreated, recreating, recreation).
 * Documented in docs/judgment.md.
 */
export type TaskMagnitude = 'minor' | 'moderate' | 'major';

export interface Vocabulary {
  /** Words and phrases (space-separated words match consecutive words), by magnitude. */
  readonly words: Readonly<Record<TaskMagnitude, readonly string[]>>;
  /** Conventional-commit types (`chore: …`, `fix(orders): …`) and what they mean. */
  readonly commitTypes: Readonly<Record<string, TaskMagnitude>>;
  /** Words that cancel a following task word within two words: "do not recreate". */
  readonly negations: readonly string[];
  /** Words that never name a resource (articles, fillers, the vocabulary's own objects). */
  readonly stopWords: readonly string[];
  /** Words that make a destructive word name the whole plan: "tear down the environment". */
  readonly everything: readonly string[];
  /** Nouns people use for a kind of resource → tokens of the types or stateful categories they mean. */
  readonly nouns: Readonly<Record<string, readonly string[]>>;
}

export const ENGLISH: Vocabulary = {
  words: {
    minor: [
      'fix drift', 'drift', 'typo', 'tag', 'label', 'bump', 'tweak', 'docs', 'doc', 'documentation', 'comment',
      'format', 'fmt', 'rename', 'chore', 'lint', 'tidy', 'tidy up', 'cosmetic', 'whitespace', 'nit', 'readme',
      'description', 'refactor', 'reorder', 'pin', 'version bump', 'cleanup formatting',
    ],
    moderate: [
      'resize', 'scale', 'upgrade', 'add', 'update', 'change', 'adjust', 'configure', 'enable', 'disable', 'increase',
      'decrease', 'extend', 'allow', 'open', 'restrict', 'set', 'modify', 'patch', 'improve', 'support', 'introduce',
      'create', 'provision', 'new',
    ],
    major: [
      'decommission', 'remove', 'delete', 'destroy', 'drop', 'migrate', 'rebuild', 'recreate', 'replace', 'rotate',
      'tear down', 'teardown', 'retire', 'deprecate', 'purge', 'wipe', 'reprovision', 'redeploy', 'reset', 'nuke',
      'clean up', 'cleanup', 'sunset', 'move', 'split', 'merge', 'reimport', 'taint', 'rip out', 'get rid of',
    ],
  },
  commitTypes: {
    chore: 'minor', docs: 'minor', style: 'minor', fix: 'minor', test: 'minor', ci: 'minor', build: 'minor',
    perf: 'moderate', refactor: 'minor', feat: 'moderate', revert: 'moderate',
  },
  negations: ['not', 'no', 'never', 'without', "don't", 'dont', "doesn't", "won't", 'avoid', 'instead of'],
  stopWords: [
    'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'with', 'by', 'from', 'at', 'as', 'is', 'are', 'be',
    'it', 'its', 'this', 'that', 'these', 'those', 'which', 'we', 'our', 'us', 'i', 'you', 'please', 'some',
    'unused', 'old', 'stale', 'legacy', 'existing', 'current', 'into', 'so', 'now', 'then', 'also', 'just', 'only',
    'aws', 'tf', 'terraform', 'resource', 'resources', 'config', 'configuration', 'module', 'up', 'unneeded', 'obsolete',
    'down', 'out', 'via', 'because', 'after', 'before', 'when', 'again', 'need', 'needs', 'should', 'will', 'must',
  ],
  everything: ['all', 'everything', 'environment', 'env', 'stack', 'infrastructure', 'infra', 'whole', 'entire', 'workspace', 'deployment'],
  nouns: {
    database: ['database', 'db'], databases: ['database', 'db'], db: ['database', 'db'], rds: ['database', 'db'],
    postgres: ['database', 'db'], postgresql: ['database', 'db'], mysql: ['database', 'db'], aurora: ['database', 'db'],
    bucket: ['bucket'], buckets: ['bucket'], s3: ['bucket', 's3'], table: ['table'], dynamodb: ['table', 'dynamodb'],
    queue: ['queue'], sqs: ['queue', 'sqs'], cache: ['cache'], redis: ['cache', 'elasticache'], elasticache: ['cache'],
    volume: ['volume'], disk: ['volume', 'disk'], ebs: ['volume', 'ebs'], key: ['key'], kms: ['key', 'kms'],
    secret: ['secret'], secrets: ['secret'], vpc: ['vpc'], network: ['vpc', 'network', 'subnet'], subnet: ['subnet'],
    dns: ['dns-zone', 'route53', 'zone', 'record'], zone: ['dns-zone', 'zone'], logs: ['logs', 'log'], log: ['logs', 'log'],
    cluster: ['cluster'], server: ['instance', 'server'], vm: ['instance'], instance: ['instance'], instances: ['instance'],
    function: ['function', 'lambda'], lambda: ['function', 'lambda'], registry: ['registry', 'ecr'], topic: ['topic', 'sns'],
  },
};

export const VOCABULARIES: Readonly<Record<string, Vocabulary>> = { en: ENGLISH };
