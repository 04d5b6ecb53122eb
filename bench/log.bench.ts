/**
 * The prompt log with 100,000 events, in real Chromium with the built test extension: how long
 * the options page takes to show its first page of the log (target ≤ 500 ms from navigation) and
 * to build a full CSV export (target ≤ 2 s). Needs a test build (`npm run build:test`, or
 * STP_OUT_DIR pointing at one).
 *
 * "First view" is navigation start to the frame after the first page of rows is committed (the
 * page's `stp-log-first-rows` mark); the total count and the weekly chart follow it and are
 * reported on their own. Every figure is printed with the machine's load average: on a shared
 * 2-core machine the figures scale with it, and the targets assume an idle one.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromeTestBuildDir } from '../scripts/extension-dir.ts';
import { launchWithExtension } from '../test/e2e/harness.ts';

const eventCount = 100_000;

/** The log's total as the page shows it once counted ("Counting the events…" before). */
const counted = /^[\d,]+ events?$/;

function load(): string {
  return `load ${loadavg()
    .map((figure) => figure.toFixed(1))
    .join(' ')}`;
}

export default async function logBench(): Promise<void> {
  if (!existsSync(chromeTestBuildDir)) {
    console.log(`skipped: no test build in ${chromeTestBuildDir} (run npm run build:test first)`);
    return;
  }
  const harness = await launchWithExtension();
  try {
    const worker = await harness.serviceWorker();
    const options = await harness.context.newPage();
    // The log database is created by its first reader; the options page is one.
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.getByTestId('log-total').filter({ hasText: counted }).waitFor();
    // The same page with an empty log: what the machine's load alone costs (the targets assume an idle machine).
    const emptyFirstRows = await options.evaluate(() => performance.getEntriesByName('stp-log-first-rows')[0]?.startTime ?? NaN);
    console.log(`baseline: empty log shown ${Math.round(emptyFirstRows)} ms after navigation (${load()})`);
    const seedMs = await worker.evaluate(async (count) => {
      const started = performance.now();
      const concerns = ['physical-abuse', 'neglect', 'sexual-abuse', 'emotional-abuse', 'domestic-abuse', 'fgm'];
      const kinds = ['shown', 'shown', 'shown', 'opened', 'responded', 'snoozed'];
      const now = Date.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('share-to-protect-log');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('events', 'readwrite');
        const store = tx.objectStore('events');
        for (let i = 0; i < count; i++) {
          const kind = kinds[i % kinds.length]!;
          store.put({
            id: crypto.randomUUID(),
            at: new Date(now - Math.floor((i * 180 * 86_400_000) / count)).toISOString(),
            kind,
            ruleId: `${concerns[i % concerns.length]}.rule-${i % 7}`,
            packId: 'uk-default',
            packVersion: '1.0.0',
            concern: concerns[i % concerns.length],
            severity: ['info', 'warning', 'critical'][i % 3],
            systemId: i % 2 ? 'lcs' : 'mosaic',
            origin: 'https://records.example.gov.uk',
            noteKey: crypto.randomUUID(),
            ...(kind === 'responded' ? { response: 'seeking-advice' } : {}),
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return performance.now() - started;
    }, eventCount);
    console.log(`seeded ${eventCount.toLocaleString()} events in ${Math.round(seedMs)} ms`);

    for (let run = 1; run <= 3; run++) {
      await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
      await options.getByTestId('log-table').locator('tbody tr').first().waitFor();
      await options.waitForFunction(() => performance.getEntriesByName('stp-log-first-rows').length > 0);
      const firstRows = await options.evaluate(() => performance.getEntriesByName('stp-log-first-rows')[0]?.startTime ?? NaN);
      // "by": when the bench saw it, so a few ms of polling late at most.
      await options.getByTestId('log-total').filter({ hasText: counted }).waitFor();
      const total = await options.evaluate(() => performance.now());
      await options.getByTestId('weekly-chart').waitFor();
      const chart = await options.evaluate(() => performance.now());
      console.log(
        `run ${run}: first page of the log painted ${Math.round(firstRows)} ms after navigation (target ≤ 500 ms); ` +
          `total counted by ${Math.round(total)} ms; chart by ${Math.round(chart)} ms (${load()})`,
      );
    }
    for (const format of ['CSV', 'JSON'] as const) {
      const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: `Export ${format}` }).click()]);
      const ms = await options.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN, `stp-log-export-${format.toLowerCase()}`);
      await download.path();
      console.log(`full ${format} export of ${eventCount.toLocaleString()} events: ${Math.round(ms)} ms${format === 'CSV' ? ' (target ≤ 2000 ms)' : ''} (${load()})`);
    }
  } finally {
    await harness.close();
  }
}
