/**
 * The worker's UI in the real extension, on fixture pages: the passive indicator, the sidebar
 * opened on demand, fatigue, the decision record inserted into textareas and rich editors, a
 * hostile page, and axe over the real (closed) shadow root's content.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type ExtensionHarness } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';
import { dumpExtensionStores, dumpPageStores, storedEvents } from './stores.ts';

const disclosure = 'She told me her dad hit her with a belt last night';

interface Rect {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

const uiRect = (ui: ExtensionUi, selector: string) =>
  ui.evaluate<Rect | null>(
    `(root, sel) => { const r = root.querySelector(sel)?.getBoundingClientRect(); return r ? { top: r.top, left: r.left, right: r.right, bottom: r.bottom } : null; }`,
    selector,
  );

/** What the toolbar button, the shortcut and the context menu do: a message to the tab's top frame. */
async function sendToPage(ext: ExtensionHarness, page: Page, type: 'toggle-sidebar' | 'open-sidebar'): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    async ({ url, type }) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } } }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await c.tabs.sendMessage(tab.id, { type }, { frameId: 0 });
    },
    { url: page.url(), type },
  );
}

/** Clicks like a worker: scrolls the sidebar to the element first, as they would. */
async function press(ui: ExtensionUi, selector: string): Promise<void> {
  await ui.evaluate(`(root, sel) => root.querySelector(sel)?.scrollIntoView({ block: 'center' })`, selector);
  await ui.click(selector);
}

async function typeDisclosure(page: Page, ui: ExtensionUi): Promise<void> {
  const note = page.locator('#case-note');
  await note.click();
  await page.keyboard.type(disclosure, { delay: 5 });
  await ui.waitFor('.stp-indicator');
}

test('the passive prompt sits beside the note, takes no focus, moves no caret and follows scroll and resize', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 500 }); // Short enough for the page to scroll.
  await page.goto(`${server.url}/demo.html`);
  const ui = new ExtensionUi(page);
  const note = page.locator('#case-note');
  await typeDisclosure(page, ui);
  await expect(note).toBeFocused();
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([disclosure.length, disclosure.length]);
  expect(await ui.attribute('.stp-indicator', 'aria-label')).toMatch(/safeguarding prompt/);
  // Announced politely to screen readers, without moving focus.
  await expect.poll(() => ui.evaluate<string>(`(root) => root.querySelector('[role=status][aria-live=polite]')?.textContent ?? ''`)).toMatch(/Share to Protect/);
  await expect(note).toBeFocused();

  const field = await note.boundingBox();
  const badge = await uiRect(ui, '.stp-indicator');
  if (!field || !badge) throw new Error('no field or indicator box');
  expect(badge.left).toBeGreaterThanOrEqual(field.x + field.width); // Beside, never over the text.

  const scrolled = await page.evaluate(() => {
    const before = window.scrollY;
    window.scrollBy(0, 120);
    return window.scrollY - before;
  });
  expect(scrolled).toBeGreaterThan(50);
  // It moves with the field: its bottom stays level with the field's (or the viewport's) bottom.
  const alignedWithField = async (viewportHeight: number) => {
    const [f, b] = [await note.boundingBox(), await uiRect(ui, '.stp-indicator')];
    if (!f || !b) return false;
    const gap = Math.min(f.y + f.height, viewportHeight - 4) - b.bottom;
    return gap >= 0 && gap <= 8;
  };
  await expect.poll(() => alignedWithField(500)).toBe(true);
  expect((await uiRect(ui, '.stp-indicator'))?.top).not.toBe(badge.top);

  // The worker drags the note's resize grip: the indicator keeps to its corner.
  await note.evaluate((el: HTMLTextAreaElement) => (el.style.height = '120px'));
  await expect.poll(() => alignedWithField(500)).toBe(true);

  await page.setViewportSize({ width: 900, height: 500 });
  await expect
    .poll(async () => {
      const [f, b] = [await note.boundingBox(), await uiRect(ui, '.stp-indicator')];
      return f && b ? b.right <= 900 && Math.abs(b.bottom - (f.y + f.height)) < 40 : false;
    })
    .toBe(true);
  await expect(note).toBeFocused();
});

