/**
 * Detection on every fixture case system, on the built extension: a risk sentence typed into each
 * note field raises a prompt (logged under the system's adapter id), and the same sentence typed
 * into every negative control raises nothing and logs nothing.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';
import { storedEvents } from './stores.ts';

const disclosure = 'She told me her dad hit her with a belt last night. ';

interface NoteField {
  readonly name: string;
  readonly open?: (page: Page) => Promise<void>;
  readonly focus: (page: Page) => Promise<void>;
}

interface SystemPage {
  readonly path: string;
  readonly systemId: string;
  readonly fields: readonly NoteField[];
}

const systemPages: readonly SystemPage[] = [
  {
    path: '/mosaic.html',
    systemId: 'mosaic',
    fields: [
      {
        name: 'CKEditor 5 created after a route change',
        open: (p) => p.getByRole('button', { name: 'Add case note' }).click(),
        focus: (p) => p.locator('.ck-editor__editable[data-fixture=note]').click(),
      },
    ],
  },
  {
    path: '/lcs.html',
    systemId: 'lcs',
    fields: [{ name: 'CKEditor 4 (document.write iframe)', focus: (p) => p.frameLocator('iframe.cke_wysiwyg_frame').locator('body.cke_editable').click() }],
  },
  {
    path: '/charitylog.html',
    systemId: 'charitylog',
    fields: [{ name: 'TinyMCE 6 (srcdoc iframe)', focus: (p) => p.frameLocator('iframe.tox-edit-area__iframe').locator('body#tinymce').click() }],
  },
  {
    path: '/capita.html',
    systemId: 'capita-one',
    fields: [{ name: 'designMode iframe', focus: (p) => p.frameLocator('#ctl00_MainContent_reCaseNoteDetail_contentIframe').locator('body').click() }],
  },
  {
    path: '/dynamics.html',
    systemId: 'dynamics-365',
    fields: [
      {
        name: 'CKEditor 4 two frames down',
        focus: (p) =>
          p.frameLocator('#WebResource_notescontrol').frameLocator('iframe.cke_wysiwyg_frame').locator('body.cke_editable').click(),
      },
      { name: 'timeline role=textbox', focus: (p) => p.locator('#timeline-note').click() },
    ],
  },
  {
    path: '/salesforce.html',
    systemId: 'salesforce',
    fields: [
      { name: 'Quill in an open shadow root', focus: (p) => p.locator('c-interaction-meeting-notes .ql-editor').click() },
      {
        name: 'Quill in a closed shadow root',
        focus: async (p) => {
          const box = await p.locator('c-interaction-next-steps').boundingBox();
          if (!box) throw new Error('Next Steps component is not rendered');
          await p.mouse.click(box.x + box.width / 2, box.y + box.height - 30);
        },
      },
    ],
  },
  {
    path: '/cpoms.html',
    systemId: 'cpoms',
    fields: [
      { name: 'Incident textarea', focus: (p) => p.locator('#incident').click() },
      {
        name: 'modal textarea added late',
        open: (p) => p.getByRole('button', { name: 'Quick incident…' }).click(),
        focus: (p) => p.locator('#quick-incident').click({ timeout: 5000 }),
      },
    ],
  },
  {
    path: '/arbor.html',
    systemId: 'arbor',
    fields: [
      { name: 'Lexical rich text', focus: (p) => p.locator('#concern-details').click() },
      { name: 'Lexical plain text', focus: (p) => p.locator('#action-taken').click() },
      {
        name: 'TipTap on a tab shown later',
        open: (p) => p.getByRole('tab', { name: 'Follow-up' }).click(),
        focus: (p) => p.locator('#follow-up .ProseMirror').click(),
      },
    ],
  },
  {
    path: '/rio.html',
    systemId: 'rio',
    fields: [{ name: 'textarea in a same-origin iframe', focus: (p) => p.frameLocator('#main-frame').locator('#progress-notes').click() }],
  },
];

/** Types the disclosure into every negative control the page has, as a worker might. */
async function typeIntoNegatives(page: Page): Promise<number> {
  const controls = page.locator('[data-fixture=negative]:is(input:not([type=hidden]), textarea, [contenteditable])');
  const count = await controls.count();
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    if (!(await control.isVisible())) continue;
    await control.click();
    await page.keyboard.type(disclosure, { delay: 1 });
  }
  return count;
}

const shownNotes = async (page: Page, ext: { serviceWorker: () => Promise<import('@playwright/test').Worker> }) =>
  (await storedEvents(await ext.serviceWorker())).filter((event) => event.kind === 'shown');

for (const system of systemPages) {
  test(`${system.path}: every note field raises a prompt, no negative control does`, async ({ ext, server }) => {
    const page = await ext.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url + system.path);
    await page.waitForFunction(() => 'fixture' in window);
    const ui = new ExtensionUi(page);

    // Negatives first, while nothing has prompted: nothing may appear. (The log is read only at
    // the end: opening the log database from a test before the background has would create it.)
    expect(await typeIntoNegatives(page)).toBeGreaterThan(0);
    await page.waitForTimeout(700);
    expect(await ui.exists('.stp-indicator')).toBe(false);

    for (const [index, field] of system.fields.entries()) {
      await field.open?.(page);
      await expect(async () => field.focus(page)).toPass({ timeout: 10_000 });
      // The previous field's prompt goes when the worker moves to an empty field.
      if (index > 0) await expect.poll(() => ui.exists('.stp-indicator'), { message: `${field.name}: empty` }).toBe(false);
      await page.keyboard.type(disclosure, { delay: 2 });
      await ui.waitFor('.stp-indicator');
    }
    // One note key per field: each prompt came from its own field, and none from a negative control.
    await expect
      .poll(async () => new Set((await shownNotes(page, ext)).map((event) => event.noteKey)).size)
      .toBe(system.fields.length);
    const events = await shownNotes(page, ext);
    expect(new Set(events.map((event) => event.systemId))).toEqual(new Set([system.systemId]));
    expect(events.map((event) => event.concern)).toContain('physical-abuse');
    expect(pageErrors).toEqual([]);
  });
}

test('demo.html: a page of no known system is logged as generic', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/demo.html`);
  await page.locator('#case-note').click();
  await page.keyboard.type(disclosure, { delay: 2 });
  await new ExtensionUi(page).waitFor('.stp-indicator');
  await expect.poll(async () => (await shownNotes(page, ext)).map((event) => event.systemId)).toContain('generic');
});
