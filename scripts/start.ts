/**
 * `npm start`: builds the extension, serves the bundled demo case system on loopback and opens
 * Chromium with the extension loaded on it. With no display it runs headless instead: types a
 * sample note, prints the prompts shown and saves a screenshot.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { BrowserNotFoundError, chromiumArgs, findChromium } from './find-browser.ts';
import { chromeTestBuildDir, projectRoot } from './extension-dir.ts';
import { startFixtureServer } from '../test/fixtures/server.ts';
import { ExtensionUi } from '../test/e2e/extension-ui.ts';

const sampleNote =
  'Home visit. Maya (9) was quiet. She told me her dad hit her with a belt last night and that she is scared to go home. ' +
  'Mum asked me not to tell anyone.';

async function main(): Promise<void> {
  let browserPath: string;
  try {
    browserPath = findChromium();
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      console.error(`npm start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  console.log('Building the extension (test build: treats http://127.0.0.1 as a case system)…');
  try {
    // Quiet on success: the bundler's notes about third-party comments are not for the worker.
    execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: projectRoot, stdio: 'pipe' });
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    console.error(`The build failed:\n${output}`);
    process.exit(1);
  }

  const server = await startFixtureServer(Number(process.env.PORT ?? 0));
  const demoUrl = `${server.url}/demo.html`;
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.STP_HEADLESS !== '1';
  const profile = await mkdtemp(join(tmpdir(), 'stp-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: !headed,
    args: chromiumArgs(chromeTestBuildDir),
    viewport: headed ? null : { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoUrl);

  if (headed) {
    console.log(`Demo case system: ${demoUrl}\nOther fixture pages: ${server.url}/\nClose the browser to stop.`);
    await new Promise<void>((done) => context.on('close', () => done()));
    await server.close();
    return;
  }

  console.log(`No display: running the demo headless on ${demoUrl}`);
  const note = page.locator('#case-note');
  await note.click();
  await page.keyboard.type(sampleNote, { delay: 2 });
  const ui = new ExtensionUi(page);
  await ui.waitFor('.stp-indicator');
  await page.waitForTimeout(400);
  await ui.click('.stp-indicator');
  await ui.waitFor('.stp-sidebar .stp-card');
  await page.waitForTimeout(500); // Let the sidebar's entrance finish before the screenshot.
  const prompts =
    (await ui.evaluate<Array<{ severity: string; summary: string }>>(
      `(root) => Array.from(root.querySelectorAll('.stp-card')).map((card) => ({
        severity: card.querySelector('.stp-severity')?.textContent?.trim() ?? '',
        summary: card.querySelector('.stp-summary')?.textContent?.trim() ?? '' }))`,
    )) ?? [];
  console.log(`\nSample note typed. Prompts shown (${prompts.length}):`);
  for (const prompt of prompts) console.log(`  [${prompt.severity}] ${prompt.summary}`);
  const artifacts = resolve(projectRoot, 'artifacts');
  await mkdir(artifacts, { recursive: true });
  const screenshot = join(artifacts, 'demo.png');
  await page.screenshot({ path: screenshot });
  console.log(`\nScreenshot: ${screenshot}`);
  await context.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error('npm start failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
