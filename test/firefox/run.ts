/**
 * Firefox smoke suite (issue #8.5): `npx tsx test/firefox/run.ts [--build]`, run by `npm test`
 * with `--build`, which first makes the Firefox test build (`wxt build -b firefox --mv3 --mode test`). Drives Debian's firefox-esr
 * headless through puppeteer-core over WebDriver BiDi, installs the MV3 build as a temporary
 * add-on, writes a policies.json for it (restored afterwards) and runs test/firefox/smoke.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { outputDir, projectRoot } from '../../scripts/extension-dir.ts';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts';
import { findFirefox } from './find-firefox.ts';
import { FirefoxPolicyFile } from './firefox-policy.ts';
import { smokeChecks, type SmokeContext } from './smoke.ts';

const geckoId = 'share-to-protect@example.org';
/** Pinned through a pref so the suite knows the options page's address (Firefox picks one at random). */
const extensionUuid = '5c2c8f3e-1d4b-4f7a-9a51-7a1f2b9c0d11';
const policy = { allowLogClear: false, maxPromptsPerNote: 3 };
/** The whole suite's ceiling: a hung browser must fail `npm test`, not stall it. */
const suiteTimeoutMs = 150_000;

const extensionDir = resolve(outputDir, 'firefox-mv3-test');

/** Set while policies.json is ours, so every way out (signal, watchdog) puts it back. */
let activePolicy: FirefoxPolicyFile | undefined;

async function main(): Promise<number> {
  // `--build`: make the Firefox test build first (how `npm test` runs this, as one step).
  if (process.argv.includes('--build')) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'test'], { cwd: projectRoot, stdio: 'inherit' });
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.error(`No Firefox test build in ${extensionDir}: run \`npx wxt build -b firefox --mv3 --mode test\` first.`);
    return 1;
  }
  const executablePath = findFirefox();
  let server: FixtureServer | undefined;
  let browser: Browser | undefined;
  const profile = await mkdtemp(join(tmpdir(), 'stp-firefox-'));
  const policyFile = FirefoxPolicyFile.write(executablePath, geckoId, policy);
  activePolicy = policyFile;
  const restoreOnSignal = () => {
    policyFile.restore();
    process.exit(130);
  };
  process.once('SIGINT', restoreOnSignal);
  process.once('SIGTERM', restoreOnSignal);
  let failed = 0;
  try {
    server = await startFixtureServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: profile,
      // Firefox 153+ lets WebDriver open moz-extension:// pages (the options page) only with this.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }) },
    });
    const version = await browser.version();
    const installed = await browser.installExtension(extensionDir);
    console.log(`Firefox smoke suite: ${version}, add-on ${installed} from ${extensionDir}, policy in ${policyFile.path}`);
    const context: SmokeContext = { browser, serverUrl: server.url, optionsUrl: `moz-extension://${extensionUuid}/options.html`, policy };
    for (const check of smokeChecks) {
      const started = Date.now();
      try {
        await check.run(context);
        console.log(`  ✔ ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed += 1;
        console.error(`  ✖ ${check.name}\n      ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    console.log(`${smokeChecks.length - failed} of ${smokeChecks.length} Firefox checks passed.`);
  } finally {
    policyFile.restore();
    await browser?.close().catch((error: unknown) => console.warn('Firefox did not close cleanly:', error));
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

const watchdog = setTimeout(() => {
  console.error(`The Firefox smoke suite did not finish in ${suiteTimeoutMs / 1000} s.`);
  activePolicy?.restore();
  process.exit(1);
}, suiteTimeoutMs);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The Firefox smoke suite could not run:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
