/**
 * Sanity test of the fixture pages themselves (no extension loaded): each note field accepts typing,
 * the page's own editor model sees the text through window.fixture.notes(), the page's Save button
 * stores it, every system page carries its negative controls, and nothing logs a console error.
 */
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts';

interface FixtureHook {
  notes(): string[];
  saved(): string[];
}

/** How to reach one case-note field on a fixture page, as a worker would: by mouse and keyboard. */
interface NoteField {
  readonly name: string;
  /** Brings the field on screen (opens a panel, a tab or a modal). */
  readonly open?: (page: Page) => Promise<void>;
  /** Puts the caret in the field. */
  readonly focus: (page: Page) => Promise<void>;
  readonly save: (page: Page) => Promise<void>;
}

interface FixturePage {
  readonly path: string;
  readonly fields: readonly NoteField[];
  /** System pages carry the full set of negative controls; demo.html only a search box. */
  readonly negatives: 'full' | 'search-only' | 'search-and-login';
}

const clickSave = (selector: string) => (page: Page) => page.locator(selector).click();

const fixturePages: readonly FixturePage[] = [
  {
    path: '/demo.html',
    negatives: 'search-only',
    fields: [{ name: 'case note', focus: (p) => p.getByLabel('Case note', { exact: true }).click(), save: clickSave('#save') }],
  },
  {
    path: '/mosaic.html',
    negatives: 'full',
    fields: [
      {
        name: 'CKEditor 5 in slide-in panel',
        open: async (p) => {
          await p.getByRole('button', { name: 'Add case note' }).click();
          await expect(p).toHaveURL(/\?view=add-case-note$/);
        },
        focus: (p) => p.locator('.ck-editor__editable[data-fixture=note]').click(),
        save: clickSave('#save'),
      },
    ],
  },
  {
    path: '/lcs.html',
    negatives: 'full',
    fields: [
      {
        name: 'CKEditor 4 classic',
        focus: (p) => p.frameLocator('iframe.cke_wysiwyg_frame').locator('body.cke_editable').click(),
        save: clickSave('#save'),
      },
    ],
  },
  {
    path: '/charitylog.html',
    negatives: 'full',
    fields: [
      {
        name: 'TinyMCE 6 classic',
        focus: (p) => p.frameLocator('iframe.tox-edit-area__iframe').locator('body#tinymce').click(),
        save: clickSave('#save'),
      },
    ],
  },
  {
    path: '/capita.html',
    negatives: 'full',
    fields: [
      {
        name: 'designMode iframe',
        focus: (p) => p.frameLocator('#ctl00_MainContent_reCaseNoteDetail_contentIframe').locator('body').click(),
        save: clickSave('#ctl00_MainContent_btnSave'),
      },
    ],
  },
  {
    path: '/dynamics.html',
    negatives: 'full',
    fields: [
      {
        name: 'classic CKEditor two frames down',
        focus: (p) =>
          p.frameLocator('#WebResource_notescontrol').frameLocator('iframe.cke_wysiwyg_frame').locator('body.cke_editable').click(),
        save: (p) => p.frameLocator('#WebResource_notescontrol').getByRole('button', { name: 'Add note' }).click(),
      },
      {
        name: 'timeline role=textbox',
        focus: (p) => p.locator('#timeline-note').click(),
        save: clickSave('#timeline-add-note'),
      },
    ],
  },
  {
    path: '/salesforce.html',
    negatives: 'full',
    fields: [
      {
        name: 'Quill in open shadow root',
        focus: (p) => p.locator('c-interaction-meeting-notes .ql-editor').click(),
        save: clickSave('#save'),
      },
      {
        name: 'Quill in closed shadow root',
        // Selectors cannot enter a closed root: click where its editor is drawn, as a person would.
        focus: async (p) => {
          const box = await p.locator('c-interaction-next-steps').boundingBox();
          if (!box) throw new Error('Next Steps component is not rendered');
          await p.mouse.click(box.x + box.width / 2, box.y + box.height - 30);
        },
        save: clickSave('#save'),
      },
    ],
  },
  {
    path: '/cpoms.html',
    negatives: 'full',
    fields: [
      { name: 'Incident textarea', focus: (p) => p.locator('#incident').click(), save: clickSave('#submit') },
      {
        name: 'late modal textarea',
        open: (p) => p.getByRole('button', { name: 'Quick incident…' }).click(),
        focus: (p) => p.locator('#quick-incident').click({ timeout: 5000 }),
        save: clickSave('#quick-submit'),
      },
    ],
  },
  {
    path: '/arbor.html',
    negatives: 'full',
    fields: [
      { name: 'Lexical rich text', focus: (p) => p.locator('#concern-details').click(), save: clickSave('#save') },
      { name: 'Lexical plain text', focus: (p) => p.locator('#action-taken').click(), save: clickSave('#save') },
      {
        name: 'TipTap on second tab',
        open: (p) => p.getByRole('tab', { name: 'Follow-up' }).click(),
        focus: (p) => p.locator('#follow-up .ProseMirror').click(),
        save: clickSave('#save-follow-up'),
      },
    ],
  },
  {
    path: '/rio.html',
    negatives: 'full',
    fields: [
      {
        name: 'textarea in iframe',
        focus: (p) => p.frameLocator('#main-frame').locator('#progress-notes').click(),
        save: (p) => p.frameLocator('#main-frame').locator('#save').click(),
      },
    ],
  },
  { path: '/empty.html', negatives: 'search-and-login', fields: [] },
];

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};

