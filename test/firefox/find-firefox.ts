import { accessSync, constants } from 'node:fs';

/** Where Firefox is looked for, after the STP_FIREFOX environment variable. */
export const firefoxCandidates = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Firefox to drive: $STP_FIREFOX if set, else the first candidate found; else what to install. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.STP_FIREFOX;
  if (configured) {
    if (executable(configured)) return configured;
    throw new Error(`STP_FIREFOX is set to ${configured}, but no executable Firefox is there.`);
  }
  const found = firefoxCandidates.find(executable);
  if (found) return found;
  throw new Error(`No Firefox found (looked in ${firefoxCandidates.join(', ')}). Install it (Debian: sudo apt-get install firefox-esr) or set STP_FIREFOX.`);
}
