import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium with the built test extension (see test/e2e/harness.ts).
 * The build is made once by global setup, unless STP_SKIP_BUILD=1 says it is already fresh.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  // Each test launches its own browser; two cores do not gain from running them side by side.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['line']],
  outputDir: 'test-results',
  use: { trace: 'off' },
});
