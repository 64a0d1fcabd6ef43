// AWS SDK calls in code of another language (inline code, here-docs, scripts): the operation
// names are the API's, in each SDK's spelling — boto3 and Ruby `delete_stack`, JS v2
// `deleteStack`, JS v3 `DeleteStackCommand`, Paws `DeleteStack`, PowerShell AWS Tools
// `Remove-CFNStack` — so the same read/write split as the CLI's applies: the verb decides.

/** The pseudo-program an SDK call is recorded as (its one argument is the operation). */
export const SDK_CALL = '(aws-sdk)';

/** Code that loads an AWS SDK. Without one, method names are the language's own. */
const USES_SDK = /\bboto3\b|\bbotocore\b|\baioboto3\b|@aws-sdk\/|['"]aws-sdk['"]|\baws-sdk-[a-z0-9]+|\bAws::|\bPaws\b|AWS\.Tools|AWSPowerShell/;

/** Operation verbs that read (the first word of the operation's name). */
const READ_VERBS = new Set(['describe', 'list', 'get', 'head', 'lookup', 'search', 'query', 'scan', 'select', 'filter', 'validate', 'simulate', 'estimate', 'detect', 'wait', 'paginate', 'download', 'generate', 'can', 'decrypt', 'encrypt', 'verify', 'test', 'preview']);

/**
 * Verbs of AWS operations that change something (from the services' API references): a call whose
 * name starts with one is an operation. Other names (`to_json`, `forEach`) are the language's.
 */
const WRITE_VERBS = new Set([
  'create', 'delete', 'put', 'update', 'modify', 'terminate', 'run', 'start', 'stop', 'reboot', 'invoke', 'attach', 'detach', 'associate', 'disassociate', 'add', 'remove', 'set', 'tag', 'untag',
  'enable', 'disable', 'register', 'deregister', 'send', 'publish', 'execute', 'copy', 'upload', 'restore', 'import', 'export', 'cancel', 'reset', 'replace', 'revoke', 'authorize', 'rotate',
  'schedule', 'purge', 'change', 'apply', 'accept', 'reject', 'allocate', 'release', 'assign', 'unassign', 'request', 'transact', 'batch', 'write', 'increase', 'decrease', 'rollback', 'continue',
  'signal', 'merge', 'move', 'promote', 'failover', 'flush', 'deploy', 'provision', 'deprovision', 'activate', 'deactivate', 'confirm', 'admin', 'respond', 'complete', 'abort', 'initiate', 'submit',
  'subscribe', 'unsubscribe', 'resume', 'suspend', 'pause', 'retry', 'redrive', 'rebuild', 'recover', 'restart', 'resize', 'purchase', 'claim', 'terminate', 'destroy', 'reject', 'unlink', 'link',
  'unshare', 'share', 'grant', 'swap', 'upgrade', 'downgrade', 'lock', 'unlock', 'label', 'unlabel', 'reboot', 'empty', 'truncate', 'drop', 'rename', 'unarchive', 'archive', 'reimport',
]);

/** One-word methods that are operations in the resource APIs (`Bucket(…).delete()`, `instance.terminate()`); other one-word names are the language's (`send`, `run`, `get`). */
const ONE_WORD_WRITES = new Set(['delete', 'put', 'terminate', 'stop', 'start', 'reboot', 'invoke', 'publish', 'upload', 'copy', 'update', 'remove', 'destroy', 'create', 'modify', 'purge', 'restore', 'attach', 'detach', 'Put', 'Delete', 'Update', 'BatchWrite', 'TransactWrite']);

/** Names with an operation's verb that are the language's own (Node's fs, Python's pathlib). */
const LANGUAGE_NAMES = new Set(['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'write_text', 'write_bytes', 'copyFileSync', 'copyFile', 'setTimeout', 'setInterval', 'setdefault', 'set_trace', 'add_argument', 'add_parser', 'start_new_thread', 'addEventListener', 'removeEventListener', 'setEncoding', 'set_defaults', 'run_until_complete', 'executemany', 'send_response', 'add_header']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter(Boolean);
}

/** Whether an operation name (`DescribeStacks`, `delete_stack`, `deleteStack`) only reads; undefined when it isn't an operation's name. */
export function operationReads(name: string): boolean | undefined {
  if (LANGUAGE_NAMES.has(name)) return undefined;
  const [verb, second] = words(name);
  if (verb === undefined) return undefined;
  if (second === undefined) return ONE_WORD_WRITES.has(name) || ONE_WORD_WRITES.has(verb) ? false : undefined;
  if (verb === 'batch') return second === 'get' || second === 'describe';
  if (READ_VERBS.has(verb)) return true;
  return WRITE_VERBS.has(verb) ? false : undefined;
}

/** The operations that may change AWS resources that this code calls through an AWS SDK. */
export function sdkWrites(code: string): string[] {
  if (!USES_SDK.test(code)) return [];
  const out: string[] = [];
  // JS SDK v3 commands: `new DeleteStackCommand(…)`.
  for (const m of code.matchAll(/\bnew\s+([A-Z][A-Za-z0-9]*?)Command\s*\(/g)) if (operationReads(m[1]!) === false) out.push(`${m[1]}Command`);
  // Operation names as strings (`getattr(client, 'terminate_instances')`, `client[\"deleteStack\"]`); one-word strings are data.
  for (const m of code.matchAll(/['"]([a-z]+(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)['"]/g)) if (operationReads(m[1]!) === false) out.push(m[1]!);
  // Method calls: `.delete_stack(`, `->DeleteStack(`, Ruby's `.create_user user_name: …`.
  for (const m of code.matchAll(/(?:\.|->)\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(|\s+[a-z_]+:(?!:))/g)) {
    const name = m[1]!;
    if (/^[A-Z][a-z0-9]*$/.test(name)) continue; // `.Bucket('b')`, `.Table('t')`: a resource, not an operation
    if (operationReads(name) === false) out.push(name);
  }
  return out;
}

/** PowerShell verbs that read (AWS Tools cmdlets are `Verb-<service prefix><Noun>`: `Get-EC2Instance`). */
const POWERSHELL_READS = new Set(['Get', 'Find', 'Test', 'Measure', 'Read', 'Search', 'Show', 'Select', 'Format', 'Out', 'ConvertTo', 'ConvertFrom', 'Compare', 'Resolve', 'Wait', 'Use', 'Watch']);

/** AWS Tools for PowerShell cmdlets in the code whose verb changes something (`Remove-CFNStack`, `Write-S3Object`). */
export function powershellWrites(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b([A-Z][a-z]+)-((?:AWS|[A-Z][A-Z0-9]+)[A-Z][a-z][A-Za-z0-9]*)\b/g)) {
    const [, verb, noun] = m as unknown as [string, string, string];
    if (noun.startsWith('PS') || POWERSHELL_READS.has(verb)) continue; // PSDrive, PSSession: PowerShell's own
    out.push(`${verb}-${noun}`);
  }
  return out;
}
