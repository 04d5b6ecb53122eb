/**
 * The worker's UI on its own: the same Preact components and CSS the extension renders, mounted
 * in an open shadow root of a plain page so axe-core can audit them (it cannot see into the
 * extension's closed root; ui-extension.spec.ts audits the real one). No extension is loaded.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-browser.ts';
import { mountUi, sampleContacts, samplePrompts } from './ui-components.ts';

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
});
test.afterAll(async () => browser.close());

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** axe-core over the UI only (the plain test page around it is not ours). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#ui-host').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const ui = (page: Page) => page.locator('#ui-host');

test('axe finds no violations in the indicator, the sidebar, its cards and the decision form, in English and Welsh', async () => {
  for (const locale of ['en', 'cy'] as const) {
    const page = await newPage();
    await mountUi(page, { locale, prompts: samplePrompts(), contacts: sampleContacts, sidebarOpen: false, indicator: { top: 200, left: 600, docked: false } });
    await expect(ui(page).locator('.stp-indicator')).toBeVisible();
    expect(await axeViolations(page), `indicator (${locale})`).toEqual([]);

    await ui(page).locator('.stp-indicator').click();
    await expect(ui(page).locator('.stp-sidebar')).toBeVisible();
    for (const toggle of await ui(page).locator('.stp-card button[aria-expanded]').all()) await toggle.click();
    expect(await axeViolations(page), `sidebar (${locale})`).toEqual([]);

    await ui(page).locator('.stp-record-decision').first().click();
    await ui(page).locator('button[type=submit]').click(); // Empty: shows every error.
    await expect(ui(page).locator('.stp-error').first()).toBeVisible();
    expect(await axeViolations(page), `decision form with errors (${locale})`).toEqual([]);

    await page.emulateMedia({ forcedColors: 'active' });
    expect(await axeViolations(page), `decision form, forced colours (${locale})`).toEqual([]);
    await page.context().close();
  }
});

test('pack text is shown as text: HTML and script stay inert, a 5,000-character card wraps inside the sidebar', async () => {
  const page = await newPage();
  await mountUi(page, { locale: 'en', prompts: samplePrompts(), contacts: sampleContacts, sidebarOpen: true });
  const critical = ui(page).locator('.stp-card.stp-critical');
  await expect(critical.locator('h3')).toHaveText(/^<img src=x onerror="window.pwned=1">A child disclosed/);
  await critical.getByRole('button', { name: 'Why this matters' }).click();
  await expect(critical.locator('.stp-detail')).toContainText('<script>window.pwned=1</script>Sharing information');
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(await ui(page).locator('img, script').count()).toBe(0);
  // Following a cited source is logged (by rule id only).
  const popup = page.context().waitForEvent('page');
  await critical.locator('.stp-sources a').first().click();
  await (await popup).close();
  expect(await page.evaluate(() => window.uiCalls)).toContain('source:physical-abuse-disclosure');
  // Readable: nothing wider than the sidebar, so no sideways scrolling.
  const overflow = await ui(page).locator('.stp-body').evaluate((body) => body.scrollWidth - body.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('cards come critical first; Welsh text from the pack is used, and English where the pack has none', async () => {
  const page = await newPage();
  await mountUi(page, { locale: 'cy', prompts: samplePrompts(), contacts: sampleContacts, sidebarOpen: true });
  const summaries = await ui(page).locator('.stp-card h3').allTextContents();
  expect(summaries[0]).toBe('Datgelodd plentyn ei fod wedi cael ei frifo: rhannwch heddiw');
  expect(summaries[1]).toBe('You do not need consent to share when a child is at risk.');
  expect(await ui(page).locator('.stp-card .stp-severity').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/\S/)]),
  );
  await expect(ui(page).locator('.stp-root')).toHaveAttribute('lang', 'cy');
  await expect(ui(page).locator('.stp-card').first()).toContainText('Demo MASH duty desk');
});

test('keyboard alone: open from the indicator, respond, record a decision, close; focus always visible', async () => {
  const page = await newPage();
  await mountUi(page, { locale: 'en', prompts: samplePrompts(), contacts: sampleContacts, sidebarOpen: false, indicator: { top: 200, left: 600, docked: false } });
  await page.keyboard.press('Tab');
  await expect(ui(page).locator('.stp-indicator')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui(page).locator('.stp-sidebar')).toBeVisible();
  await expect(ui(page).locator('.stp-title')).toBeFocused(); // Not lost with the indicator.

  const focusedOutline = () =>
    page.evaluate(() => {
      const active = document.getElementById('ui-host')?.shadowRoot?.activeElement;
      return active ? getComputedStyle(active).outlineStyle : 'no focus';
    });
  // Tab to the first coded response, checking every stop shows its focus.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await focusedOutline()).not.toBe('none');
    if (await ui(page).locator('.stp-response:focus').count()) break;
  }
  await expect(ui(page).locator('.stp-response:focus')).toHaveText('Shared');
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.uiCalls)).toContain('respond:physical-abuse-disclosure:shared');

  await ui(page).locator('.stp-record-decision').first().focus();
  await page.keyboard.press('Enter');
  await expect(ui(page).locator('#stp-decision-heading')).toBeFocused();
  // The checked radio, then the date (pre-filled; Chromium gives each of its parts a Tab stop).
  for (let i = 0; i < 6 && !(await ui(page).locator('#stp-decision-what:focus').count()); i++) await page.keyboard.press('Tab');
  await expect(ui(page).locator('#stp-decision-what')).toBeFocused();
  await page.keyboard.type('The disclosure and the bruise seen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('MASH duty social worker');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Risk of significant harm');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await ui(page).locator('button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.uiCalls.find((c) => c.startsWith('insert:')))).toBe(
    'insert:physical-abuse-disclosure:Information-sharing decision (2026-11-26): I shared information. What: The disclosure and the bruise seen. ' +
      'With: MASH duty social worker. Why: Risk of significant harm. Lawful basis: UK GDPR Article 6(1)(e): public task.',
  );
  // Back on the cards (in the extension, focus is back in the note after an insertion).
  await expect(ui(page).locator('.stp-record-decision').first()).toBeVisible();
  await ui(page).locator('.stp-record-decision').first().focus();
  await page.keyboard.press('Escape');
  await expect(ui(page).locator('.stp-sidebar')).toHaveCount(0);
});

test('when the note cannot take the record, the worker gets the text to copy', async () => {
  const page = await newPage();
  await mountUi(page, { locale: 'en', prompts: samplePrompts(), contacts: [], sidebarOpen: true, insertOutcome: 'field-gone' });
  await ui(page).locator('.stp-record-decision').first().click();
  await ui(page).getByLabel('I decided not to share').check();
  await ui(page).getByLabel('Why you decided not to share').fill('Already known to MASH');
  await ui(page).getByRole('button', { name: 'Insert into note' }).click();
  await expect(ui(page).getByRole('alert')).toContainText('no longer on the page');
  await expect(ui(page).locator('#stp-decision-copy')).toHaveValue(/I decided not to share\. Why not shared: Already known to MASH\./);
});

test('200% zoom, reduced motion: the sidebar fits, wraps and does not animate', async () => {
  // 200% zoom of a 1280×800 window is a 640×400 CSS viewport.
  const page = await newPage({ width: 640, height: 400 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await mountUi(page, { locale: 'en', prompts: samplePrompts(), contacts: sampleContacts, sidebarOpen: true });
  const sidebar = ui(page).locator('.stp-sidebar');
  const box = await sidebar.boundingBox();
  expect(box && box.width).toBeLessThanOrEqual(640 * 0.6 + 1);
  expect(await sidebar.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  expect(await ui(page).locator('.stp-body').evaluate((body) => body.scrollWidth - body.clientWidth)).toBeLessThanOrEqual(0);
  // Collapsing leaves the page usable; expanding brings the cards back.
  await ui(page).getByRole('button', { name: 'Collapse' }).click();
  await expect(ui(page).locator('.stp-card')).toHaveCount(0);
  await ui(page).getByRole('button', { name: 'Expand' }).click();
  await expect(ui(page).locator('.stp-card')).toHaveCount(3);
});
