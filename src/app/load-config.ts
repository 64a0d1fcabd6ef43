import { join } from 'node:path';
import { readTextFileIfExists } from '../adapters/fs/read-input.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import type { SteerConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';

export interface LoadedConfig {
  readonly config: SteerConfig;
  /** The file it came from, or undefined for the built-in defaults. */
  readonly file?: string;
}

export const CONFIG_FILE_NAMES = ['steer.yml', '.steer.yml', 'steer.yaml', '.steer.yaml'] as const;

/** `--config FILE` (must exist), else steer.yml / .steer.yml in `cwd`, else the defaults. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const text = await readTextFileIfExists(explicit);
    if (text === undefined) throw new ConfigError(explicit, 'config file not found');
    return { config: await parseConfigLazily(text, explicit), file: explicit };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    const text = await readTextFileIfExists(file);
    if (text !== undefined) return { config: await parseConfigLazily(text, name), file: name };
  }
  return { config: DEFAULT_CONFIG };
}

/** The YAML parser is loaded only when there is a file to parse: plan-check starts faster. */
async function parseConfigLazily(text: string, file: string): Promise<SteerConfig> {
  const { parseConfig } = await import('../config/parse.js');
  return parseConfig(text, file);
}
