/**
 * What the worker sees, saved as pictures: the indicator and the sidebar on a light page, a dark
 * page and a narrow window, in <STP_OUT_DIR or .output>/screenshots/. With STP_UPDATE_DOCS_IMAGES=1 the
 * light-page sidebar also becomes the README's docs/images/demo.png.
 */
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect } from './harness.ts';
import { ExtensionUi } from './extension-ui.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Beside the build under test (ignored by git, and apart from other engineers' builds). */
const outDir = `${root}${process.env.STP_OUT_DIR ?? '.output'}/screenshots`;
const disclosure = 'She told me her dad hit her with a belt last night. Mum says she does not want anyone else told.';

const scenes = [
  { name: 'light', path: '/demo.html', viewport: { width: 1280, height: 800 } },
  { name: 'dark', path: '/ui-dark.html', viewport: { width: 1280, height: 800 } },
  { name: 'narrow', path: '/demo.html', viewport: { width: 480, height: 800 } },
] as const;

for (const scene of scenes) {
  test(`screenshots of the indicator and the sidebar: ${scene.name} page`, async ({ ext, server }) => {
    await mkdir(outDir, { recursive: true });
    const page = await ext.context.newPage();
    await page.setViewportSize(scene.viewport);
    await page.goto(`${server.url}${scene.path}`);
    const note = page.locator('#case-note');
    await note.click();
    await page.keyboard.type(disclosure, { delay: 2 });
    const ui = new ExtensionUi(page);
    await ui.waitFor('.stp-indicator');

    const badge = await ui.evaluate<{ left: number; right: number; top: number; bottom: number }>(
      `(root) => { const r = root.querySelector('.stp-indicator').getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; }`,
    );
    expect(badge && badge.left >= 0 && badge.right <= scene.viewport.width && badge.top >= 0 && badge.bottom <= scene.viewport.height).toBe(true);
    await page.waitForTimeout(200); // Let the caret blink settle out of the picture's way.
    await page.screenshot({ path: `${outDir}/${scene.name}-indicator.png` });

    await ui.click('.stp-indicator');
    await ui.waitFor('.stp-sidebar .stp-card');
    await ui.evaluate(`(root) => root.querySelector('.stp-card button[aria-expanded]')?.click()`);
    await page.waitForTimeout(300); // The slide-in animation.
    const sidebar = await ui.evaluate<{ left: number; width: number }>(
      `(root) => { const r = root.querySelector('.stp-sidebar').getBoundingClientRect(); return { left: r.left, width: r.width }; }`,
    );
    // Docked to the side, leaving most of the case system in view (all of it, once collapsed).
    expect(sidebar && sidebar.left + sidebar.width).toBeLessThanOrEqual(scene.viewport.width + 1);
    expect(sidebar && sidebar.width).toBeLessThanOrEqual(Math.max(scene.viewport.width * 0.6, 280) + 1);
    const shot = `${outDir}/${scene.name}-sidebar.png`;
    await page.screenshot({ path: shot });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    if (scene.name === 'light' && process.env.STP_UPDATE_DOCS_IMAGES === '1') {
      await mkdir(`${root}docs/images`, { recursive: true });
      await page.screenshot({ path: `${root}docs/images/demo.png` });
    }
  });
}
