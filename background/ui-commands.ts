import { browser } from 'wxt/browser';
import { sendToTab } from './tabs.ts';

const contextMenuId = 'share-to-protect-open';

/**
 * The ways a worker opens the sidebar on demand: the toolbar button, the keyboard shortcut
 * (`toggle-sidebar` in wxt.config.ts, Alt+Shift+S by default, re-bindable at
 * chrome://extensions/shortcuts or about:addons → Manage Extension Shortcuts) and the context menu
 * on an editable field. Each sends one message to the tab's top frame, whose session shows the
 * sidebar for the note being written there or in any of its same-origin frames.
 */
export function wireSidebarTriggers(): void {
  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) sendOrWarn(tab.id, 'toggle-sidebar');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) sendOrWarn(tab.id, 'toggle-sidebar');
  });
  // Menus persist across browser restarts; on install and on every update they are made afresh,
  // since creating an id that already exists is an error.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus
      .removeAll()
      .then(() => {
        browser.contextMenus.create(
          {
            id: contextMenuId,
            title: browser.i18n.getMessage('contextMenuOpen') || 'Share to Protect: open guidance',
            contexts: ['editable'],
          },
          () => {
            const error = browser.runtime.lastError;
            if (error) console.warn('Share to Protect: could not add the context menu item:', error.message);
          },
        );
      })
      .catch((error: unknown) => console.warn('Share to Protect: could not reset the context menu:', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === contextMenuId && tab?.id !== undefined) sendOrWarn(tab.id, 'open-sidebar');
  });
}

function sendOrWarn(tabId: number, type: 'toggle-sidebar' | 'open-sidebar'): void {
  sendToTab(tabId, { type }).catch((error: unknown) => console.warn(`Share to Protect: could not ${type} in tab ${tabId}:`, error));
}
