import { browser } from 'wxt/browser';
import type { TabMessage } from '../messaging/protocol.ts';

/** Expected when a tab has no content script (not a case system, or a browser page). */
function isNoReceiver(error: unknown): boolean {
  return error instanceof Error && /Receiving end does not exist|Could not establish connection/i.test(error.message);
}

/** Sends to the top frame of one tab, where the sidebar lives. */
export async function sendToTab(tabId: number, message: TabMessage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch (error) {
    if (!isNoReceiver(error)) throw error;
  }
}

/** Sends to every frame of every tab with a content script (state changes must reach them all). */
export async function broadcast(message: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.tabs.sendMessage(tab.id, message);
      } catch (error) {
        if (!isNoReceiver(error)) console.warn('Share to Protect: could not update a tab', error);
      }
    }),
  );
}