test('the sidebar opens on demand, critical first; responses, snoozes and sources are logged; Escape returns to the note', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  const ui = new ExtensionUi(page);
  const note = page.locator('#case-note');
  const pageButtonStyle = () => page.locator('#save').evaluate((el) => JSON.stringify(getComputedStyle(el)));
  const before = await pageButtonStyle();
  await typeDisclosure(page, ui);

  // From the indicator, by mouse: the sidebar opens and the caret stays in the note.
  await ui.click('.stp-indicator');
  await ui.waitFor('.stp-sidebar .stp-card');
  await expect(note).toBeFocused();
  const severities = (await ui.evaluate<string[]>(`(root) => [...root.querySelectorAll('.stp-card')].map((c) => c.className)`)) ?? [];
  const rank = (c: string) => (c.includes('critical') ? 2 : c.includes('warning') ? 1 : 0);
  expect(severities.map(rank)).toEqual([...severities.map(rank)].sort((a, b) => b - a));
  expect(await pageButtonStyle()).toBe(before); // No style leaks into the page.

  // A coded response and a snooze, each logged by rule id.
  await press(ui, '.stp-card .stp-response');
  await press(ui, '.stp-card .stp-snooze');
  const worker = await ext.serviceWorker();
  await expect.poll(async () => (await storedEvents(worker)).map((e) => e.kind)).toEqual(expect.arrayContaining(['shown', 'responded', 'snoozed']));
  const responded = (await storedEvents(worker)).find((e) => e.kind === 'responded');
  expect(responded?.response).toMatch(/^[a-z-]+$/);

  // The context menu item on editable fields exists (updating a missing id fails).
  await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome;
    await c.contextMenus.update('share-to-protect-open', {});
  });

  // By the shortcut / toolbar button: toggles, and moves focus into the sidebar for the keyboard.
  await sendToPage(ext, page, 'toggle-sidebar');
  await expect.poll(() => ui.exists('.stp-sidebar')).toBe(false);
  await sendToPage(ext, page, 'toggle-sidebar');
  await ui.waitFor('.stp-sidebar');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('share-to-protect');
  await page.keyboard.press('Escape');
  await expect.poll(() => ui.exists('.stp-sidebar')).toBe(false);
  await expect(note).toBeFocused();
  expect(await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(disclosure.length);
});

test('a rule prompts once per note; a cleared note starts fresh', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  const ui = new ExtensionUi(page);
  await typeDisclosure(page, ui);
  const worker = await ext.serviceWorker();
  const shown = async () => (await storedEvents(worker)).filter((e) => e.kind === 'shown');
  await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
  const first = await shown();
  await page.keyboard.type('. Later she said it again: her dad hit her with a belt.', { delay: 2 });
  await page.waitForTimeout(800);
  expect((await shown()).length).toBe(first.length);

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.waitForTimeout(500);
  await page.keyboard.type(disclosure, { delay: 2 });
  await expect.poll(async () => (await shown()).length).toBe(first.length * 2);
  const keys = new Set((await shown()).map((e) => e.noteKey));
  expect(keys.size).toBe(2);
});

