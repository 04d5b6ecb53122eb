import type { Frame, Page } from '@playwright/test';
import { expect, test, type ExtensionHarness } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';
import { FrameUi } from './frame-ui.ts';
import { storedEvents } from './stores.ts';

/**
 * Issue #4: a note editor embedded from another origin (Dynamics web resources, some LCS
 * deployments). The fixture page on 127.0.0.1 embeds its note from `localhost` on the same
 * server: two sites, so Chromium runs the frame out of process with its own content script.
 */

const disclosure = 'She told me her dad hit her with a belt last night';

/** What the toolbar button and Alt+Shift+S do: a message to the tab's top frame (frameId 0). */
async function toggleSidebarFromBackground(ext: ExtensionHarness, page: Page): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    async ({ url }) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } } }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await c.tabs.sendMessage(tab.id, { type: 'toggle-sidebar' }, { frameId: 0 });
    },
    { url: page.url() },
  );
}

async function openNoteInCrossOriginFrame(page: Page, serverUrl: string): Promise<{ frame: Frame; childUi: FrameUi; topUi: ExtensionUi }> {
  await page.goto(`${serverUrl}/crossorigin.html`);
  const note = page.frameLocator('#note-frame').locator('#case-note');
  await note.click();
  await page.keyboard.type(disclosure, { delay: 5 });
  const frame = page.frames().find((f) => f.url().includes('/crossorigin-note.html'));
  if (!frame) throw new Error('the cross-origin note frame did not load');
  expect(new URL(frame.url()).hostname).toBe('localhost');
  return { frame, childUi: new FrameUi(page, frame, '#note-frame'), topUi: new ExtensionUi(page) };
}

test('a note in a cross-origin frame: indicator there, guidance in the top frame, answers logged once under the frame\'s note', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const { frame, childUi, topUi } = await openNoteInCrossOriginFrame(page, server.url);
  const childOrigin = new URL(frame.url()).origin;

  // The indicator appears beside the note, inside its own frame; typing kept the caret there.
  await childUi.waitFor('.stp-indicator');
  await expect(page.frameLocator('#note-frame').locator('#case-note')).toBeFocused();

  // Pressing it opens the sidebar in the TOP frame with the frame's cards; none opens in the frame.
  await childUi.click('.stp-indicator');
  await topUi.waitFor('.stp-sidebar .stp-card');
  expect(await topUi.text()).toMatch(/physical|hurt|injur|harm/i);
  expect(await childUi.exists('.stp-sidebar')).toBe(false);

  // Shown events were logged by the frame, under its origin and note key.
  const worker = await ext.serviceWorker();
  await expect.poll(async () => (await storedEvents(worker)).filter((e) => e.kind === 'shown').length).toBeGreaterThan(0);
  const shown = (await storedEvents(worker)).filter((e) => e.kind === 'shown');
  const noteKey = shown[0]?.noteKey;
  expect(shown.every((e) => e.origin === childOrigin && e.noteKey === noteKey)).toBe(true);

  // A response given in the top frame is logged once, as the frame's own: its note key, system, origin.
  const ruleId = await topUi.evaluate<string>(`(root) => root.querySelector('.stp-card .stp-record-decision')?.dataset.decisionFor?.split(':')[0] ?? ''`);
  await topUi.evaluate(`(root) => root.querySelector('.stp-card .stp-response')?.scrollIntoView({ block: 'center' })`);
  await topUi.click('.stp-card .stp-response');
  await expect.poll(async () => (await storedEvents(worker)).filter((e) => e.kind === 'responded').length).toBe(1);
  await page.waitForTimeout(500); // A duplicate would arrive within this; none must.
  const responded = (await storedEvents(worker)).filter((e) => e.kind === 'responded');
  expect(responded).toHaveLength(1);
  expect(responded[0]).toMatchObject({ noteKey, origin: childOrigin, systemId: shown[0]?.systemId, ruleId });
  expect(await topUi.exists('.stp-response[aria-pressed="true"]')).toBe(true);

  // Closed, then the shortcut's message to frame 0 opens the same note's guidance again.
  await topUi.click('.stp-sidebar .stp-header-actions button:last-child');
  await expect.poll(() => topUi.exists('.stp-sidebar')).toBe(false);
  // Back in the note, the caret moved to just after "She": Alt+Shift+S from there.
  const note = page.frameLocator('#note-frame').locator('#case-note');
  await note.click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await toggleSidebarFromBackground(ext, page);
  await topUi.waitFor('.stp-sidebar .stp-card');
  expect(await topUi.text()).toMatch(/physical|hurt|injur|harm/i);

  // From the keyboard: focus went to the sidebar; Escape gives it back to the note in its frame,
  // with the caret where the worker left it.
  await expect.poll(() => topUi.evaluate<string>(`(root) => root.activeElement?.className ?? ''`)).toContain('stp-title');
  await page.keyboard.press('Escape');
  await expect.poll(() => topUi.exists('.stp-sidebar')).toBe(false);
  await expect(note).toBeFocused();
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([3, 3]);
  expect(await note.inputValue()).toBe(disclosure);
});

