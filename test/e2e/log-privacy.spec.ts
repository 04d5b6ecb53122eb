import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './harness.ts';
import { dumpExtensionStores, storedEvents } from './stores.ts';

/** A sentence no rule pack, id or code could contain, inside a note that raises prompts. */
const sentinel = `Sentinel ${crypto.randomUUID().slice(0, 8)} quokka marmalade`;
const note = `She told me her dad hit her with a belt last night. ${sentinel}.`;

const notePages: Array<{ path: string; focus: (page: Page) => Promise<void> }> = [
  { path: '/demo.html', focus: (page) => page.locator('#case-note').click() },
  { path: '/cpoms.html', focus: (page) => page.locator('#incident').click() },
  { path: '/rio.html', focus: (page) => page.frameLocator('#main-frame').locator('#progress-notes').click() },
];

async function exported(options: Page, button: string): Promise<string> {
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: button }).click()]);
  return readFile(await download.path(), 'utf8');
}

test('a sentinel sentence typed into notes on several pages is in no store and no export of the extension', async ({ ext, server }) => {
  test.setTimeout(90_000);
  const printed: string[] = [];
  const worker = await ext.serviceWorker();
  worker.on('console', (message) => printed.push(message.text()));

  for (const { path, focus } of notePages) {
    const page = await ext.context.newPage();
    page.on('console', (message) => printed.push(message.text()));
    await page.goto(server.url + path);
    await expect(async () => focus(page)).toPass({ timeout: 10_000 });
    await page.keyboard.type(note, { delay: 2 });
  }
  // Each page's note raised prompts, and they were logged.
  await expect.poll(async () => new Set((await storedEvents(worker)).map((e) => e.noteKey)).size, { timeout: 20_000 }).toBe(notePages.length);

  const options = await ext.context.newPage();
  options.on('console', (message) => printed.push(message.text()));
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('log-table')).toContainText('physical-abuse');
  const csv = await exported(options, 'Export CSV');
  const json = await exported(options, 'Export JSON');
  expect(csv.split('\r\n')[0]).toBe('id,at,kind,ruleId,packId,packVersion,concern,severity,systemId,origin,noteKey,response');
  expect(csv).toContain('physical-abuse');
  expect((JSON.parse(json) as { events: unknown[] }).events.length).toBeGreaterThan(0);

  const stores = await dumpExtensionStores(worker);
  for (const fragment of [sentinel, 'quokka', 'marmalade', 'hit her with a belt', 'belt']) {
    expect(stores, `stores hold "${fragment}"`).not.toContain(fragment);
    expect(csv, `CSV holds "${fragment}"`).not.toContain(fragment);
    expect(json, `JSON holds "${fragment}"`).not.toContain(fragment);
    expect(printed.join('\n'), `console printed "${fragment}"`).not.toContain(fragment);
  }
  // Sites are logged by scheme and host only.
  for (const event of await storedEvents(worker)) expect(event.origin).toBe(server.url);
});
