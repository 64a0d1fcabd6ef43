import { operationReads } from './sdk-calls.js';
import { UNKNOWN, type Arg } from './words.js';

// HTTP requests signed for AWS (`curl --aws-sigv4`, `awscurl`) are API calls: the Query API's
// `Action=TerminateInstances`, the JSON APIs' `X-Amz-Target: DynamoDB_20120810.DeleteTable`, and
// the REST APIs' method (S3 `DELETE`, `PUT`) say whether they change something.

const CURL_WITH_VALUE = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-F', '--form', '-T', '--upload-file', '-u', '--user', '-o', '--output',
  '--aws-sigv4', '-A', '--user-agent', '-e', '--referer', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '--cacert', '--cert', '--key', '-b', '--cookie', '-c', '--cookie-jar',
  '--retry', '-x', '--proxy', '--resolve', '--url', '--service', '--region', '--profile', '--access_key', '--secret_key', '--session_token',
]);
const BODY = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-F', '--form']);

/** Why this curl/awscurl request (words after the program) may change AWS resources; undefined for an unsigned request or a read. */
export function sigv4Denial(words: readonly Arg[]): string | undefined {
  const signed = words.some((w) => typeof w === 'string' && (w === '--aws-sigv4' || w.startsWith('--aws-sigv4=') || w === '--service'));
  const awscurl = !words.includes('--aws-sigv4') && words.includes('--service');
  if (!signed && !awscurl) return undefined;
  let method = 'GET';
  let forcedGet = false;
  const operations: string[] = [];
  let unknownUrl = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = words[i + 1];
    if (w === UNKNOWN) {
      unknownUrl = true;
      continue;
    }
    if (w === '-G' || w === '--get') forcedGet = true;
    else if (w === '-I' || w === '--head') method = 'HEAD';
    else if (w === '-X' || w === '--request') method = typeof value === 'string' ? value.toUpperCase() : 'UNKNOWN';
    else if (BODY.has(w) && method === 'GET') method = 'POST';
    else if (w === '-T' || w === '--upload-file') method = 'PUT';
    if (CURL_WITH_VALUE.has(w)) {
      if (typeof value === 'string') operations.push(...operationsIn(value));
      i += 1;
    } else if (!w.startsWith('-')) operations.push(...operationsIn(w));
  }
  if (forcedGet && method === 'POST') method = 'GET';
  const writes = operations.filter((op) => operationReads(op) !== true);
  if (writes.length > 0) return `the signed AWS request calls ${writes[0]}, which may change AWS resources`;
  if (operations.length > 0) return undefined;
  if (unknownUrl) return 'the signed AWS request has words known only when it runs';
  return method === 'GET' || method === 'HEAD' ? undefined : `the signed AWS request is a ${method}, which may change AWS resources`;
}

/** `Action=TerminateInstances` (query string or form body), `X-Amz-Target: DynamoDB_20120810.DeleteTable`. */
function operationsIn(text: string): string[] {
  const out = [...text.matchAll(/(?:^|[?&])Action=([A-Za-z0-9]+)/g)].map((m) => m[1]!);
  const target = /^x-amz-target:\s*[\w.-]*\.([A-Za-z0-9]+)\s*$/i.exec(text);
  if (target) out.push(target[1]!);
  return out;
}
