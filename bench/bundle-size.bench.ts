/**
 * Gzipped size of every script in the Chrome test build. The content script loads on every page
 * of every case system, so it has a target (≤ 60 KB, issue #4; typing.bench.ts prints it too,
 * beside the typing figures); the background and options page are shown so a dependency that
 * grows them is noticed. Needs a test build: `STP_OUT_DIR=… npx wxt build --mode test`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromeTestBuildDir } from '../scripts/extension-dir.ts';

const contentScriptTargetBytes = 60 * 1024;

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default async function bundleSizeBench(): Promise<void> {
  if (!existsSync(chromeTestBuildDir)) {
    console.log(`No test build in ${chromeTestBuildDir}: run \`npx wxt build --mode test\` (with STP_OUT_DIR if you use one) first.`);
    return;
  }
  for (const file of scripts(chromeTestBuildDir).sort()) {
    const raw = readFileSync(file);
    const gzipped = gzipSync(raw).length;
    const name = relative(chromeTestBuildDir, file);
    const target = name === join('content-scripts', 'casenote.js') ? ` (target ≤ ${kb(contentScriptTargetBytes)}${gzipped > contentScriptTargetBytes ? ', OVER' : ''})` : '';
    console.log(`${name}: ${kb(gzipped)} gzipped, ${kb(raw.length)} minified${target}`);
  }
}
