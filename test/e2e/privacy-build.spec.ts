/**
 * The built extensions keep the promises the configuration makes (issue #8.1 and #8.4): the
 * release build carries no test-only code (the message recorder, loopback sites, the pinning key),
 * every build's manifest has the strict content security policy, no built script loads remote
 * code, and in the running options page the policy refuses inline script and HTML strings as markup.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { recorderGlobal } from '../../background/test-recorder.ts';
import { chromeTestBuildDir, outputDir } from '../../scripts/extension-dir.ts';
import { launchWithExtension } from './harness.ts';

const releaseDir = resolve(outputDir, 'chrome-mv3');

async function scriptsOf(dir: string): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
  return Promise.all(names.map(async (name) => ({ file: name, text: await readFile(join(dir, name), 'utf8') })));
}

test('the release build carries no message recorder; the test build does', async () => {
  const release = await scriptsOf(releaseDir);
  expect(release.length).toBeGreaterThan(0);
  expect(release.filter((script) => script.text.includes(recorderGlobal)).map((script) => script.file)).toEqual([]);
  const testBuild = await scriptsOf(chromeTestBuildDir);
  expect(testBuild.some((script) => script.file === 'background.js' && script.text.includes(recorderGlobal))).toBe(true);
});

test('every built manifest has the strict content security policy and no web-accessible resources', async () => {
  for (const dir of [releaseDir, chromeTestBuildDir]) {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
      web_accessible_resources?: unknown[];
    };
    expect(manifest.content_security_policy?.extension_pages ?? '', dir).toContain("script-src 'self'");
    expect(manifest.content_security_policy?.extension_pages ?? '', dir).toContain("require-trusted-types-for 'script'");
    expect(manifest.web_accessible_resources ?? [], dir).toEqual([]);
  }
});

test('no built script loads remote code', async () => {
  for (const { file, text } of await scriptsOf(releaseDir)) {
    expect(text, `${file}: importScripts`).not.toMatch(/\bimportScripts\s*\(/);
    expect(text, `${file}: import() of a URL`).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
    expect(text, `${file}: a remote <script>`).not.toMatch(/<script[^>]+src=["']?https?:/i);
  }
});

test('in the running options page the policy refuses inline script and HTML strings as markup', async () => {
  // (The DevTools protocol may eval despite a CSP, so the check is made on DOM sinks, which it cannot bypass.)
  const harness = await launchWithExtension();
  try {
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    const outcome = await options.evaluate(async () => {
      const attempt = (fn: () => void): string => {
        try {
          fn();
          return 'allowed';
        } catch {
          return 'refused';
        }
      };
      const html = attempt(() => document.body.insertAdjacentHTML('beforeend', '<b id="stp-markup">markup</b>'));
      const script = attempt(() => {
        const element = document.createElement('script');
        element.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
        document.head.append(element);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { html, script, inlineRan: document.documentElement.dataset.inlineRan ?? 'no', markup: document.getElementById('stp-markup') !== null };
    });
    expect(outcome).toEqual({ html: 'refused', script: 'refused', inlineRan: 'no', markup: false });
  } finally {
    await harness.close();
  }
});
