import { expandInputPaths, readInputBytes } from '../adapters/fs/read-input.js';
import { showSavedPlan } from '../adapters/terraform-cli/show.js';
import type { SteerConfig } from '../config/schema.js';
import { assess } from '../core/assess.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Plan } from '../core/model.js';
import { liveChangeSetPlans, type LiveChangeSet } from './live-change-set.js';
import type { Report } from '../core/report.js';
import { decodeInput, parseJsonText } from '../sources/decode.js';
import { plansFromDocuments, type InputDocument } from '../sources/load.js';

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
}

/** Reads every input (JSON plans, saved plans, change sets), then assesses them together. */
export async function planCheck(req: PlanCheckRequest): Promise<Report> {
  const docs: InputDocument[] = [];
  for (const path of await expandInputPaths(req.inputs)) docs.push(await readDocument(path, req));
  const plans = [...plansFromDocuments(docs, { ...(req.workspace !== undefined ? { workspace: req.workspace } : {}) }), ...(req.plans ?? [])];
  if (req.live) plans.push(...(await liveChangeSetPlans(req.live)));
  if (plans.length === 0) throw new UsageError('nothing to analyze: give plan files, or --stack and --change-set');
  return assess(plans, {
    config: req.config,
    agentAuthored: req.agentAuthored,
    ...(req.env !== undefined ? { explicitEnv: req.env } : {}),
  });
}

async function readDocument(path: string, req: PlanCheckRequest): Promise<InputDocument> {
  const decoded = decodeInput(await readInputBytes(path), path);
  if (decoded.kind === 'saved-terraform-plan') {
    if (path === '-') throw new InputError(path, "a saved plan can't be read from standard input (terraform show needs the file); give its path, or pipe \"terraform show -json\" output");
    const shown = await showSavedPlan(path, req.tfBin, req.tfChdir);
    return { path, doc: parseJsonText(shown.text, path), notes: [`saved plan rendered with "${req.tfBin} show -json"`], tool: shown.tool };
  }
  return { path, doc: parseJsonText(decoded.text, path), notes: decoded.notes };
}
