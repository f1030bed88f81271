// Three projects, each with only the build it needs: `unit` builds nothing, `integration` runs the compiled core
// in dist/ (the CLI, child processes, the worker thread), `browser` loads dist-renderer/. `vitest run` runs all.
import { defineConfig } from 'vitest/config';

/** Tests that run dist/: the CLI, the crash tests' child processes, the core's worker thread. */
const INTEGRATION = ['test/cli/**/*.test.ts', 'test/vault/crash-*.test.ts', 'test/api/worker-route.test.ts', 'test/electron/main.test.ts'];
/** The browser suite (test/e2e/browser.test.ts, its discovery order, needs no browser and stays a unit test). */
const BROWSER = ['test/e2e/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...INTEGRATION, ...BROWSER] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['test/setup-dist.ts'] } },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: ['test/setup-renderer.ts'] } },
    ],
  },
});
