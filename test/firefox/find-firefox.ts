import { findExecutable } from '../../scripts/find-browser.ts';

/** Where Firefox is looked for, after the STP_FIREFOX environment variable. */
export const firefoxCandidates = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox to drive: $STP_FIREFOX if set, else the first candidate found; else what to install. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  return findExecutable('STP_FIREFOX', firefoxCandidates, 'Install Firefox ESR (Debian: sudo apt-get install firefox-esr) or set STP_FIREFOX.', env);
}
