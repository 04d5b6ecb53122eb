/**
 * The Firefox smoke checks (issue #8.5), run by test/firefox/run.ts against the MV3 Firefox test
 * build in Debian's firefox-esr: detection on three fixture systems (a plain textarea, a late
 * textarea in a school system, a rich editor in a shadow root), a prompt on each, the prompts
 * logged by the background, the policy from policies.json in force, and no note text stored.
 */
import type { Browser, Page } from 'puppeteer-core';

export interface SmokeContext {
  browser: Browser;
  serverUrl: string;
  optionsUrl: string;
  /** The policy the runner wrote to policies.json. */
  policy: { allowLogClear: boolean; maxPromptsPerNote: number };
}

export interface SmokeCheck {
  name: string;
  run: (context: SmokeContext) => Promise<void>;
}

const disclosure = 'She told me her dad hit her with a belt last night.';
/** Typed with the disclosure so its absence from the extension's storage means something. */
const sentinel = `Zqx${Date.now().toString(36)}FirefoxSentinel`;

export class CheckFailed extends Error {}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new CheckFailed(`timed out waiting for ${what}${last ? ` (${last instanceof Error ? last.message : String(last)})` : ''}`);
}

/** The extension's UI host appears in the page when a prompt shows (its content is closed to us). */
const promptShown = (page: Page) =>
  until('the prompt beside the note', () => page.evaluate(() => document.querySelector('share-to-protect') !== null));

async function typeDisclosure(context: SmokeContext, path: string, focus: (page: Page) => Promise<void>): Promise<void> {
  const page = await context.browser.newPage();
  await page.goto(context.serverUrl + path);
  await until(`${path} to be ready`, () => page.evaluate(() => 'fixture' in window));
  assert(!(await page.evaluate(() => document.querySelector('share-to-protect') !== null)), 'UI shown before anything was typed');
  await until(`the note field on ${path}`, async () => {
    await focus(page);
    return true;
  });
  await page.keyboard.type(`${disclosure} ${sentinel}`, { delay: 2 });
  await promptShown(page);
  // The note is the worker's: still exactly what was typed.
  const notes = await page.evaluate(() => (window as unknown as { fixture: { notes(): string[] } }).fixture.notes().join('\n'));
  assert(notes.includes(sentinel), `the note on ${path} does not hold what was typed`);
}

/** Opens the options page. Firefox never reports the load of a moz-extension page to WebDriver, so the page is polled instead. */
async function openOptions(context: SmokeContext): Promise<Page> {
  const page = await context.browser.newPage();
  await page.goto(context.optionsUrl, { timeout: 3_000 }).catch(() => undefined);
  await until('the options page', () => page.evaluate(() => document.readyState === 'complete' && document.body.childElementCount > 0));
  return page;
}

interface StoredEvent {
  kind: string;
  concern: string;
  systemId: string;
}

/** The background's log, read from the extension origin's IndexedDB by its own options page. */
async function storedEvents(options: Page): Promise<StoredEvent[]> {
  return options.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const request = indexedDB.open('share-to-protect-log');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('events')) return resolve([]);
          const all = db.transaction('events').objectStore('events').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve(all.result as StoredEvent[]);
        };
      }),
  );
}

export const smokeChecks: SmokeCheck[] = [
  {
    name: 'demo.html: a disclosure in a plain textarea raises a prompt',
    run: (context) => typeDisclosure(context, '/demo.html', (page) => page.click('#case-note')),
  },
  {
    name: 'cpoms.html: a disclosure in the CPOMS incident textarea raises a prompt',
    run: (context) => typeDisclosure(context, '/cpoms.html', (page) => page.click('#incident')),
  },
  {
    name: 'salesforce.html: a disclosure in Quill inside a shadow root raises a prompt',
    run: (context) => typeDisclosure(context, '/salesforce.html', (page) => page.click('c-interaction-meeting-notes >>> .ql-editor')),
  },
  {
    name: 'the background logged each prompt, by system and concern, and stored no note text',
    run: async (context) => {
      const options = await openOptions(context);
      const events = await until('three systems in the log', async () => {
        const stored = await storedEvents(options);
        const systems = new Set(stored.filter((event) => event.kind === 'shown' && event.concern === 'physical-abuse').map((event) => event.systemId));
        return ['generic', 'cpoms', 'salesforce'].every((system) => systems.has(system)) ? stored : undefined;
      });
      assert(events.length >= 3, `expected at least 3 events, found ${events.length}`);
      const table = await options.evaluate(() => document.querySelector('[data-testid=log-table]')?.textContent ?? '');
      assert(table.includes('physical-abuse'), 'the options page log table does not list the prompt');
      const everything = JSON.stringify(events) + (await options.evaluate(() => JSON.stringify({ ...localStorage })));
      assert(!everything.includes(sentinel) && !everything.includes('belt'), 'note text found in the extension storage');
      await options.close();
    },
  },
  {
    name: 'the policy from policies.json is in force and locked',
    run: async (context) => {
      const options = await openOptions(context);
      const shown = await until('the policy status', () =>
        options.evaluate(() => ({
          clearOff: document.querySelector('[data-testid=log-clear-off]')?.textContent ?? '',
          locked: document.querySelector('[data-testid=locked-settings]')?.textContent ?? '',
          problems: document.querySelector('[data-testid=policy-problems]')?.textContent ?? '',
        })).then((status) => (status.locked ? status : undefined)),
      );
      assert(!context.policy.allowLogClear && /turned off by your administrator/i.test(shown.clearOff), `clearing the log is not turned off: "${shown.clearOff}"`);
      assert(/prompts per note/i.test(shown.locked), `maxPromptsPerNote is not locked: "${shown.locked}"`);
      assert(shown.problems === '', `the policy was refused: ${shown.problems}`);
      await options.close();
    },
  },
];