test('recording a decision for a cross-origin note opens the form in that frame, which writes into its own note', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const { childUi, topUi } = await openNoteInCrossOriginFrame(page, server.url);
  await childUi.waitFor('.stp-indicator');
  await toggleSidebarFromBackground(ext, page);
  await topUi.waitFor('.stp-sidebar .stp-card');

  // The record's words are typed in the note's own frame: they never cross to the top or the background.
  await topUi.evaluate(`(root) => root.querySelector('.stp-record-decision')?.scrollIntoView({ block: 'center' })`);
  await topUi.click('.stp-record-decision');
  await childUi.waitFor('.stp-decision');
  await expect.poll(() => topUi.exists('.stp-sidebar')).toBe(false);

  const press = async (selector: string) => {
    await childUi.evaluate(`(root, sel) => root.querySelector(sel)?.scrollIntoView({ block: 'center' })`, selector);
    await childUi.click(selector);
  };
  await press('#stp-decision-what');
  await page.keyboard.type('Zebracorn disclosure details');
  await press('#stp-decision-with');
  await page.keyboard.type('MASH duty desk');
  await press('#stp-decision-why');
  await page.keyboard.type('Risk of significant harm');
  await childUi.evaluate(`(root) => { const s = root.querySelector('#stp-decision-basis'); s.value = 'public-task'; s.dispatchEvent(new Event('change', { bubbles: true })); }`);
  await press('.stp-decision button[type=submit]');

  // In at the caret (the end, where typing stopped), and logged by the frame under its own note.
  const note = page.frameLocator('#note-frame').locator('#case-note');
  await expect.poll(() => note.inputValue()).toMatch(/^She told me her dad hit her with a belt last night.*Zebracorn disclosure details.*MASH duty desk/s);
  const worker = await ext.serviceWorker();
  await expect.poll(async () => (await storedEvents(worker)).filter((e) => e.kind === 'decision-recorded').length).toBe(1);
  const shownKey = (await storedEvents(worker)).find((e) => e.kind === 'shown')?.noteKey;
  expect((await storedEvents(worker)).find((e) => e.kind === 'decision-recorded')?.noteKey).toBe(shownKey);

  // Neither the note's words nor the record's crossed to the background.
  const recorded = await worker.evaluate(() => JSON.stringify((globalThis as Record<string, unknown>).__shareToProtectRecordedMessages ?? []));
  expect(recorded).toContain('frame-prompts');
  for (const words of ['belt', 'Zebracorn', 'MASH duty desk', 'significant harm']) expect(recorded).not.toContain(words);
});

test('the indicator follows a note field that scrolls inside a same-origin child frame handled from the parent', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/rio.html`);
  const frame = page.frameLocator('#main-frame');
  // Room to scroll inside the frame's own document, which the parent page never hears scroll.
  await frame.locator('body').evaluate((body) => (body.style.paddingBottom = '1500px'));
  await frame.locator('#progress-notes').click();
  await page.keyboard.type(disclosure, { delay: 5 });
  const ui = new ExtensionUi(page);
  await ui.waitFor('.stp-indicator');
  const indicatorTop = () => ui.evaluate<number>(`(root) => root.querySelector('.stp-indicator')?.getBoundingClientRect().top ?? NaN`);
  const fieldTop = () => page.locator('#main-frame').evaluate((el) => (el as HTMLIFrameElement).contentDocument?.getElementById('progress-notes')?.getBoundingClientRect().top ?? NaN);
  const before = { indicator: (await indicatorTop()) ?? NaN, field: await fieldTop() };

  await frame.locator('body').evaluate(() => window.scrollBy(0, 60));
  const moved = (await fieldTop()) - before.field;
  expect(moved).toBeLessThan(-30);
  await expect.poll(async () => ((await indicatorTop()) ?? NaN) - before.indicator).toBeCloseTo(moved, 0);
});
