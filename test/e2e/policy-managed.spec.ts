import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/find-browser.ts';
import { chromeTestBuildDir } from '../../scripts/extension-dir.ts';
import { ExtensionUi } from './extension-ui.ts';
import { expect, launchWithExtension, test } from './harness.ts';
import { pinnedExtensionId, pushedMarkerText, pushedPack, pushedRuleId, removePolicy, writePolicy } from './policy-files.ts';
import { storedEvents } from './stores.ts';

/**
 * Real managed policy, pushed to a running Chromium through its policy folder. Chromium notices a
 * changed file about five seconds later, so each step polls for up to 20 s and the steps are few.
 */
const policyWait = { timeout: 20_000, intervals: [500] };
const disclosure = 'She told me her dad hit her with a belt last night';

test.describe.configure({ mode: 'serial' });
test.beforeAll(removePolicy);
test.afterEach(removePolicy);
test.afterAll(removePolicy);

async function typeNote(page: Page, url: string, text: string): Promise<ExtensionUi> {
  await page.goto(url);
  await page.locator('#case-note').click();
  await page.keyboard.type(text, { delay: 2 });
  return new ExtensionUi(page);
}

test('a pushed pack prompts in an open tab, disabledRules silences it, and a bad push keeps the last good pack', async ({ ext, server }) => {
  test.setTimeout(120_000);
  expect(ext.extensionId).toBe(pinnedExtensionId);
  const page = await ext.context.newPage();
  const ui = await typeNote(page, `${server.url}/demo.html`, pushedMarkerText);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('pack-source')).toContainText('bundled');

  // Push a pack with a rule the bundled one lacks: the note already typed is re-read with it.
  const pack = pushedPack();
  writePolicy(ext.extensionId, { rulePack: pack });
  const worker = await ext.serviceWorker();
  await expect
    .poll(async () => (await storedEvents(worker)).some((e) => e.ruleId === pushedRuleId && e.kind === 'shown'), policyWait)
    .toBe(true);
  expect(await ui.exists('.stp-indicator')).toBe(true);
  await expect(page.locator('#case-note')).toBeFocused();
  await expect(options.getByTestId('pack-version')).toHaveText('9.9.9-policy-test');
  await expect(options.getByTestId('pack-source')).toContainText('administrator');

  // Switch the rule off: the prompt leaves the open tab, and the worker sees the setting is locked.
  writePolicy(ext.extensionId, { rulePack: pack, disabledRules: [pushedRuleId] });
  await expect.poll(() => ui.exists('.stp-indicator'), policyWait).toBe(false);
  await expect(options.getByTestId('locked-settings')).toContainText('Rules switched off');

  // A broken pack and an out-of-range setting are refused, each reason listed; the last good stays.
  // (A value of the wrong JSON type never reaches the extension: Chromium drops it against
  // managed_schema.json and says so on chrome://policy.)
  writePolicy(ext.extensionId, { rulePack: '{"id": "half a pack"', disabledRules: [pushedRuleId], logRetentionDays: 0 });
  await expect(options.getByTestId('policy-problems')).toContainText('not valid JSON', { timeout: 20_000 });
  await expect(options.getByTestId('policy-problems')).toContainText('logRetentionDays');
  await expect(options.getByTestId('pack-version')).toHaveText('9.9.9-policy-test');
  const tab = await ext.context.newPage();
  const stillPrompting = await typeNote(tab, `${server.url}/demo.html`, disclosure);
  await stillPrompting.waitFor('.stp-indicator');
});

test('a policy present at start-up with an invalid pack leaves the bundled pack prompting', async ({ server }) => {
  writePolicy(pinnedExtensionId, { rulePack: JSON.stringify({ id: 'no-rules', rules: [{ concern: 'not-a-concern' }] }), jurisdiction: 'atlantis' });
  const ext = await launchWithExtension();
  try {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const problems = options.getByTestId('policy-problems');
    await expect(problems).toContainText('jurisdiction', { timeout: 20_000 });
    await expect(problems).toContainText('rulePack › rules[0].concern');
    await expect(options.getByTestId('pack-source')).toContainText('bundled');
    const ui = await typeNote(await ext.context.newPage(), `${server.url}/demo.html`, disclosure);
    await ui.waitFor('.stp-indicator');
  } finally {
    await ext.close();
  }
});

test('a sites entry turns prompting on for a new case system, live', async ({ server }) => {
  test.setTimeout(90_000);
  // A host name that is not loopback by name, so only the policy can make it a case system.
  // Marked secure as a real (https) case system would be: the content script needs
  // crypto.randomUUID, which browsers offer to secure contexts only.
  const origin = `http://casenotes.policy.test:${new URL(server.url).port}`;
  const profile = await mkdtemp(join(tmpdir(), 'stp-policy-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      ...chromiumArgs(chromeTestBuildDir),
      '--host-resolver-rules=MAP casenotes.policy.test 127.0.0.1',
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ],
  });
  try {
    const url = `${origin}/demo.html`;
    const page = await context.newPage();
    await typeNote(page, url, disclosure);
    await page.waitForTimeout(1000);
    expect(await page.locator('share-to-protect').count()).toBe(0);

    // An unknown system: the administrator names its note field.
    writePolicy(pinnedExtensionId, { sites: [{ matches: ['http://casenotes.policy.test/*'], fieldSelectors: ['#case-note'], systemId: 'policy-test-system' }] });
    await expect
      .poll(async () => {
        const ui = await typeNote(page, url, disclosure);
        await page.waitForTimeout(1500);
        return ui.exists('.stp-indicator');
      }, { timeout: 30_000, intervals: [1000] })
      .toBe(true);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
