/**
 * Issue #4: how long a cross-origin note frame's indicator takes to open the guidance in the top
 * frame, in real Chromium with the test build (run it with STP_OUT_DIR set to that build's
 * folder). Measured between the worker's click in the frame and the top frame's UI host being
 * attached, on one clock (performance.timeOrigin + now()), over a fresh page each run.
 */
import { launchWithExtension } from '../test/e2e/harness.ts';
import { FrameUi } from '../test/e2e/frame-ui.ts';
import { startFixtureServer } from '../test/fixtures/server.ts';

const runs = 15;
const disclosure = 'She told me her dad hit her with a belt last night';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default async function frameRelayBench(): Promise<void> {
  const server = await startFixtureServer();
  const harness = await launchWithExtension();
  try {
    const page = await harness.context.newPage();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(`${server.url}/crossorigin.html`);
      await page.evaluate(() => {
        const w = window as unknown as { topShownAt?: number };
        new MutationObserver((_, observer) => {
          if (!document.querySelector('share-to-protect')) return;
          w.topShownAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }).observe(document.documentElement, { childList: true });
      });
      await page.frameLocator('#note-frame').locator('#case-note').click();
      await page.keyboard.type(disclosure, { delay: 2 });
      const frame = page.frames().find((f) => f.url().includes('/crossorigin-note.html'));
      if (!frame) throw new Error('the cross-origin note frame did not load');
      await frame.evaluate(() => {
        const w = window as unknown as { clickedAt?: number };
        window.addEventListener('click', () => (w.clickedAt = performance.timeOrigin + performance.now()), { capture: true });
      });
      const ui = new FrameUi(page, frame, '#note-frame');
      for (let wait = 0; !(await ui.exists('.stp-indicator')); wait++) {
        if (wait > 200) throw new Error('no indicator in the frame');
        await page.waitForTimeout(25);
      }
      await ui.click('.stp-indicator');
      await page.waitForFunction(() => (window as unknown as { topShownAt?: number }).topShownAt !== undefined);
      const shownAt = await page.evaluate(() => (window as unknown as { topShownAt: number }).topShownAt);
      const clickedAt = await frame.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
      times.push(shownAt - clickedAt);
    }
    console.log(
      `cross-origin indicator click → top-frame sidebar attached: median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms (${runs} runs)`,
    );
  } finally {
    await harness.close();
    await server.close();
  }
}
