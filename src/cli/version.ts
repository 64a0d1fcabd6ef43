/** Replaced at bundle time by esbuild `define`; falls back for tests that import sources. */
declare const __STEER_VERSION__: string | undefined;
export const STEER_VERSION: string = typeof __STEER_VERSION__ === 'string' ? __STEER_VERSION__ : '0.0.0-dev';