let server: FixtureServer;
let browser: Browser;

test.beforeAll(async () => {
  server = await startFixtureServer();
  browser = await chromium.launch(launchOptions);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const readNotes = (page: Page) => page.evaluate(() => (window as unknown as { fixture: FixtureHook }).fixture.notes());
const readSaved = (page: Page) => page.evaluate(() => (window as unknown as { fixture: FixtureHook }).fixture.saved());

/** Opens a page and collects console errors and uncaught exceptions for the test to assert on. */
async function openFixture(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(server.url + path);
  await page.waitForFunction(() => 'fixture' in window);
  return { page, errors };
}

for (const fixturePage of fixturePages) {
  test(`${fixturePage.path}: note fields reach the editor's model`, async () => {
    const { page, errors } = await openFixture(fixturePage.path);
    await expect(page.locator('h1')).toBeVisible();
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');

    for (const field of fixturePage.fields) {
      const typed = `Seen at home with ${field.name}, no injuries noted`;
      await field.open?.(page);
      // Editors build their DOM asynchronously; retry focusing until they are ready.
      await expect(async () => field.focus(page)).toPass({ timeout: 10_000 });
      await page.keyboard.type(typed);
      await expect.poll(() => readNotes(page), { message: field.name }).toContainEqual(expect.stringContaining(typed));
      await field.save(page);
      await expect.poll(() => readSaved(page), { message: `${field.name} saved` }).toContainEqual(expect.stringContaining(typed));
    }

    const negatives = page.locator('[data-fixture=negative]');
    await expect(page.locator('[role=search] input[type=search][data-fixture=negative]')).toHaveCount(1);
    if (fixturePage.negatives !== 'search-only') {
      await expect(page.locator('input[type=password][data-fixture=negative]')).toHaveCount(1);
    }
    if (fixturePage.negatives === 'full') {
      await expect(page.locator(':is([role=dialog], .chat) :is(textarea, [contenteditable=true])[data-fixture=negative]')).toHaveCount(2);
      await expect(page.locator('textarea[readonly][data-fixture=negative]')).toHaveCount(1);
      await expect(page.locator('[contenteditable=false][data-fixture=negative]')).toHaveCount(1);
      expect(await page.locator('input[type=hidden][data-fixture=negative]').count()).toBeGreaterThan(0);
    }
    expect(await negatives.count()).toBeGreaterThan(0);
    // No editor may adopt a negative control (CKEditor 4 auto-inlines any contenteditable=true).
    await expect(page.locator('[data-fixture=negative]:is(.cke_editable, .ql-editor, .ProseMirror, [data-lexical-editor])')).toHaveCount(0);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('mosaic.html: the editor is destroyed on close and re-created on reopen, without a reload', async () => {
  const { page, errors } = await openFixture('/mosaic.html');
  await page.evaluate(() => Object.assign(window, { loadMarker: 'same document' }));
  const editable = page.locator('.ck-editor__editable[data-fixture=note]');
  await page.getByRole('button', { name: 'Add case note' }).click();
  await editable.click();
  await page.keyboard.type('first draft');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(editable).toHaveCount(0);
  await expect(page).not.toHaveURL(/view=/);
  await page.getByRole('button', { name: 'Add case note' }).click();
  await editable.click();
  await page.keyboard.type('second visit');
  await expect.poll(() => readNotes(page)).toEqual([expect.stringContaining('second visit')]);
  expect(await readNotes(page)).not.toContainEqual(expect.stringContaining('first draft'));
  await page.goBack();
  await expect(editable).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { loadMarker?: string }).loadMarker)).toBe('same document');
  expect(errors).toEqual([]);
  await page.close();
});
