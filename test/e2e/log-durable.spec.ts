import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from './harness.ts';

const disclosure = 'She told me her dad hit her with a belt last night';

interface StoredEvent {
  id: string;
  kind: string;
  ruleId: string;
  noteKey: string;
}

/** Every stored event, read by the options page (same origin as the log) so it works while the worker is stopped. */
function readLog(options: Page): Promise<StoredEvent[]> {
  return options.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('share-to-protect-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            resolve(request.result as StoredEvent[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Stops the extension's service worker, as Chromium does when it idles or crashes. */
function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  return cdp.send('ServiceWorker.stopAllWorkers').then(() => undefined);
}

async function writeNote(page: Page): Promise<void> {
  await page.locator('#case-note').click();
  await page.keyboard.type(disclosure, { delay: 3 });
}

/**
 * Three tabs write notes side by side, round after round, each round in fresh tabs (the old ones
 * stay open, so any event they still hold keeps being retried). The service worker is stopped in
 * the middle of each round, while prompts are being shown and their events sent.
 */
test('events from three tabs are all stored, each once, while the service worker is stopped mid-stream', async ({ ext, server }) => {
  test.setTimeout(120_000);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const cdp = await ext.context.newCDPSession(options);
  // Counts the times the worker really stopped, so the test cannot pass without a restart.
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((version) => version.runningStatus === 'stopped')) stops += 1;
  });
  await cdp.send('ServiceWorker.enable');

  const rounds = 4;
  const tabCount = 3;
  for (let round = 0; round < rounds; round++) {
    const tabs = await Promise.all(
      Array.from({ length: tabCount }, async () => {
        const page = await ext.context.newPage();
        await page.goto(`${server.url}/demo.html`);
        return page;
      }),
    );
    const typing = Promise.all(tabs.map((page) => writeNote(page)));
    await options.waitForTimeout(250 + round * 60);
    await stopServiceWorkers(cdp);
    await typing;
  }

  // Every note (one per tab) raises the same prompts; wait until every note's have arrived.
  const notes = tabCount * rounds;
  await expect.poll(async () => new Set((await readLog(options)).map((e) => e.noteKey)).size, { timeout: 30_000 }).toBe(notes);
  expect(stops).toBeGreaterThan(0);
  // Let late retries land, then check that nothing was lost or stored twice.
  await options.waitForTimeout(3000);
  const events = await readLog(options);
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  const shownPerNote = new Map<string, string[]>();
  for (const event of events) {
    if (event.kind === 'shown') shownPerNote.set(event.noteKey, [...(shownPerNote.get(event.noteKey) ?? []), event.ruleId]);
  }
  expect(shownPerNote.size).toBe(notes);
  const distinct = (ids: string[]) => [...new Set(ids)].sort();
  const reference = distinct(shownPerNote.values().next().value ?? []);
  expect(reference.length).toBeGreaterThan(0);
  // No loss: every note's every prompt reached the log.
  for (const ruleIds of shownPerNote.values()) expect(distinct(ruleIds)).toEqual(reference);
  // A restarted worker re-sends the same state; the session must not start the note afresh and
  // show (and log, as new events) the same prompts again.
  const reshown = [...shownPerNote.values()].filter((ruleIds) => ruleIds.length > reference.length).length;
  expect(reshown, 'notes whose prompts were shown again after a worker restart').toBe(0);
});
