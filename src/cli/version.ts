/** Replaced at bundle time by esbuild `define` (from package.json); fall back for tests that import sources. */
declare const __STEER_VERSION__: string | undefined;
declare const __STEER_PACKAGE__: string | undefined;
export const STEER_VERSION: string = typeof __STEER_VERSION__ === 'string' ? __STEER_VERSION__ : '0.0.0-dev';
/** The npm package that carries the `steer` bin. */
export const STEER_PACKAGE: string = typeof __STEER_PACKAGE__ === 'string' ? __STEER_PACKAGE__ : '@steer-gate/cli';
export const INSTALL_COMMAND = `npm i -D ${STEER_PACKAGE}`;
