import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test as base, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-browser.ts';
import { chromeTestBuildDir } from '../../scripts/extension-dir.ts';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker, for reading extension storage and IndexedDB in tests. */
  serviceWorker: () => Promise<Worker>;
}

/**
 * Launches Debian's Chromium with the built test extension loaded. Fails loudly when the
 * extension does not load (Chromium refuses a bad build silently: see the Vite 8 / Dexie trap).
 */
export async function launchWithExtension(extensionDir = chromeTestBuildDir): Promise<ExtensionHarness & { close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'stp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: { width: 1280, height: 800 },
  });
  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (running) return running;
    return context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => {
      throw new Error(
        `The extension in ${extensionDir} did not load: no service worker started. ` +
          'Run Chromium with --enable-logging=stderr to see why (a non-UTF-8 script is refused silently).',
      );
    });
  };
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Playwright fixtures: a fixture server per worker, a fresh browser profile per test. */
export const test = base.extend<{ ext: ExtensionHarness }, { server: FixtureServer }>({
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({}, use) => {
    const harness = await launchWithExtension();
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';
