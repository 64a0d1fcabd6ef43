import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { InputError } from '../../core/errors.js';
import type { Plan } from '../../core/model.js';
import { jsonSyntaxInputError } from '../decode.js';
import { NoScanMemory } from '../json/scan-arena.js';
import { JsonSyntaxError } from '../json/scan.js';
import { plansFromDocuments } from '../load.js';
import type { TerraformContext } from './normalize.js';
import { documentLabel, readTerraformDocumentsStream } from './read-plan.js';
import { shared } from './values.js';

/**
 * Streams Terraform JSON plans that may be far larger than memory should hold: the same reader
 * as for a file in memory (read-plan.ts), fed a window at a time, so the result is identical.
 * Memory holds the window and the normalized changes, whose repeated strings are shared. An
 * input of several concatenated plans (terragrunt `--all`) gives one plan each.
 */
export async function streamTerraformPlans(
  input: Readable | AsyncIterable<Buffer>,
  ctx: TerraformContext,
  /** For tests: the least a refill reads (default 1 MB). */
  readAtLeast?: number,
): Promise<Plan[]> {
  let read;
  try {
    read = await readTerraformDocumentsStream(checkedUtf8(input, ctx.path), ctx.path, shared, readAtLeast);
  } catch (e) {
    if (e instanceof NoScanMemory) throw new InputError(ctx.path, e.message);
    throw e instanceof JsonSyntaxError ? jsonSyntaxInputError(e, ctx.path) : e;
  }
  const docs = read.map(({ plan }, i) => {
    const path = read.length === 1 ? ctx.path : documentLabel(ctx.path, i);
    if (plan === undefined) {
      throw new InputError(path, 'not a Terraform/OpenTofu JSON plan (no format_version): only Terraform plans are streamed; give a CloudFormation change set as it is');
    }
    return {
      path,
      doc: plan.doc,
      notes: ctx.inputNotes ?? [],
      ...(ctx.tool !== undefined ? { tool: ctx.tool } : {}),
      ...(plan.changes !== undefined ? { terraformChanges: plan.changes } : {}),
    };
  });
  return plansFromDocuments(docs, ctx.workspace !== undefined ? { workspace: ctx.workspace } : {});
}

/** The same for an input that holds one plan. */
export async function streamTerraformPlan(input: Readable | AsyncIterable<Buffer>, ctx: TerraformContext, readAtLeast?: number): Promise<Plan> {
  const plans = await streamTerraformPlans(input, ctx, readAtLeast);
  if (plans.length !== 1) throw new InputError(ctx.path, `holds ${plans.length} plans where one was expected`);
  return plans[0]!;
}

/**
 * The input's chunks, checked to be UTF-8 (a character split between chunks is checked whole)
 * and without a UTF-8 byte order mark. Anything else is refused, as for a file read whole.
 */
async function* checkedUtf8(input: Readable | AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  const refuse = (): InputError =>
    new InputError(file, 'not UTF-8 text (binary or another encoding); give the output of "terraform show -json" or a saved plan file');
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of input instanceof Readable ? input : Readable.from(input)) {
    let bytes: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    if (first) {
      if (bytes.length < 3) {
        carry = bytes;
        continue;
      }
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = completeCharacters(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) throw refuse();
    carry = bytes.subarray(cut);
    if (cut > 0) yield bytes.subarray(0, cut);
  }
  if (first && carry.length >= 3 && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
  if (carry.length > 0) {
    if (!isUtf8(carry)) throw refuse();
    yield carry;
  }
}

/** The length of the longest prefix that doesn't end inside a multi-byte character. */
function completeCharacters(bytes: Buffer): number {
  let k = bytes.length - 1;
  let continuation = 0;
  while (k >= 0 && continuation < 3 && (bytes[k]! & 0xc0) === 0x80) {
    k--;
    continuation++;
  }
  if (k < 0) return bytes.length;
  const lead = bytes[k]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return k + length > bytes.length ? k : bytes.length;
}
