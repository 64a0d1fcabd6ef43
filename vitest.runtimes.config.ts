import { defineConfig } from 'vitest/config';

// The real-runtime tests (npm run test:runtimes): each drives an installed agent CLI against a scripted
// model on loopback, so they are slow and kept out of the default run; .ci/run runs them after npm test.
export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.test.ts'],
    globalSetup: ['test/runtimes/install.global.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  },
});
