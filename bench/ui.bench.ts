/**
 * How quickly the worker's UI appears, in real Chromium: the indicator's first render and the
 * sidebar with three cards (one of 5,000 characters), each to the next painted frame. Uses the
 * same components and CSS as the extension, mounted by test/e2e/ui-components.ts.
 */
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/find-browser.ts';
import { mountUi, sampleContacts, samplePrompts } from '../test/e2e/ui-components.ts';

const runs = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default async function uiBench(): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const prompts = samplePrompts();
    const figures: Record<string, number[]> = { indicator: [], sidebar: [] };
    for (let i = 0; i < runs; i++) {
      for (const which of ['indicator', 'sidebar'] as const) {
        await mountUi(page, { locale: 'en', prompts: [], contacts: [], sidebarOpen: false });
        const ms = await page.evaluate(
          async ({ spec }) => {
            const start = performance.now();
            window.mountUi(spec as Parameters<typeof window.mountUi>[0]);
            await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
            return performance.now() - start;
          },
          {
            spec: {
              css: '',
              locale: 'en',
              prompts,
              contacts: sampleContacts,
              sidebarOpen: which === 'sidebar',
              indicator: { top: 300, left: 900, docked: false },
            },
          },
        );
        figures[which]?.push(ms);
      }
    }
    for (const [which, values] of Object.entries(figures)) {
      console.log(`${which.padEnd(10)} render to next frame: median ${median(values).toFixed(1)} ms, worst ${Math.max(...values).toFixed(1)} ms (${runs} runs)`);
    }
  } finally {
    await browser.close();
  }
}
