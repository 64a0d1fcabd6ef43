import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { firstIssueText } from '../sources/issue-text.js';
import { configSchema, type SteerConfig } from './schema.js';

export { DEFAULT_CONFIG } from './defaults.js';

/**
 * Parses steer.yml text. Errors name the file, the field and where it is
 * (`steer.yml: rules[0].verdict: … (line 3, column 14)`). A policy file says which version
 * of the format it is written in: an empty file, or one without `version`, is an error.
 */
export function parseConfig(text: string, file: string): SteerConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    throw new ConfigError(file, `invalid YAML${where}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const at = (node: Node | null | undefined): string => {
    if (!node?.range) return '';
    const { line, col } = lineCounter.linePos(node.range[0]);
    return ` (line ${line}, column ${col})`;
  };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ConfigError(file, 'the policy file is empty: it starts with "version: 1" (steer init writes a starter steer.yml)');
  }
  if (!isMap(doc.contents)) throw new ConfigError(file, `expected the policy's settings (version: 1, production:, rules:, …), found a ${describe(doc.contents)}${at(doc.contents)}`);
  if (!doc.contents.has('version')) throw new ConfigError(file, 'no "version": the policy file starts with "version: 1"');
  const result = configSchema.safeParse(doc.toJS());
  if (!result.success) {
    const [issue, ...more] = result.error.issues;
    const where = issue ? at(nodeOf(doc, issue)) : '';
    throw new ConfigError(file, `${firstIssueText({ issues: issue ? [issue] : [] })}${where}${more.length > 0 ? ` (and ${more.length} more problem(s))` : ''}`);
  }
  return result.data;
}

/** The YAML node a zod issue is about: the value at its path, an unknown key itself, or the nearest node that exists. */
function nodeOf(doc: Document, issue: { readonly path: readonly PropertyKey[]; readonly code?: string; readonly keys?: readonly string[] }): Node | undefined {
  const path = issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step));
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!node || typeof node !== 'object') continue;
    const unknownKey = n === path.length && issue.code === 'unrecognized_keys' && isMap(node) ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === issue.keys?.[0])?.key : undefined;
    return (unknownKey as Node | undefined) ?? (node as Node);
  }
  return undefined;
}

function describe(node: unknown): string {
  if (isScalar(node)) return typeof node.value === 'string' ? 'string' : String(typeof node.value);
  return 'list';
}
