import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/find-browser.ts';
import { chromeTestBuildDir } from '../../scripts/extension-dir.ts';
import { ExtensionUi } from './extension-ui.ts';
import { expect, test } from './harness.ts';

/**
 * A site a worker turns on for themself (issue #4): right-click the toolbar button → "turn on or
 * off for this site". Headless Chromium cannot open that menu, so the service worker calls the
 * function the menu click calls (`toggleSiteForTab`, exposed in test builds only).
 *
 * The site has a host name that is not loopback by name, so neither the release nor the test
 * build's declared content script matches it: only the worker's registration can.
 *
 * Sites an administrator lists by policy, with no click from any worker, are proved by
 * test/e2e/policy-managed.spec.ts ("a sites entry turns prompting on for a new case system, live").
 */

const disclosure = 'She told me her dad hit her with a belt last night';
const workerHost = 'worker-site.test';

async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'stp-activation-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs(chromeTestBuildDir), `--host-resolver-rules=MAP ${workerHost} 127.0.0.1`],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function backgroundOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
}

/** What the toolbar menu item does for the tab showing `url`. */
async function toggleSite(worker: Worker, url: string): Promise<void> {
  await worker.evaluate(async (tabUrl) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome;
    const tab = (await c.tabs.query({})).find((t) => t.url === tabUrl);
    if (tab?.id === undefined) throw new Error(`no tab at ${tabUrl}`);
    const toggle = (globalThis as Record<string, unknown>).shareToProtectToggleSiteForTab;
    if (typeof toggle !== 'function') throw new Error('not a test build: the toggle is not exposed');
    await (toggle as (t: { id: number; url: string }) => Promise<void>)({ id: tab.id, url: tabUrl });
  }, url);
}

async function registeredMatches(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).chrome;
    return (await c.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
  });
}

/** Types the disclosure into the demo note; whether the indicator appears. */
async function prompts(page: Page): Promise<boolean> {
  await page.locator('#case-note').click();
  await page.keyboard.type(disclosure, { delay: 2 });
  const ui = new ExtensionUi(page);
  return ui.waitFor('.stp-indicator', 4_000).then(
    () => true,
    () => false,
  );
}

test('a site the worker turns on prompts, at once and on later loads; turned off, a new load does not', async ({ server }) => {
  test.setTimeout(90_000);
  const { context, close } = await launch();
  try {
    const worker = await backgroundOf(context);
    const url = `http://${workerHost}:${new URL(server.url).port}/demo.html`;
    const page = await context.newPage();

    // Not a case system: nothing runs.
    await page.goto(url);
    expect(await prompts(page)).toBe(false);
    expect(await page.locator('share-to-protect').count()).toBe(0);

    // Turned on: the open page gets the script now (its note, already typed, is read) …
    await toggleSite(worker, url);
    expect(await registeredMatches(worker)).toContain(`http://${workerHost}/*`);
    await page.locator('#case-note').click();
    await page.keyboard.type(' again', { delay: 2 });
    await new ExtensionUi(page).waitFor('.stp-indicator');

    // … and every later load gets it from the registration.
    await page.reload();
    expect(await prompts(page)).toBe(true);

    // Turned off: the registration goes; a new load gets nothing.
    await toggleSite(worker, url);
    await expect.poll(() => registeredMatches(worker)).not.toContain(`http://${workerHost}/*`);
    await page.reload();
    expect(await prompts(page)).toBe(false);
    expect(await page.locator('share-to-protect').count()).toBe(0);
  } finally {
    await close();
  }
});
