import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // The example workflows are imported as text by `steer init` (esbuild's text loader in the build).
  plugins: [{ name: 'workflow-text', load: (id) => (id.endsWith('.yml') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : undefined) }],
  test: {
    include: ['test/**/*.test.ts'],
    // The real agent runtimes run apart: npm run test:runtimes (vitest.runtimes.config.ts).
    exclude: [...configDefaults.exclude, 'test/runtimes/**'],
    // A scratch directory per run (TMPDIR), removed at the end, and those of killed runs at the next start.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/shell-syntax.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests spawn terraform, moto_server and the bundled CLI: keep it to the 2 cores.
    maxWorkers: 2,
    // The AWS SDK warns about Node 20 on import; Steer supports Node 20 on purpose.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
