import { accessSync, constants } from 'node:fs';

/** Where Chromium is looked for, in order, after the STP_CHROMIUM environment variable. */
export const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class BrowserNotFoundError extends Error {}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive: $STP_CHROMIUM if set, else the first of `chromiumCandidates` found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.STP_CHROMIUM;
  if (configured) {
    if (executable(configured)) return configured;
    throw new BrowserNotFoundError(`STP_CHROMIUM is set to ${configured}, but no executable browser is there.`);
  }
  const found = chromiumCandidates.find(executable);
  if (found) return found;
  throw new BrowserNotFoundError(
    `No Chromium found (looked in ${chromiumCandidates.join(', ')}). Install it (Debian: sudo apt-get install chromium) ` +
      'or set STP_CHROMIUM to the path of a Chromium or Chrome executable.',
  );
}

/** Flags for a quiet, reproducible browser on a machine without a network or GPU. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}
