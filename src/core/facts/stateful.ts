import type { SteerConfig } from '../../config/schema.js';
import type { StatefulCategory, StatefulEntry } from '../catalog/stateful-category.js';
import { cloudFormationStateful } from '../catalog/cloudformation-stateful.js';
import { terraformStateful } from '../catalog/terraform-stateful.js';
import { nameGlob } from '../glob.js';

/** Looks up whether a resource type holds data, from the catalogs plus steer.yml's `stateful`. */
export interface StatefulCatalog {
  categoryOf(type: string): StatefulCategory | undefined;
}

export function statefulCatalog(config: SteerConfig['stateful'], extra: readonly StatefulEntry[] = []): StatefulCatalog {
  const byType = new Map<string, StatefulCategory>();
  for (const e of [...terraformStateful, ...cloudFormationStateful, ...extra]) byType.set(e.type, e.category);
  const added = config.add.map(nameGlob);
  const removed = config.remove.map(nameGlob);
  return {
    categoryOf(type) {
      if (removed.some((re) => re.test(type))) return undefined;
      return byType.get(type) ?? (added.some((re) => re.test(type)) ? 'other-data' : undefined);
    },
  };
}
