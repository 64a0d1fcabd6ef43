import type { Readable } from 'node:stream';
import { expandInputPaths, inputSize, openInputStream, peekBytes, readInputBytes } from '../adapters/fs/read-input.js';
import type { SteerConfig } from '../config/schema.js';
import { assess } from '../core/assess.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Intent } from '../core/intent/intent.js';
import type { Plan } from '../core/model.js';
import { liveChangeSetPlans, type LiveChangeSet } from './live-change-set.js';
import type { Report } from '../core/report.js';
import { decodeInput, type DecodedInput } from '../sources/decode.js';
import { ScanArena } from '../sources/json/scan-arena.js';
import { parseDecoded, parseDecodedInSlices, plansFromDocuments, type InputDocument } from '../sources/load.js';

export interface PlanCheckRequest {
  readonly inputs: readonly string[];
  readonly config: SteerConfig;
  readonly env?: string;
  readonly workspace?: string;
  readonly tfBin: string;
  /** Where `terraform show` runs for saved plans (default: the plan's directory). */
  readonly tfChdir?: string;
  readonly agentAuthored: boolean;
  /** A change set to describe through the AWS API, besides (or instead of) files. */
  readonly live?: LiveChangeSet;
  /** Extra plans already read (a change set just created). */
  readonly plans?: readonly Plan[];
  /** Force the streaming reader for Terraform JSON (it is used anyway above STREAM_THRESHOLD). */
  readonly stream?: boolean;
  /** The task the change was made for (proportionality is judged against it; none: no claim). */
  readonly intent?: Intent;
  /** CloudFormation templates whose references join the change sets' dependency graphs. */
  readonly templates?: readonly string[];
}

/** Files above this size are streamed: memory then holds a window of the input, not all of it. */
export const STREAM_THRESHOLD = 256 * 1024 * 1024;

/** Reads every input (JSON plans, saved plans, change sets), then assesses them together. */
export async function planCheck(req: PlanCheckRequest): Promise<Report> {
  const docs: InputDocument[] = [];
  const streamed: Plan[] = [];
  for (const path of await expandInputPaths(req.inputs)) {
    const read = await readInput(path, req);
    if ('plan' in read) streamed.push(read.plan);
    else docs.push(read);
  }
  const plans = [...plansFromDocuments(docs, { ...(req.workspace !== undefined ? { workspace: req.workspace } : {}) }), ...streamed, ...(req.plans ?? [])];
  if (req.live) plans.push(...(await liveChangeSetPlans(req.live)));
  if (plans.length === 0) throw new UsageError('nothing to analyze: give plan files, or --stack and --change-set');
  return assess(await withTemplates(plans, req.templates ?? []), {
    config: req.config,
    agentAuthored: req.agentAuthored,
    ...(req.env !== undefined ? { explicitEnv: req.env } : {}),
    ...(req.intent !== undefined ? { intent: req.intent } : {}),
  });
}

/** `--template FILE`: each template's references join the graph of every CloudFormation plan. */
async function withTemplates(plans: Plan[], templates: readonly string[]): Promise<Plan[]> {
  if (templates.length === 0) return plans;
  const { withTemplateGraph } = await import('../sources/cloudformation/template-graph.js'); // loads yaml: only when asked
  let out = plans;
  for (const path of templates) {
    const text = (await readInputBytes(path)).toString('utf8');
    out = out.map((plan) => withTemplateGraph(plan, text, path));
  }
  return out;
}

async function readInput(path: string, req: PlanCheckRequest): Promise<InputDocument | { plan: Plan }> {
  const size = await inputSize(path);
  if (size !== undefined && (req.stream || size > STREAM_THRESHOLD)) {
    const head = await peekBytes(path, 4);
    const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    const ctx = { path, ...(req.workspace !== undefined ? { workspace: req.workspace } : {}) };
    const { streamTerraformPlan } = await import('../sources/terraform/stream.js'); // loaded only for huge plans
    if (isZip) {
      const { streamSavedPlan } = await import('../adapters/terraform-cli/show.js'); // spawns terraform: loaded for saved plans only
      const shown = streamSavedPlan(path, req.tfBin, req.tfChdir);
      const [plan] = await Promise.all([
        streamTerraformPlan(shown.stdout as Readable, { ...ctx, tool: shown.tool, inputNotes: [`saved plan rendered with "${req.tfBin} show -json"`] }),
        shown.done,
      ]);
      return { plan };
    }
    if (!isUtf16) return { plan: await streamTerraformPlan(openInputStream(path), ctx) };
  }
  return readDocument(path, req);
}

async function readDocument(path: string, req: PlanCheckRequest): Promise<InputDocument> {
  const decoded = decodeInput(await readInputBytes(path, ScanArena.allocate), path);
  if (decoded.kind === 'saved-terraform-plan') {
    if (path === '-') throw new InputError(path, "a saved plan can't be read from standard input (terraform show needs the file); give its path, or pipe \"terraform show -json\" output");
    const { showSavedPlan } = await import('../adapters/terraform-cli/show.js'); // spawns terraform: loaded for saved plans only
    const shown = await showSavedPlan(path, req.tfBin, req.tfChdir);
    const rendered = decodeInput(shown.bytes, path);
    if (rendered.kind === 'saved-terraform-plan') throw new InputError(path, `"${req.tfBin} show -json" did not print JSON`);
    return { path, ...(await parse(rendered, path)), notes: [`saved plan rendered with "${req.tfBin} show -json"`], tool: shown.tool };
  }
  return { path, ...(await parse(decoded, path)), notes: decoded.notes };
}

/** Inputs this large are read a slice at a time, letting the progress line tick in between. */
const SLICED_ABOVE = 16 * 1024 * 1024;

async function parse(decoded: Exclude<DecodedInput, { kind: 'saved-terraform-plan' }>, path: string): Promise<Pick<InputDocument, 'doc' | 'terraformChanges'>> {
  if (decoded.kind !== 'utf8' || decoded.bytes.length <= SLICED_ABOVE) return parseDecoded(decoded, path);
  return parseDecodedInSlices(decoded, path, () => new Promise((resolve) => setImmediate(resolve)));
}
