import { browser } from 'wxt/browser';

/**
 * TEST BUILDS ONLY. Keeps the last messages the background received, exactly as they arrived
 * (before any parsing), so the privacy e2e suite can prove that no note text ever crossed from a
 * content script: a promise about what is *not* sent can only be tested by looking at everything
 * that *was* sent. Wired in `entrypoints/background.ts` behind `import.meta.env.MODE === 'test'`,
 * which Vite replaces at build time, so release builds drop this module entirely (asserted by
 * test/e2e/privacy-build.spec.ts).
 */

/** The global the e2e suite reads through the service worker (`self[recorderGlobal]`). */
export const recorderGlobal = '__shareToProtectRecordedMessages';

/** Enough for a whole privacy run; older messages drop off so a long session cannot grow memory. */
const keepLast = 2_000;

export interface RecordedMessage {
  /** The raw message as JSON text: serialised at once, so later mutation cannot hide anything. */
  json: string;
  /** Where it came from: a page URL for content scripts, the extension's own URL for its pages. */
  from: string;
  at: string;
}

export function recordMessagesForTests(): void {
  const recorded: RecordedMessage[] = [];
  (globalThis as Record<string, unknown>)[recorderGlobal] = recorded;
  // Registered before the router's listener, and returns nothing, so it never answers or delays one.
  browser.runtime.onMessage.addListener((raw, sender) => {
    let json: string;
    try {
      json = JSON.stringify(raw) ?? String(raw);
    } catch (error) {
      // A message that cannot be serialised is still evidence: record why, never drop it.
      json = `(unserialisable: ${error instanceof Error ? error.message : String(error)})`;
    }
    recorded.push({ json, from: sender.url ?? sender.origin ?? '(unknown)', at: new Date().toISOString() });
    if (recorded.length > keepLast) recorded.splice(0, recorded.length - keepLast);
    return undefined;
  });
}
