/**
 * Issue #8.2: a hostile page (test/fixtures/pages/hostile.html) redefines built-ins, floods
 * postMessage with look-alike protocol messages, dispatches synthetic events and tries to read and
 * click the extension's UI. The extension must keep working, raise the same prompts it raises on
 * an honest page, and trust nothing the page sends.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';
import { storedEvents } from './stores.ts';
import { sendToTab } from './privacy-evidence.ts';

const disclosure = 'She told me her dad hit her with a belt last night.';

interface HostileReport {
  listenersSeen: string[];
  rootsCaptured: number;
  shadowRootSeen: boolean;
  textSeen: string[];
  messagesPosted: number;
  eventsDispatched: number;
  clicksTried: number;
  builtInsBroken: string[];
}

/** Read from an attribute: the page's broken built-ins also break evaluating script in its world. */
const hostileReport = async (page: Page): Promise<HostileReport> =>
  JSON.parse((await page.locator('html').getAttribute('data-hostile-report')) ?? '{}') as HostileReport;

/** Through the DevTools protocol, whose serialisation the page's broken JSON cannot touch. */
async function caretOf(page: Page, id: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.getElementById(${JSON.stringify(id)}).selectionStart`,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

async function typeNote(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay: 3 });
}

test('on a hostile page the extension still prompts exactly as on an honest one, and trusts nothing the page sends', async ({ ext, server }) => {
  test.setTimeout(120_000);
  const worker = await ext.serviceWorker();
  const events = () => storedEvents(worker);
  const consoleProblems: string[] = [];

  // The honest baseline: which rules this disclosure raises on the demo page.
  const honest = await ext.context.newPage();
  await honest.goto(`${server.url}/demo.html`);
  await typeNote(honest, '#case-note', disclosure);
  await new ExtensionUi(honest).waitFor('.stp-indicator');
  await expect.poll(async () => (await events()).filter((e) => e.kind === 'shown').length).toBeGreaterThan(0);
  await honest.waitForTimeout(500);
  const honestRules = (await events()).filter((e) => e.kind === 'shown').map((e) => String(e.ruleId)).sort();
  await honest.close();

  const page = await ext.context.newPage();
  page.on('console', (message) => {
    if (/Share to Protect/.test(message.text()) && message.type() !== 'log') consoleProblems.push(message.text());
  });
  await page.goto(`${server.url}/hostile.html?quiet-fields`);
  const ui = new ExtensionUi(page);

  // A second of storm with no note typed: fake "open the sidebar" and fake state do nothing, and
  // synthetic input claiming a disclosure in an empty field raises nothing.
  await page.waitForTimeout(1_500);
  const before = await hostileReport(page);
  expect(before.messagesPosted).toBeGreaterThan(100);
  expect(before.eventsDispatched).toBeGreaterThan(30);
  expect(await ui.exists('.stp-sidebar')).toBe(false);
  expect(await ui.exists('.stp-indicator')).toBe(false);
  expect((await events()).filter((e) => e.origin === server.url && e.kind !== 'shown')).toEqual([]);
  const earlier = new Set((await events()).map((e) => e.id));
  const since = async () => (await events()).filter((e) => !earlier.has(e.id));

  // The worker types for real: the prompt comes, the note is exactly what was typed, the caret stays.
  await typeNote(page, '#case-note', disclosure);
  await ui.waitFor('.stp-indicator');
  await expect(page.locator('#case-note')).toBeFocused();
  expect(await page.locator('#case-note').inputValue()).toBe(disclosure);
  expect(await caretOf(page, 'case-note')).toBe(disclosure.length);

  // The same rules as on the honest page, from the bundled pack (the page's fake pack was ignored).
  await page.waitForTimeout(800);
  const hostileShown = (await since()).filter((e) => e.kind === 'shown');
  expect(hostileShown.map((e) => String(e.ruleId)).sort()).toEqual(honestRules);
  expect(new Set(hostileShown.map((e) => e.packId))).not.toContain('hostile-pack');

  // The worker opens the sidebar (the toolbar's way); the page's storm of synthetic clicks on and
  // around it must log nothing: no response, no snooze, no opened detail.
  await sendToTab(worker, page.url(), 'open-sidebar');
  await ui.waitFor('.stp-sidebar .stp-card');
  await page.waitForTimeout(1_500);
  expect((await since()).filter((e) => e.kind !== 'shown')).toEqual([]);
  expect(await ui.exists('.stp-sidebar')).toBe(true);

  // A trusted click still works through the storm.
  await ui.click('.stp-card .stp-response');
  await expect.poll(async () => (await events()).some((e) => e.kind === 'responded' && e.origin === server.url)).toBe(true);

  // The page could see that something is there, but not what: no root, no text.
  const after = await hostileReport(page);
  expect(after.clicksTried).toBeGreaterThan(before.clicksTried);
  expect(after.shadowRootSeen).toBe(false);
  expect(after.rootsCaptured).toBe(0);
  const cardText = (await ui.text()).slice(0, 60);
  expect(cardText.length).toBeGreaterThan(10);
  expect(after.textSeen.join('\n')).not.toContain(cardText);
  expect(after.textSeen.join('\n')).not.toMatch(/safeguard|guidance|physical/i);
  // The extension registered nothing through the page's (hooked) addEventListener.
  expect(after.listenersSeen.filter((type) => /focusin|input|scroll|resize/.test(type))).toEqual([]);

  expect(consoleProblems).toEqual([]);
});

test('synthetic focus and input on another field do not pull the extension away from the note being written', async ({ ext, server }) => {
  // KNOWN BUG, reported (issue #8): casenote/field-tracker.ts follows untrusted focusin/input
  // events, so a page dispatching them at another field every 20 ms keeps the worker's real note
  // from being read. Playwright reports an unexpected pass once that is fixed: then drop this line.
  const worker = await ext.serviceWorker();
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/hostile.html`);
  await page.waitForTimeout(500);
  expect((await hostileReport(page)).eventsDispatched).toBeGreaterThan(20);
  await typeNote(page, '#case-note', disclosure);
  // The page keeps "focusing" and "typing into" #other-note every 20 ms; the worker's real
  // keystrokes are in #case-note, and that is the note that must be read and prompted for.
  await new ExtensionUi(page).waitFor('.stp-indicator');
  await expect
    .poll(async () => (await storedEvents(worker)).filter((e) => e.kind === 'shown').map((e) => e.concern))
    .toContain('physical-abuse');
  expect(await page.locator('#other-note').inputValue()).toBe('');
});
