import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { requestBackground } from '../messaging/client.ts';
import { TabMessageSchema } from '../messaging/protocol.ts';
import { parseMessage } from '../messaging/receive.ts';
import { pageOrigin } from './origin.ts';
import { CaseNoteSession } from './session.ts';

/**
 * Wires one frame's case-note session to the extension: state from the background, events to
 * it, sidebar commands from it. Errors stay here: nothing is thrown into the host page.
 */
export async function startCaseNote(ctx: ContentScriptContext, systemId: string): Promise<void> {
  const session = new CaseNoteSession({
    window,
    signal: ctx.signal,
    systemId,
    origin: pageOrigin(location),
    logEvent: async (event) => {
      await requestBackground({ type: 'log-event', event });
    },
    openOptions: () => void requestBackground({ type: 'open-options' }).catch(warn),
  });
  ctx.onInvalidated(() => session.destroy());

  browser.runtime.onMessage.addListener((raw) => {
    const message = parseMessage(TabMessageSchema, raw, 'the background');
    if (!message) return;
    switch (message.type) {
      case 'state-changed':
        session.applyState(message.state);
        break;
      case 'toggle-sidebar':
        session.toggleSidebar(true);
        break;
      case 'open-sidebar':
        session.openSidebar(true);
        break;
    }
  });

  session.applyState(await requestBackground({ type: 'get-state' }));
}

function warn(error: unknown): void {
  console.warn('Share to Protect:', error);
}
