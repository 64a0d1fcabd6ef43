import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/errors.js';
import { JsonSyntaxError, lineAndColumn } from './json/scan.js';

/** What the bytes of an input file are, before any JSON is parsed. */
export type DecodedInput =
  /** Valid UTF-8 (without a BOM), left as bytes: readers parse only the parts they need. */
  | { readonly kind: 'utf8'; readonly bytes: Buffer; readonly notes: readonly string[] }
  | { readonly kind: 'text'; readonly text: string; readonly notes: readonly string[] }
  | { readonly kind: 'saved-terraform-plan' };

/**
 * Bytes → checked text. A saved (binary) Terraform plan is a zip archive. UTF-16 with a BOM is what
 * PowerShell's `>` writes: decoded, and said so. Anything that isn't valid text is refused.
 */
export function decodeInput(bytes: Uint8Array, file: string): DecodedInput {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { kind: 'saved-terraform-plan' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), file, 'UTF-16LE with BOM (as PowerShell writes it); decoded');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), file, 'UTF-16BE with BOM; decoded');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3), file, undefined);
  return decodeWith('utf-8', bytes, file, undefined);
}

function decodeWith(encoding: string, bytes: Uint8Array, file: string, note: string | undefined): DecodedInput {
  // The common case: UTF-8 validated natively and kept as bytes.
  if (encoding === 'utf-8' && isUtf8(bytes)) return { kind: 'utf8', bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), notes: note ? [note] : [] };
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { kind: 'text', text, notes: note ? [note] : [] };
  } catch {
    throw new InputError(file, `not ${encoding.toUpperCase()} text (binary or another encoding); give the output of "terraform show -json" or a saved plan file`);
  }
}

/** JSON.parse with a one-line error that says where, and says so when the file ends early. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const truncated = /end of JSON input|Unterminated string/i.test(message ?? '') ? ' — the file looks truncated' : '';
    throw new InputError(file, `not valid JSON (${message})${truncated}`);
  }
}

/**
 * The scanner's syntax error as the one-line input error: where (line and column when the whole
 * input is at hand, else the byte offset of a stream), and whether the file ends early.
 */
export function jsonSyntaxInputError(e: JsonSyntaxError, file: string, bytes?: Uint8Array): InputError {
  const where = e.truncated ? '' : bytes !== undefined ? ` at ${lineAndColumn(bytes, e.offset)}` : ` at byte ${e.offset}`;
  const hint = e.truncated ? ' — the file looks truncated' : bytes !== undefined && looksLikeTerragruntLog(bytes) ? TERRAGRUNT_HINT : '';
  return new InputError(file, `not valid JSON (${e.message}${where})${hint}`);
}

const TERRAGRUNT_HINT =
  " — this looks like Terragrunt's log output: run it with --tf-forward-stdout (and --log-disable) so each unit's plan is printed as it is; concatenated plans are read one by one";

/** Terragrunt's log lines: `14:20:38.431 STDOUT [unit] terraform: …`, `INFO …`. */
function looksLikeTerragruntLog(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200)).toString('utf8');
  return /^\s*(\d\d:\d\d:\d\d(\.\d+)?\s+)?(STDOUT|STDERR|INFO|WARN|DEBUG|ERROR)\s/.test(head);
}
