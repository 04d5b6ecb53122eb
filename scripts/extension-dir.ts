import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The folder WXT writes builds into (see `outDir` in wxt.config.ts). */
export const outputDir = resolve(root, process.env.STP_OUT_DIR ?? '.output');

/** The Chrome MV3 test build that e2e tests and `npm start` load. */
export const chromeTestBuildDir = resolve(outputDir, 'chrome-mv3-test');

export const projectRoot = root;
