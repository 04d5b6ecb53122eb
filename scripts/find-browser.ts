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

/**
 * The first executable browser: the one named by `envVar` if set (an error if it is not there),
 * else the first of `candidates`; else an error that says what to install.
 */
export function findExecutable(envVar: string, candidates: readonly string[], installHint: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[envVar];
  if (configured) {
    if (executable(configured)) return configured;
    throw new BrowserNotFoundError(`${envVar} is set to ${configured}, but no executable browser is there.`);
  }
  const found = candidates.find(executable);
  if (found) return found;
  throw new BrowserNotFoundError(`No browser found (looked in ${candidates.join(', ')}). ${installHint}`);
}

/** The Chromium to drive: $STP_CHROMIUM if set, else the first of `chromiumCandidates` found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  return findExecutable(
    'STP_CHROMIUM',
    chromiumCandidates,
    'Install Chromium (Debian: sudo apt-get install chromium) or set STP_CHROMIUM to the path of a Chromium or Chrome executable.',
    env,
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
