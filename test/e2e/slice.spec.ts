import { test, expect } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';
import { dumpExtensionStores, dumpPageStores, storedEvents } from './stores.ts';

const disclosure = 'She told me her dad hit her with a belt last night';

test('a disclosure typed into the demo note raises a passive prompt, guidance, a log entry and no stored text', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  const note = page.locator('#case-note');
  await note.click();
  await page.keyboard.type(disclosure, { delay: 5 });

  // Passive: the indicator appears and the caret never leaves the note.
  const ui = new ExtensionUi(page);
  await ui.waitFor('.stp-indicator');
  await expect(note).toBeFocused();
  expect(await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(disclosure.length);

  // On demand: the sidebar shows the physical-abuse guidance with its cited source.
  await ui.click('.stp-indicator');
  await ui.waitFor('.stp-sidebar .stp-card');
  const sidebarText = await ui.text();
  expect(sidebarText).toMatch(/physical|hurt|injur|harm/i);
  expect(await ui.attribute('.stp-card .stp-sources a', 'href')).toMatch(/^https:\/\//);

  // The background logged the prompt shown, by rule and concern only.
  const worker = await ext.serviceWorker();
  await expect.poll(async () => (await storedEvents(worker)).filter((e) => e.kind === 'shown').map((e) => e.concern)).toContain(
    'physical-abuse',
  );
  const shown = (await storedEvents(worker)).find((e) => e.concern === 'physical-abuse');
  expect(shown?.origin).toBe(server.url);

  // The options page lists the event.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('log-table')).toContainText('physical-abuse');

  // The words typed are nowhere in the extension's stores nor in the page's own storage.
  for (const fragment of [disclosure, 'hit her with a belt', 'belt']) {
    expect(await dumpExtensionStores(worker)).not.toContain(fragment);
    expect(await dumpPageStores(page)).not.toContain(fragment);
  }
});

test('a page with no case-note field gets nothing: no UI, no log', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/empty.html`);
  const search = page.locator('input[type="search"]').first();
  await search.click();
  await page.keyboard.type(disclosure, { delay: 2 });
  await page.waitForTimeout(800);
  expect(await page.locator('share-to-protect').count()).toBe(0);
  expect(await storedEvents(await ext.serviceWorker())).toHaveLength(0);
});
