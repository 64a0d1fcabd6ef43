import { InputError } from '../core/errors.js';
import type { Plan } from '../core/model.js';
import { cloudFormationPlans } from './cloudformation/parse.js';
import { jsonSyntaxInputError, parseJsonText, type DecodedInput } from './decode.js';
import { detectFormat } from './detect.js';
import { MAX_HELD, NoScanMemory, ScanArena } from './json/scan-arena.js';
import { JsonSyntaxError } from './json/scan.js';
import type { ResourceChangeCollector } from './terraform/normalize.js';
import { documentLabel, readTerraformDocumentsBytes, readTerraformDocumentsInSlices, type DocumentFromBytes } from './terraform/read-plan.js';
import { parseTerraformPlan } from './terraform/parse.js';

/** One parsed input file. */
export interface InputDocument {
  readonly path: string;
  readonly doc: unknown;
  /** How the bytes were read (encoding, rendered from a saved plan...). */
  readonly notes: readonly string[];
  /** The binary that rendered a saved plan, when one did. */
  readonly tool?: 'terraform' | 'opentofu';
  /** A Terraform plan's resource_changes, already collected by the byte reader. */
  readonly terraformChanges?: ResourceChangeCollector;
}

export interface LoadContext {
  readonly workspace?: string;
}

/** One JSON document of an input file: `path` names the file, and the document when the file holds several. */
export type ParsedDocument = Pick<InputDocument, 'path' | 'doc' | 'terraformChanges'>;

/**
 * Decoded input → its JSON documents: one, or several concatenated (terragrunt `--all`). UTF-8
 * bytes are validated whole by the scanner; a Terraform plan is then built only in the parts
 * Steer reads; anything else is parsed whole.
 */
export function parseDecoded(decoded: Exclude<DecodedInput, { kind: 'saved-terraform-plan' }>, file: string): ParsedDocument[] {
  if (decoded.kind === 'text') return parseText(decoded.text, file);
  const bytes = heldInMemory(decoded.bytes, file);
  try {
    return documentsOf(bytes, readTerraformDocumentsBytes(bytes, file), file);
  } catch (e) {
    return afterReaderFailed(e, bytes, file);
  }
}

/** Decoded text (UTF-16): one document parsed whole; several are read as UTF-8 bytes, one by one. */
function parseText(text: string, file: string): ParsedDocument[] {
  try {
    return [{ path: file, doc: JSON.parse(text) }];
  } catch (e) {
    if (!(e instanceof SyntaxError && /after JSON/.test(e.message))) return [{ path: file, doc: parseJsonText(text, file) }];
  }
  const bytes = ScanArena.holding(Buffer.from(text));
  try {
    return documentsOf(bytes, readTerraformDocumentsBytes(bytes, file), file);
  } catch (e) {
    return afterReaderFailed(e, bytes, file);
  }
}

/**
 * When the byte reader fails: a syntax error becomes the one-line input error; without the
 * scanner's memory (see NoScanMemory) the document is parsed whole — slower, and the same plan,
 * except that a key Terraform writes once and the document repeats is not refused (JSON.parse
 * keeps the last). Anything else goes on up.
 */
function afterReaderFailed(e: unknown, bytes: Buffer, file: string): ParsedDocument[] {
  if (e instanceof NoScanMemory) return [{ path: file, doc: parseJsonText(bytes.toString('utf8'), file) }];
  throw e instanceof JsonSyntaxError ? jsonSyntaxInputError(e, file, bytes) : e;
}

/** `parseDecoded`, pausing between slices of a large input so timers (a progress line) run. */
export async function parseDecodedInSlices(
  decoded: Exclude<DecodedInput, { kind: 'saved-terraform-plan' }>,
  file: string,
  pause: () => Promise<void>,
): Promise<ParsedDocument[]> {
  if (decoded.kind === 'text') return parseDecoded(decoded, file);
  const bytes = heldInMemory(decoded.bytes, file);
  try {
    return documentsOf(bytes, await readTerraformDocumentsInSlices(bytes, file, pause), file);
  } catch (e) {
    return afterReaderFailed(e, bytes, file);
  }
}

/** Bytes the in-memory reader can hold (files larger than these are streamed; standard input is not). */
function heldInMemory(bytes: Buffer, file: string): Buffer {
  if (bytes.length <= MAX_HELD) return bytes;
  throw new InputError(file, `too large to read in memory (${bytes.length} bytes): give it as a file, which is streamed`);
}

function documentsOf(bytes: Buffer, docs: readonly DocumentFromBytes[], file: string): ParsedDocument[] {
  return docs.map(({ start, end, plan }, i) => {
    const path = docs.length === 1 ? file : documentLabel(file, i);
    if (plan === undefined) return { path, doc: JSON.parse(bytes.toString('utf8', start, end)) };
    return { path, doc: plan.doc, ...(plan.changes !== undefined ? { terraformChanges: plan.changes } : {}) };
  });
}

/**
 * Documents → Plans. Each Terraform plan is a plan; CloudFormation pages and nested change
 * sets are grouped into one plan per root change set. Only this module knows which formats exist.
 */
export function plansFromDocuments(docs: readonly InputDocument[], ctx: LoadContext): Plan[] {
  const plans: Plan[] = [];
  const changeSets: InputDocument[] = [];
  for (const input of docs) {
    const format = detectFormat(input.doc);
    switch (format) {
      case 'terraform-plan':
        plans.push(
          parseTerraformPlan(input.doc, {
            path: input.path,
            inputNotes: input.notes,
            ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
            ...(input.tool !== undefined ? { tool: input.tool } : {}),
          }, input.terraformChanges),
        );
        break;
      case 'cloudformation-change-set':
        changeSets.push(input);
        break;
      case 'terraform-state':
        throw new InputError(input.path, 'this is Terraform state, not a plan; run "terraform plan -out=tfplan" and give "terraform show -json tfplan"');
      case 'cloudformation-console-changes':
        throw new InputError(
          input.path,
          'this is the CloudFormation console\'s "JSON changes" export, which omits the change set id, status and policy actions; give "aws cloudformation describe-change-set" output instead',
        );
      case 'unknown':
        throw new InputError(input.path, 'not a Terraform/OpenTofu JSON plan or a CloudFormation DescribeChangeSet output (no format_version or Changes found)');
      default: {
        const never: never = format;
        throw new Error(`unhandled format ${String(never)}`);
      }
    }
  }
  if (changeSets.length > 0) plans.push(...cloudFormationPlans(changeSets));
  return plans;
}
