import type { SiteEntry } from '../policy/settings.ts';
import { adapterById, adapterFor, genericSystemId } from './adapters/index.ts';
import { matchesPattern } from './match-pattern.ts';

/** How detection behaves on one page: which system it is and what marks its note fields. */
export interface DetectionProfile {
  systemId: string;
  /** Selectors that mark a note field whatever its label says (adapter and policy hints). */
  fieldSelectors: readonly string[];
  /** Labels this system gives its note fields. */
  noteLabels: readonly string[];
}

/**
 * The profile for a page: a known system's adapter, else a site an administrator listed (with
 * its optional field selectors and system id), else the generic profile, which finds multi-line
 * note fields by their label and shape alone.
 */
export function detectionProfile(url: URL, sites: readonly SiteEntry[], testBuild: boolean): DetectionProfile {
  const listed = sites.filter((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
  const adapter =
    adapterFor(url, testBuild) ??
    listed.map((site) => (site.systemId ? adapterById(site.systemId) : undefined)).find((found) => found !== undefined);
  const listedSelectors = listed.flatMap((site) => site.fieldSelectors ?? []);
  return {
    systemId: adapter?.id ?? listed.find((site) => site.systemId)?.systemId ?? genericSystemId,
    fieldSelectors: [...(adapter?.fieldHints.selectors ?? []), ...listedSelectors],
    noteLabels: adapter?.fieldHints.labels ?? [],
  };
}
