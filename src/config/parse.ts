import { parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { firstIssueText } from '../sources/issue-text.js';
import { configSchema, type SteerConfig } from './schema.js';

export { DEFAULT_CONFIG } from './defaults.js';

/** Parses steer.yml text. Errors name the file and the field (`rules[0].verdict: …`). */
export function parseConfig(text: string, file: string): SteerConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    throw new ConfigError(file, `invalid YAML${where}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const value: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (!result.success) throw new ConfigError(file, firstIssueText(result.error));
  return result.data;
}
