import { InputError } from '../../core/errors.js';
import type { Plan } from '../../core/model.js';

/** Placeholder until the CloudFormation source lands (issue 3): refuse, never pass. */
export function cloudFormationPlans(docs: readonly { path: string }[]): Plan[] {
  throw new InputError(docs[0]?.path ?? '-', 'CloudFormation change sets are not supported yet');
}
