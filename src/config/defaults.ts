import { configSchema, type SteerConfig } from './schema.js';

/** The config used when there is no steer.yml. */
export const DEFAULT_CONFIG: SteerConfig = configSchema.parse({});
