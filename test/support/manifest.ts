import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManifestRow {
  readonly file: string;
  readonly shape: string;
  readonly what: string;
}

/** The rows of the corpus MANIFEST tables: file name, shape column, description. */
export function manifestRows(corpus: string): ManifestRow[] {
  const rows: ManifestRow[] = [];
  for (const line of readFileSync(join(corpus, 'MANIFEST.md'), 'utf8').split('\n')) {
    const m = /^\| `([^`]+)` \|/.exec(line);
    if (!m) continue;
    const cells = line.split(' | ');
    rows.push({ file: m[1]!, shape: cells[cells.length - 2]!.trim(), what: cells[cells.length - 1]!.replace(/\s*\|\s*$/, '') });
  }
  return rows;
}

/**
 * Terraform shape "1.0 / - / update×1, delete×1" → { update: 1, delete: 1 } keyed by the
 * actions tuple joined with ','. "resource_changes absent" and "none" → {}.
 */
export function expectedTerraformActions(shape: string): Record<string, number> {
  const actions = shape.split(' / ')[2] ?? '';
  const out: Record<string, number> = {};
  for (const part of actions.split(', ')) {
    const m = /^([a-z/-]+)×(\d+)$/.exec(part.trim());
    if (m) out[m[1]!.replace('/', ',')] = Number(m[2]);
  }
  return out;
}
