import type { SteerConfig } from './schema.js';

/**
 * The config used when there is no steer.yml: what `configSchema.parse({})` gives (a test holds
 * them equal), written out so a run without steer.yml doesn't build the config schema at start.
 */
export const DEFAULT_CONFIG: SteerConfig = {
  version: 1,
  production: {},
  stateful: { add: [], remove: [] },
  rules: [],
  limits: [],
  protected: [],
  approvals: { required: 1, users: [], teams: [], maxAgeHours: 72, signedChecks: false, trustUnsignedChecks: false },
  reviewers: { users: [], teams: [] },
  guard: { deny: [], allow: [] },
  agents: { logins: [] },
};
