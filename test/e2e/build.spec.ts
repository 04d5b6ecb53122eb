import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { chromeTestBuildDir, outputDir } from '../../scripts/extension-dir.ts';
import { launchWithExtension } from './harness.ts';

const releaseDir = resolve(outputDir, 'chrome-mv3');

async function scripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith('.js')).map((name) => join(dir, name));
}

interface Manifest {
  key?: string;
  content_scripts?: Array<{ matches?: string[] }>;
  host_permissions?: string[];
}

test('every built script is plain ASCII, so Chromium cannot refuse it as not UTF-8', async () => {
  for (const file of await scripts(chromeTestBuildDir)) {
    const text = await readFile(file, 'utf8');
    const offending = text.search(/[^\x00-\x7f]/);
    expect(offending, `${file} has a non-ASCII character at ${offending}`).toBe(-1);
  }
});

test('the built extension loads in Chromium and its service worker starts', async () => {
  const harness = await launchWithExtension();
  try {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
  } finally {
    await harness.close();
  }
});

test('only test builds treat loopback pages as a case system or carry the pinning key', async () => {
  const testManifest = JSON.parse(await readFile(join(chromeTestBuildDir, 'manifest.json'), 'utf8')) as Manifest;
  const release = JSON.parse(await readFile(join(releaseDir, 'manifest.json'), 'utf8')) as Manifest;
  const matches = (m: Manifest) => (m.content_scripts ?? []).flatMap((s) => s.matches ?? []);
  expect(matches(testManifest)).toContain('http://127.0.0.1/*');
  expect(testManifest.key).toBeTruthy();
  expect(matches(release).join(' ')).not.toMatch(/127\.0\.0\.1|localhost/);
  expect(release.key).toBeUndefined();
});
