import { looksLikeTerraformPlan, looksLikeTerraformState } from './terraform/parse.js';

export type InputFormat =
  | 'terraform-plan'
  | 'terraform-state'
  | 'cloudformation-change-set'
  | 'cloudformation-console-changes'
  | 'unknown';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Which input format a parsed JSON document is, by the fields present. */
export function detectFormat(doc: unknown): InputFormat {
  if (looksLikeTerraformPlan(doc)) return 'terraform-plan';
  if (looksLikeTerraformState(doc)) return 'terraform-state';
  if (isRecord(doc) && Array.isArray(doc.Changes) && ('ChangeSetId' in doc || 'ChangeSetName' in doc || 'StackId' in doc || 'StackName' in doc)) {
    return 'cloudformation-change-set';
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every((e) => isRecord(e) && isRecord(e.resourceChange))) return 'cloudformation-console-changes';
  return 'unknown';
}
