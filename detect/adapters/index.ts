import type { CaseSystemAdapter } from './adapter.ts';
import { arbor } from './arbor.ts';
import { capita } from './capita.ts';
import { charitylog } from './charitylog.ts';
import { cpoms } from './cpoms.ts';
import { dynamics } from './dynamics.ts';
import { lcs } from './lcs.ts';
import { mosaic } from './mosaic.ts';
import { rio } from './rio.ts';
import { salesforce } from './salesforce.ts';
import { matchesPattern } from '../match-pattern.ts';

export type { CaseSystemAdapter } from './adapter.ts';

/** Every known case system, one line each. Keep sorted by id. */
export const caseSystemAdapters: readonly CaseSystemAdapter[] = [
  arbor,
  capita,
  charitylog,
  cpoms,
  dynamics,
  lcs,
  mosaic,
  rio,
  salesforce,
];

/** The id logged for sites an administrator or worker added that are no known system. */
export const genericSystemId = 'generic';

/** Where the content script is declared statically (hosted systems with a known address). */
export const knownSystemMatches: readonly string[] = [...new Set(caseSystemAdapters.flatMap((adapter) => adapter.matches))];

const loopbackHosts = new Set(['127.0.0.1', 'localhost']);

/**
 * The adapter for a page. Test builds treat loopback fixture pages as the system they imitate,
 * chosen by the page's path; release builds never do.
 */
export function adapterFor(url: URL, testBuild: boolean): CaseSystemAdapter | undefined {
  if (testBuild && loopbackHosts.has(url.hostname)) {
    return caseSystemAdapters.find((adapter) => adapter.testPaths.includes(url.pathname));
  }
  return caseSystemAdapters.find((adapter) => adapter.matches.some((pattern) => matchesPattern(pattern, url)));
}

export function adapterById(id: string): CaseSystemAdapter | undefined {
  return caseSystemAdapters.find((adapter) => adapter.id === id);
}
