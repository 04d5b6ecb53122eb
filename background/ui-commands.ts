import { browser } from 'wxt/browser';
import { sendToTab } from './tabs.ts';

const contextMenuId = 'share-to-protect-open';

/**
 * The ways a worker opens the sidebar on demand: the toolbar button, the keyboard shortcut
 * (re-bindable at chrome://extensions/shortcuts) and the context menu on an editable field.
 */
export function wireSidebarTriggers(): void {
  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void sendToTab(tab.id, { type: 'toggle-sidebar' });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) void sendToTab(tab.id, { type: 'toggle-sidebar' });
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: contextMenuId,
      title: browser.i18n.getMessage('contextMenuOpen') || 'Share to Protect: open guidance',
      contexts: ['editable'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === contextMenuId && tab?.id !== undefined) void sendToTab(tab.id, { type: 'open-sidebar' });
  });
}