test('the decision record goes in at the caret of a textarea, is saved with the note, undoes, and is logged without its words', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  const ui = new ExtensionUi(page);
  const note = page.locator('#case-note');
  await note.click();
  await page.keyboard.type(`Home visit. ${disclosure}`, { delay: 3 });
  await ui.waitFor('.stp-indicator');
  // Caret after "Home visit. ", where the worker wants the record.
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Home visit. '.length; i++) await page.keyboard.press('ArrowRight');

  await ui.click('.stp-indicator');
  await ui.waitFor('.stp-record-decision');
  await press(ui, '.stp-record-decision');
  await ui.waitFor('#stp-decision-what');
  await press(ui, '#stp-decision-what');
  await page.keyboard.type('Zebracorn disclosure details');
  await press(ui, '#stp-decision-with');
  await page.keyboard.type('MASH duty desk');
  await press(ui, '#stp-decision-why');
  await page.keyboard.type('Risk of significant harm');
  await ui.evaluate(`(root) => { const s = root.querySelector('#stp-decision-basis'); s.value = 'public-task'; s.dispatchEvent(new Event('change', { bubbles: true })); }`);
  await press(ui, '.stp-decision button[type=submit]');

  await expect.poll(() => note.inputValue()).toMatch(/^Home visit\. Information-sharing decision \(\d{4}-\d{2}-\d{2}\): I shared information\. What: Zebracorn disclosure details\. With: MASH duty desk\. Why: Risk of significant harm\. Lawful basis: UK GDPR Article 6\(1\)\(e\): public task\.She told me/);
  await expect(note).toBeFocused();
  await page.locator('#save').click();
  expect((await page.evaluate(() => (window as unknown as { fixture: { saved(): string[] } }).fixture.saved()))[0]).toContain('Zebracorn disclosure details');

  await note.focus();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => note.inputValue()).toBe(`Home visit. ${disclosure}`);

  const worker = await ext.serviceWorker();
  await expect.poll(async () => (await storedEvents(worker)).some((e) => e.kind === 'decision-recorded')).toBe(true);
  for (const words of ['Zebracorn', 'MASH duty desk', 'Risk of significant harm', 'belt']) {
    expect(await dumpExtensionStores(worker)).not.toContain(words);
    expect(await dumpPageStores(page)).not.toContain(words);
  }
});

interface RichEditor {
  name: string;
  path: string;
  open?: (page: Page) => Promise<void>;
  focus: (page: Page) => Promise<void>;
  save: (page: Page) => Promise<void>;
  /** Whether the editor on the page has an undo stack. */
  undo?: boolean;
}

const richEditors: RichEditor[] = [
  {
    name: 'CKEditor 5 (Mosaic)',
    path: '/mosaic.html',
    open: (p) => p.getByRole('button', { name: 'Add case note' }).click(),
    // CKEditor 5 re-renders its editable's attributes, so data-fixture does not last.
    focus: (p) => p.locator('.ck-editor__editable').click(),
    save: (p) => p.locator('#save').click(),
  },
  {
    name: 'Lexical (Arbor)',
    path: '/arbor.html',
    focus: (p) => p.locator('#concern-details').click(),
    save: (p) => p.locator('#save').click(),
    // The Arbor fixture registers no @lexical/history, so that editor has no undo to test.
    undo: false,
  },
  {
    name: 'TipTap (Arbor)',
    path: '/arbor.html',
    open: (p) => p.getByRole('tab', { name: 'Follow-up' }).click(),
    focus: (p) => p.locator('#follow-up .ProseMirror').click(),
    save: (p) => p.locator('#save-follow-up').click(),
  },
  { name: 'Quill in a shadow root (Salesforce)', path: '/salesforce.html', focus: (p) => p.locator('c-interaction-meeting-notes .ql-editor').click(), save: (p) => p.locator('#save').click() },
  {
    name: 'CKEditor 4 in an iframe (LCS)',
    path: '/lcs.html',
    focus: (p) => p.frameLocator('iframe.cke_wysiwyg_frame').locator('body.cke_editable').click(),
    save: (p) => p.locator('#save').click(),
  },
  {
    name: 'TinyMCE in an iframe (Charitylog)',
    path: '/charitylog.html',
    focus: (p) => p.frameLocator('iframe.tox-edit-area__iframe').locator('body#tinymce').click(),
    save: (p) => p.locator('#save').click(),
  },
];

const fixtureNotes = (page: Page) => page.evaluate(() => (window as unknown as { fixture: { notes(): string[] } }).fixture.notes().join('\n'));
const fixtureSaved = (page: Page) => page.evaluate(() => (window as unknown as { fixture: { saved(): string[] } }).fixture.saved().join('\n'));

