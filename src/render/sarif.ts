import { FINDING_HELP } from '../core/finding-help.js';
import type { Finding, Report } from '../core/report.js';
import { FINDING_CODES, type FindingCode } from '../core/report.js';
import { displayMessage } from './display-text.js';

/**
 * SARIF 2.1.0 for code scanning (GitHub `upload-sarif`, IDEs): one rule per stable finding code
 * (with `fullDescription` and `help`), one result per finding. A result about a resource points
 * at its block in the repository's `.tf` files when that was found, else at the plan file,
 * relative to the repository root. GitHub rejects a whole file if one result has no location,
 * so an input that is not a file of the repository gets a placeholder under `.steer/`
 * (docs/reports.md). Pure: where things are is found by adapters and passed in.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */

export interface SourceLocation {
  /** Relative to the repository root, `/`-separated. */
  readonly uri: string;
  readonly line: number;
}

/** What the adapters found about one plan (same index as `report.plans`). */
export interface PlanArtifact {
  /** The plan file, relative to the repository root; absent when it is not a file in the repository. */
  readonly uri?: string;
  /** Where each resource's block is, by address (`module.a.aws_x.y["k"]` → its `resource "aws_x" "y"` block). */
  readonly resources?: ReadonlyMap<string, SourceLocation>;
}

export interface SarifOptions {
  readonly artifacts?: readonly PlanArtifact[];
}

/** The placeholder uris: documented in docs/reports.md. */
export const PLACEHOLDER_STDIN = '.steer/stdin';
export const PLACEHOLDER_OUTSIDE = '.steer/outside-repository';
export const PLACEHOLDER_CLOUDFORMATION = '.steer/cloudformation';

const LEVELS = { block: 'error', review: 'warning', info: 'note' } as const;

export function renderSarif(report: Report, toolVersion: string, options: SarifOptions = {}): string {
  const codes = Object.keys(FINDING_CODES) as FindingCode[];
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: FINDING_CODES[code] },
    fullDescription: { text: FINDING_HELP[code].description },
    help: { text: FINDING_HELP[code].help, markdown: FINDING_HELP[code].help },
  }));
  const results = report.findings.map((f) => {
    const where = locationOf(report, f, options.artifacts?.[f.plan]);
    return {
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: LEVELS[f.severity],
      message: { text: displayMessage(f.message, f.address) },
      locations: [{ physicalLocation: { artifactLocation: { uri: where.uri }, region: { startLine: where.line } } }],
      // The same finding on the same resource in the next run is the same alert.
      partialFingerprints: { steerFinding: `${f.code}:${f.address ?? where.uri}` },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'steer', version: toolVersion, rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function locationOf(report: Report, f: Finding, artifact: PlanArtifact | undefined): SourceLocation {
  const block = f.address !== undefined ? artifact?.resources?.get(f.address) : undefined;
  if (block) return block;
  return { uri: artifact?.uri ?? planUri(report.plans[f.plan]?.plan.target.path ?? '-'), line: 1 };
}

/** The plan path as a repository-relative uri when it can be one without knowing the root; else a placeholder. */
export function planUri(path: string): string {
  if (path === '-') return PLACEHOLDER_STDIN;
  if (path.startsWith('cloudformation:')) return `${PLACEHOLDER_CLOUDFORMATION}/${encodeSegment(path.slice('cloudformation:'.length))}`;
  const posix = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (posix.startsWith('/') || /^[A-Za-z]:\//.test(posix) || posix === '..' || posix.startsWith('../')) {
    return `${PLACEHOLDER_OUTSIDE}/${encodeSegment(posix.split('/').pop() ?? 'plan')}`;
  }
  return posix.split('/').map(encodeSegment).join('/');
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%40/g, '@');
}
