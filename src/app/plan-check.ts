import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileSha256 } from '../adapters/fs/artifact.js';
import { artifactName } from '../core/approval-record.js';
import { expandInputPaths, inputSize, openInputStream, peekBytes, readInputBytes } from '../adapters/fs/read-input.js';
import type { SteerConfig } from '../config/schema.js';
import { assess } from '../core/assess.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Intent } from '../core/intent/intent.js';
import type { Plan } from '../core/model.js';
import { liveChangeSetPlans, type LiveChangeSet } from './live-change-set.js';
import type { Report } from '../core/report.js';
import { decodeInput, type DecodedInput } from '../sources/decode.js';
import { looksLikeInput, SNIFF_BYTES } from '../sources/sniff.js';
import { ScanArena } from '../sources/json/scan-arena.js';
import { parseDecoded, parseDecodedInSlices, plansFromDocuments, type InputDocument, type ParsedDocument } from '../sources/load.js';

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
  /** Told of each file in an input directory that is not read (it does not look like a plan or change set). */
  readonly onSkipped?: (path: string, why: string) => void;
  /**
   * Saved plan → the `terraform show -json` rendering the plan job made of it. The gate then
   * runs no terraform (which would start the providers the pull request chose); it binds the
   * verdict to the saved plan's hash, and apply recomputes both from the file itself.
   */
  readonly renderings?: Readonly<Record<string, string>>;
  /**
   * Never start terraform/tofu (the PR gate: a saved plan's `show` would start the providers the
   * pull request chose, beside the gate's token and signing key). A saved plan must then come
   * with its rendering.
   */
  readonly runsNoTool?: boolean;
  /** The name a file read from elsewhere goes by (apply reads a private copy of the plan the workflow named). */
  readonly shownAs?: Readonly<Record<string, string>>;
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
  const artifacts = new Map<string, string>();
  const found = await expandInputPaths(req.inputs);
  for (const { path, directory } of found) {
    if (directory !== undefined && !looksLikeInput(await peekBytes(path, SNIFF_BYTES))) {
      req.onSkipped?.(path, 'not a plan or change set');
      continue;
    }
    const read = await readInput(path, req);
    const name = req.shownAs?.[path] ?? path;
    if (read.artifact !== undefined) artifacts.set(name, read.artifact);
    if ('plans' in read) streamed.push(...read.plans.map((p) => (name === path ? p : { ...p, target: { ...p.target, path: name } })));
    else docs.push(...read.documents.map((d) => (name === path ? d : { ...d, path: name })));
  }
  const read = [...plansFromDocuments(docs, { ...(req.workspace !== undefined ? { workspace: req.workspace } : {}) }), ...streamed];
  const plans = [...read.map((p) => (artifacts.has(p.target.path) ? { ...p, artifact: artifacts.get(p.target.path)! } : p)), ...(req.plans ?? [])];
  if (req.live) plans.push(...(await liveChangeSetPlans(req.live)));
  if (plans.length === 0 && found.some((f) => f.directory !== undefined)) {
    const dirs = [...new Set(found.flatMap((f) => (f.directory !== undefined ? [f.directory] : [])))];
    throw new InputError(dirs.join(', '), 'no file in the directory looks like a plan or change set (JSON starting with format_version or Changes)');
  }
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

/** One input read: documents to normalize, or plans already streamed; `artifact` for a saved plan file. */
type ReadInput = ({ readonly documents: InputDocument[] } | { readonly plans: Plan[] }) & { readonly artifact?: string };

async function readInput(path: string, req: PlanCheckRequest): Promise<ReadInput> {
  const size = await inputSize(path);
  // A saved plan with its rendering is read from the rendering, however large the plan file is.
  if (size !== undefined && (req.stream || size > STREAM_THRESHOLD) && req.renderings?.[path] === undefined) {
    const head = await peekBytes(path, 4);
    const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    const ctx = { path, ...(req.workspace !== undefined ? { workspace: req.workspace } : {}) };
    const { streamTerraformPlans } = await import('../sources/terraform/stream.js'); // loaded only for huge plans
    if (isZip) {
      refuseTool(path, req);
      const { streamSavedPlan } = await import('../adapters/terraform-cli/show.js'); // spawns terraform: loaded for saved plans only
      const shown = streamSavedPlan(path, req.tfBin, req.tfChdir);
      const [plans] = await Promise.all([
        streamTerraformPlans(shown.stdout as Readable, { ...ctx, tool: shown.tool, inputNotes: [`saved plan rendered with "${req.tfBin} show -json"`] }),
        shown.done,
      ]);
      return { plans, artifact: artifactName(await fileSha256(path)) };
    }
    if (!isUtf16) return { plans: await streamTerraformPlans(openInputStream(path), ctx) };
  }
  return readDocument(path, req);
}

async function readDocument(path: string, req: PlanCheckRequest): Promise<ReadInput> {
  const bytes = await readInputBytes(path, ScanArena.allocate);
  const decoded = decodeInput(bytes, path);
  if (decoded.kind === 'saved-terraform-plan') {
    if (path === '-') throw new InputError(path, "a saved plan can't be read from standard input (terraform show needs the file); give its path, or pipe \"terraform show -json\" output");
    const artifact = artifactName(createHash('sha256').update(bytes).digest('hex'));
    const rendering = req.renderings?.[path];
    if (rendering !== undefined) {
      const shown = decodeInput(await readInputBytes(rendering, ScanArena.allocate), rendering);
      if (shown.kind === 'saved-terraform-plan') throw new InputError(rendering, 'expected the JSON rendering of the saved plan ("terraform show -json"), found another saved plan');
      const note = `read from ${rendering}, the plan job's "terraform show -json" of this saved plan; approvals bind to the saved plan's ${artifact}`;
      const documents = (await parse(shown, rendering)).map((doc) => ({ ...doc, path, notes: [...shown.notes, note] }));
      if (documents.length !== 1) throw new InputError(rendering, `a saved plan's rendering is one plan, this file holds ${documents.length}`);
      return { documents, artifact };
    }
    refuseTool(path, req);
    const { showSavedPlan } = await import('../adapters/terraform-cli/show.js'); // spawns terraform: loaded for saved plans only
    const shown = await showSavedPlan(path, req.tfBin, req.tfChdir);
    const rendered = decodeInput(shown.bytes, path);
    if (rendered.kind === 'saved-terraform-plan') throw new InputError(path, `"${req.tfBin} show -json" did not print JSON`);
    const documents = (await parse(rendered, path)).map((doc) => ({ ...doc, notes: [`saved plan rendered with "${req.tfBin} show -json"`], tool: shown.tool }));
    return { documents, artifact };
  }
  return { documents: (await parse(decoded, path)).map((doc) => ({ ...doc, notes: decoded.notes })) };
}

function refuseTool(path: string, req: PlanCheckRequest): void {
  if (req.runsNoTool) throw new InputError(path, `a saved plan without its rendering: this step runs no ${req.tfBin} (the providers of the plan's configuration would start here) — give its "terraform show -json" output as ${path}.json beside it`);
}

/** Inputs this large are read a slice at a time, letting the progress line tick in between. */
const SLICED_ABOVE = 16 * 1024 * 1024;

async function parse(decoded: Exclude<DecodedInput, { kind: 'saved-terraform-plan' }>, path: string): Promise<ParsedDocument[]> {
  if (decoded.kind !== 'utf8' || decoded.bytes.length <= SLICED_ABOVE) return parseDecoded(decoded, path);
  return parseDecodedInSlices(decoded, path, () => new Promise((resolve) => setImmediate(resolve)));
}