for (const editor of richEditors) {
  test(`the decision record goes into ${editor.name} through the editor's own model, and undoes`, async ({ ext, server }) => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}${editor.path}`);
    await editor.open?.(page);
    await editor.focus(page);
    await page.keyboard.type(disclosure, { delay: 5 });
    const ui = new ExtensionUi(page);
    await ui.waitFor('.stp-indicator', 15_000);
    await sendToPage(ext, page, 'open-sidebar');
    await ui.waitFor('.stp-record-decision');
    await press(ui, '.stp-record-decision');
    await ui.waitFor('.stp-decision');
    await ui.evaluate(`(root) => root.querySelector('input[value="not-sharing"]').click()`);
    await ui.waitFor('#stp-decision-why');
    await press(ui, '#stp-decision-why');
    await page.keyboard.type('Quokka reasons recorded');
    await press(ui, '.stp-decision button[type=submit]');

    await expect.poll(() => fixtureNotes(page)).toContain('Why not shared: Quokka reasons recorded.');
    expect(await fixtureNotes(page)).toContain('belt last night');
    await editor.save(page);
    await expect.poll(() => fixtureSaved(page)).toContain('Quokka reasons recorded');
    if (editor.undo === false) return;
    // Save took focus; undo is the editor's. Close the sidebar first: on a narrow panel it sits over the editor.
    await sendToPage(ext, page, 'toggle-sidebar');
    await expect.poll(() => ui.exists('.stp-sidebar')).toBe(false);
    await editor.focus(page);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => fixtureNotes(page)).not.toContain('Quokka');
    expect(await fixtureNotes(page)).toContain('belt last night');
  });
}

test('a hostile page (* { all: unset }, a layer at z-index 2^31−1) cannot hide, restyle or cover the UI', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/ui-hostile.html`);
  const ui = new ExtensionUi(page);
  await page.locator('#case-note').focus(); // The overlay takes the mouse: focus as a keyboard user would.
  await page.keyboard.type(disclosure, { delay: 5 });
  await ui.waitFor('.stp-indicator');
  const badge = await uiRect(ui, '.stp-indicator');
  if (!badge) throw new Error('no indicator');
  expect(badge.right - badge.left).toBeGreaterThan(30);
  const x = (badge.left + badge.right) / 2;
  const y = (badge.top + badge.bottom) / 2;
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px as number, py as number)?.tagName.toLowerCase(), [x, y])).toBe('share-to-protect');
  const look = await ui.evaluate<{ background: string; font: string }>(
    `(root) => { const s = getComputedStyle(root.querySelector('.stp-indicator')); return { background: s.backgroundColor, font: s.fontFamily }; }`,
  );
  expect(look?.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(look?.font).not.toMatch(/^serif$/);
  await ui.click('.stp-indicator'); // The real mouse reaches it through the page's top layer.
  await ui.waitFor('.stp-sidebar .stp-card');
  await expect(page.locator('#case-note')).toBeFocused();
});

test('axe finds no violations in the real extension UI (its closed shadow root, serialised) nor on the options page', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  const ui = new ExtensionUi(page);
  await typeDisclosure(page, ui);
  const indicatorHtml = await ui.evaluate<string>('(root) => root.innerHTML');
  await ui.click('.stp-indicator');
  await ui.waitFor('.stp-sidebar .stp-card');
  const sidebarHtml = await ui.evaluate<string>('(root) => root.innerHTML');

  // axe cannot enter a closed root, so the same markup and styles go into an open one.
  const audit = await ext.context.newPage();
  for (const [what, html] of [['indicator', indicatorHtml], ['sidebar', sidebarHtml]] as const) {
    await audit.goto(`${server.url}/empty.html`);
    await audit.evaluate((markup) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      host.id = 'ui-host';
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = markup ?? '';
    }, html);
    const results = await new AxeBuilder({ page: audit }).include('#ui-host').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
  }

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), 'options page').toEqual([]);
});
