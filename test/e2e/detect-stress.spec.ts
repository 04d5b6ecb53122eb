/**
 * Bad input: a page that throws and churns its DOM, frames nested past the followed depth, and a
 * 1 MB note. The extension keeps working, never throws into the page, and reads nothing it
 * should not.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';

const disclosure = 'She told me her dad hit her with a belt last night. ';

/** Page errors that did not come from the page's own deliberate throws. */
function collectForeignErrors(page: Page, own: RegExp): string[] {
  const foreign: string[] = [];
  page.on('pageerror', (error) => {
    if (!own.test(error.message)) foreign.push(error.message);
  });
  return foreign;
}

test('a page that throws on every event and rewrites its DOM every 4 ms still gets its prompts', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const foreign = collectForeignErrors(page, /hostile|no observers here|patched closest/);
  await page.goto(`${server.url}/stress-hostile.html`);
  const ui = new ExtensionUi(page);
  await page.locator('#note').click();
  await page.keyboard.type(disclosure, { delay: 2 });
  await ui.waitFor('.stp-indicator');
  await expect(page.locator('#note')).toBeFocused();
  await page.locator('#rich').click();
  await expect.poll(() => ui.exists('.stp-indicator')).toBe(false);
  await page.keyboard.type(disclosure, { delay: 2 });
  await ui.waitFor('.stp-indicator');
  expect(await page.evaluate(() => (window as unknown as { fixture: { ticks(): number } }).fixture.ticks())).toBeGreaterThan(100);
  expect(foreign).toEqual([]);
});

test('frames nested twelve deep: a note three frames down prompts, one past the followed depth is left alone', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const foreign = collectForeignErrors(page, /^$/);
  await page.goto(`${server.url}/stress-frames.html`);
  await page.waitForFunction(() => (window as unknown as { fixtureReady?: boolean }).fixtureReady === true);
  const ui = new ExtensionUi(page);
  const frameAt = (depth: number) => {
    let locator = page.frameLocator('#level-1');
    for (let level = 2; level <= depth; level++) locator = locator.frameLocator(`#level-${level}`);
    return locator;
  };
  await frameAt(12).locator('#note').click();
  await page.keyboard.type(disclosure, { delay: 2 });
  await page.waitForTimeout(800);
  expect(await ui.exists('.stp-indicator')).toBe(false);

  await frameAt(3).locator('#note').click();
  await page.keyboard.type(disclosure, { delay: 2 });
  await ui.waitFor('.stp-indicator');
  // The indicator sits beside the field three frames down, not at the top document's corner.
  const fieldBox = await frameAt(3).locator('#note').boundingBox();
  const indicator = await ui.evaluate<{ left: number; top: number }>(
    '(root) => { const r = root.querySelector(".stp-indicator").getBoundingClientRect(); return { left: r.left, top: r.top }; }',
  );
  expect(fieldBox).not.toBeNull();
  expect(Math.abs((indicator?.top ?? 0) - ((fieldBox?.y ?? 0) + (fieldBox?.height ?? 0) - 32))).toBeLessThan(40);
  expect(foreign).toEqual([]);
});

for (const field of [
  { name: 'textarea', selector: '#note' },
  { name: 'contenteditable', selector: '#rich' },
]) {
  test(`a 1 MB note (${field.name}): typing at its end prompts, and typing stays responsive`, async ({ ext, server }) => {
    const page = await ext.context.newPage();
    const foreign = collectForeignErrors(page, /^$/);
    await page.goto(`${server.url}/stress-big-note.html`);
    const ui = new ExtensionUi(page);
    await page.locator(field.selector).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n${disclosure}`, { delay: 5 });
    await ui.waitFor('.stp-indicator', 15_000);
    expect(foreign).toEqual([]);
  });
}
