import { browser, type Browser } from 'wxt/browser';
import { isValidMatchPattern } from '../detect/match-pattern.ts';
import type { SiteEntry } from '../policy/settings.ts';
import type { ActiveStateHolder } from './active-state.ts';

/**
 * Where the case-note script runs beyond the known systems declared in the manifest: the sites an
 * administrator lists by policy (`settings.sites`, live) and the sites a worker turns on for
 * themself from the toolbar button's menu. Both become one registered content script, kept in
 * step with the state in force. See docs/permissions.md.
 */

export const listedSitesScriptId = 'share-to-protect-listed-sites';
/** Where the worker's own sites are kept (origins as match patterns, e.g. `https://notes.example.org/*`). */
export const workerSitesKey = 'workerSites';
const toggleSiteMenuId = 'share-to-protect-toggle-site';
const contentScriptFile = '/content-scripts/casenote.js' as const;

/** The patterns to register, with the ones a browser would refuse set aside and reported. */
export function listedSitePatterns(
  policySites: readonly SiteEntry[],
  workerSites: readonly string[],
): { patterns: string[]; refused: string[] } {
  const all = [...new Set([...policySites.flatMap((site) => site.matches), ...workerSites])];
  return { patterns: all.filter(isValidMatchPattern), refused: all.filter((pattern) => !isValidMatchPattern(pattern)) };
}

/** The match pattern that turns a worker's site on: its whole origin. */
export function originPattern(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return undefined; // Tabs without a web address (new tab, browser pages) cannot be turned on.
  }
}

export async function readWorkerSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(workerSitesKey))[workerSitesKey];
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
}

/** Makes the registered script cover exactly `patterns` (none: no registration). */
export async function syncRegistration(patterns: readonly string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [listedSitesScriptId] });
  if (patterns.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [listedSitesScriptId] });
    return;
  }
  const script = {
    id: listedSitesScriptId,
    js: [contentScriptFile],
    matches: [...patterns],
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/**
 * Keeps the registration in step with policy and the worker's list, one sync at a time (two
 * overlapping syncs could both try to register the same id), and wires the toolbar menu item.
 */
export function wireActivation(state: ActiveStateHolder): void {
  let queue: Promise<void> = Promise.resolve();
  let lastKey = '';
  const sync = () => {
    queue = queue
      .then(async () => {
        const { patterns, refused } = listedSitePatterns(state.current.settings.sites, await readWorkerSites());
        if (refused.length > 0) console.warn(`Share to Protect: not activating on invalid site patterns: ${refused.join(', ')}`);
        const key = patterns.join('\n');
        if (key === lastKey) return;
        await syncRegistration(patterns);
        lastKey = key;
      })
      .catch((error: unknown) => console.error('Share to Protect: could not update the sites it runs on', error));
  };
  sync();
  state.onChange(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && workerSitesKey in changes) sync();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: toggleSiteMenuId,
      title: browser.i18n.getMessage('actionToggleSite') || 'Share to Protect: turn on or off for this site',
      contexts: ['action'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== toggleSiteMenuId || !tab) return;
    toggleSiteForTab(tab).catch((error: unknown) => console.error('Share to Protect: could not turn the site on or off', error));
  });
  // Test builds only (dropped from release by Vite): headless Chromium cannot open the toolbar
  // button's menu, so test/e2e/detect-activation.spec.ts calls what the menu click calls. With no
  // click there is no user gesture, which permissions.request demands even for access already
  // granted at install: the test asks whether access is held instead.
  if (import.meta.env.MODE === 'test') {
    (globalThis as Record<string, unknown>).shareToProtectToggleSiteForTab = (tab: Pick<Browser.tabs.Tab, 'id' | 'url'>) =>
      toggleSiteForTab(tab, (origins) => browser.permissions.contains({ origins }));
  }
}

/**
 * What the toolbar menu's "turn on or off for this site" does for the tab it was clicked on:
 * turns the tab's origin on (asking the browser for access) or off again.
 */
export function toggleSiteForTab(
  tab: Pick<Browser.tabs.Tab, 'id' | 'url'>,
  requestAccess: (origins: string[]) => Promise<boolean> = (origins) => browser.permissions.request({ origins }),
): Promise<void> {
  const pattern = tab.url === undefined ? undefined : originPattern(tab.url);
  if (!pattern || tab.id === undefined) return Promise.resolve(); // A browser page: nothing to turn on.
  // The permission request must happen inside the click's user gesture, before any await.
  const granted = requestAccess([pattern]);
  return toggleWorkerSite(pattern, tab.id, granted);
}

async function toggleWorkerSite(pattern: string, tabId: number, granted: Promise<boolean>): Promise<void> {
  const sites = await readWorkerSites();
  if (sites.includes(pattern)) {
    await browser.storage.local.set({ [workerSitesKey]: sites.filter((site) => site !== pattern) });
    return; // The open page keeps its session until reloaded; new pages no longer get the script.
  }
  if (!(await granted)) return; // The worker said no: nothing changes.
  await browser.storage.local.set({ [workerSitesKey]: [...sites, pattern] });
  // The page already open gets the script now, rather than at its next load.
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [contentScriptFile] });
}
