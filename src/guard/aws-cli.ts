import { nameGlob } from '../core/glob.js';
import { lastDryRun } from './flags.js';
import { UNKNOWN, type Arg } from './words.js';

/**
 * The AWS CLI judged by AWS's own naming convention for reads: an operation named `describe-*`,
 * `list-*`, `get-*`, `head-*`, `batch-get-*`… changes nothing; every other operation may (AWS
 * adds services and verbs every week, so the safe shapes are listed, not the dangerous ones).
 * `aws s3` high-level commands are judged by the direction of the copy.
 * https://docs.aws.amazon.com/cli/latest/reference/ — operation names are the API's, kebab-cased.
 */

/** Operation name shapes that read, in every service. */
export const AWS_READ_OPERATIONS: readonly string[] = [
  'describe-*', 'list-*', 'get-*', 'head-*', 'batch-get-*', 'batch-describe-*', 'lookup-*', 'search-*', 'validate-*', 'simulate-*', 'estimate-*', 'detect-*',
  'wait', 'help', 'preview-*',
];

/** Reads (or changes only this machine) beyond the shapes, per service: `*` is any operation. */
export const AWS_SERVICE_READS: Readonly<Record<string, readonly string[]>> = {
  s3: ['ls', 'presign'],
  s3api: ['select-object-content'],
  sts: ['assume-role', 'assume-role-with-saml', 'assume-role-with-web-identity', 'decode-authorization-message'],
  kms: ['decrypt', 'encrypt', 're-encrypt', 'generate-data-key', 'generate-data-key-*', 'generate-random', 'generate-mac', 'verify', 'verify-mac', 'sign'],
  dynamodb: ['query', 'scan'],
  logs: ['tail', 'filter-log-events', 'start-query', 'stop-query', 'test-metric-filter', 'start-live-tail'],
  cloudformation: ['create-change-set', 'package', 'validate-template', 'estimate-template-cost'], // a change set is the way through
  rds: ['generate-db-auth-token', 'download-db-log-file-portion'],
  eks: ['update-kubeconfig'],
  events: ['test-event-pattern'],
  route53: ['test-dns-answer'],
  ses: ['test-render-template'],
  sesv2: ['test-render-email-template'],
  ecr: ['get-login', 'get-login-password'],
  codeartifact: ['login'],
  configure: ['*'], // the local config file
  sso: ['*'], // login/logout: local tokens
  history: ['*'],
};

/** Global options of the AWS CLI that take a value (they may appear anywhere). */
const GLOBAL_WITH_VALUE = new Set(['--region', '--profile', '--output', '--endpoint-url', '--query', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--color', '--cli-binary-format', '--cli-auto-prompt']);

/** `aws s3` options that take a value (the rest are flags). */
const S3_WITH_VALUE = new Set([
  '--exclude', '--include', '--acl', '--grants', '--storage-class', '--sse', '--sse-kms-key-id', '--sse-c', '--sse-c-key', '--sse-c-copy-source', '--sse-c-copy-source-key',
  '--content-type', '--cache-control', '--content-disposition', '--content-encoding', '--content-language', '--expires', '--metadata', '--metadata-directive',
  '--website-redirect', '--source-region', '--expected-size', '--page-size', '--request-payer', '--checksum-algorithm', '--checksum-mode', '--copy-props', '--expires-in',
  '--index-document', '--error-document',
]);

/** AWS CLI dry runs: the last of its kind wins (`--dry-run --no-dry-run` runs). */
const DRY_RUN = { '--dry-run': true, '--no-dry-run': false, '--dryrun': true, '--generate-cli-skeleton': true, '--no-execute-changeset': true, '--execute-changeset': false } as const;

/** Why this AWS CLI command (words after `aws`) may mutate AWS resources, or undefined when it reads. */
export function awsCliDenial(words: readonly Arg[]): string | undefined {
  const positional: Arg[] = [];
  let unknownOption = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === UNKNOWN) positional.push(UNKNOWN);
    else if (GLOBAL_WITH_VALUE.has(w)) i += 1;
    else if (w.startsWith('-')) {
      if (positional.length < 2 && !w.includes('=') && !KNOWN_GLOBAL_FLAGS.has(w)) unknownOption = true;
      if (positional[0] === 's3' && S3_WITH_VALUE.has(w)) i += 1;
      else if (positional.length >= 2) break; // the operation's own options: values we don't know
    } else positional.push(w);
  }
  const [service, operation] = positional;
  if (service === undefined || (operation === undefined && service !== UNKNOWN)) return undefined; // `aws --version`, `aws ec2`: nothing runs
  if (service === UNKNOWN || operation === UNKNOWN) return 'the AWS CLI command cannot be known before running';
  if (unknownOption) return `an option before "${service} ${operation}" may have shifted the service and operation`;
  // `aws s3 rm help`, `aws ec2 help`: the word right after the operation (or service), not an option's value.
  if (service === 'help' || operation === 'help' || (words[words.indexOf(operation!) + 1] === 'help')) return undefined;
  if (lastDryRun(words, DRY_RUN)) return undefined;
  if (isRead(service!, operation!)) return undefined;
  if (service === 's3' && (operation === 'cp' || operation === 'sync') && s3Download(words)) return undefined;
  return `"aws ${service} ${operation}" is not a read (describe-*, list-*, get-*…): it may change AWS resources`;
}

function isRead(service: string, operation: string): boolean {
  return [...AWS_READ_OPERATIONS, ...(AWS_SERVICE_READS[service] ?? [])].some((p) => nameGlob(p).test(operation));
}

/** `aws s3 cp|sync s3://… <local or ->`: only local files change. */
function s3Download(words: readonly Arg[]): boolean {
  const paths: Arg[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w !== UNKNOWN && (GLOBAL_WITH_VALUE.has(w) || S3_WITH_VALUE.has(w))) i += 1;
    else if (w === UNKNOWN || !w.startsWith('-') || w === '-') paths.push(w);
  }
  const [, , from, to] = paths; // s3 cp FROM TO
  return paths.length === 4 && typeof from === 'string' && from.startsWith('s3://') && typeof to === 'string' && !to.startsWith('s3://');
}

/** Global flags (no value) that may precede the service. */
const KNOWN_GLOBAL_FLAGS = new Set(['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--no-cli-auto-prompt', '--version']);

/** `s3` high-level commands that write. */
const S3_WRITES = new Set(['cp', 'mv', 'rm', 'rb', 'mb', 'sync', 'website']);

/**
 * For a program known only at run time (`$AWS ec2 run-instances`): the operation, when its words
 * are shaped like an AWS CLI command that writes (a service, then a kebab-case operation or an s3
 * write), else undefined.
 */
export function awsShapedMutation(words: readonly Arg[]): string | undefined {
  const positional = words.filter((w): w is string => typeof w === 'string' && !w.startsWith('-'));
  const [service, operation] = positional;
  if (!service || !operation || !/^[a-z][a-z0-9-]*$/.test(service)) return undefined;
  const shaped = (service === 's3' && S3_WRITES.has(operation)) || /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(operation);
  return shaped && awsCliDenial(words) !== undefined ? operation : undefined;
}
