import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { requestBackground } from '../messaging/client.ts';
import { TabMessageSchema } from '../messaging/protocol.ts';
import { parseMessage } from '../messaging/receive.ts';
import { detectionProfile, type DetectionProfile } from '../detect/profile.ts';
import type { SiteEntry } from '../policy/settings.ts';
import { EventOutbox } from './event-outbox.ts';
import { handledByParentFrame } from './frames.ts';
import { pageOrigin } from './origin.ts';
import { CaseNoteSession } from './session.ts';

/**
 * Wires one frame's case-note session to the extension: state from the background, events to
 * it, sidebar commands from it. Errors stay here: nothing is thrown into the host page.
 */
export async function startCaseNote(ctx: ContentScriptContext, testBuild: boolean): Promise<void> {
  // A same-origin parent frame reads this frame's fields and shows their prompts itself.
  if (handledByParentFrame(window)) return;
  // A known system can also be listed by policy: the static and the registered script then both
  // run in this frame, in the same isolated world. Only the first starts a session.
  const started = globalThis as { shareToProtectStarted?: boolean };
  if (started.shareToProtectStarted) return;
  started.shareToProtectStarted = true;
  ctx.onInvalidated(() => {
    started.shareToProtectStarted = false;
  });

  // Holds events until the background acknowledges them, across service-worker restarts.
  const outbox = new EventOutbox({
    signal: ctx.signal,
    send: async (event) => {
      await requestBackground({ type: 'log-event', event });
    },
  });
  // Reaching here below the top means a cross-origin parent: this frame's sidebar would be
  // cramped and out of reach of the toolbar, so its prompts go to the top frame's (issue #4).
  const isChildFrame = window !== window.top;
  const session = new CaseNoteSession({
    window,
    signal: ctx.signal,
    profile: profileFor(new URL(location.href), testBuild),
    origin: pageOrigin(location),
    logEvent: async (event) => outbox.enqueue(event),
    openOptions: () => void requestBackground({ type: 'open-options' }).catch(warn),
    ...(isChildFrame
      ? { relayToTop: (request) => requestBackground(request) }
      : { sendFrameAction: (request) => requestBackground(request) }),
  });
  ctx.onInvalidated(() => session.destroy());

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only the extension's own background speaks to a content script (pages cannot, and another
    // frame's content script can reach this one only through the background's relay).
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
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
      case 'frame-prompts':
        if (!isChildFrame) session.showFramePrompts(message);
        break;
      case 'frame-action':
        if (isChildFrame) session.applyFrameAction(message);
        break;
    }
  });

  session.applyState(await requestBackground({ type: 'get-state' }));
}

/** The page's detection profile, worked out again only when the policy's site list changes. */
function profileFor(url: URL, testBuild: boolean): (sites: readonly SiteEntry[]) => DetectionProfile {
  let lastSites: readonly SiteEntry[] | undefined;
  let last: DetectionProfile | undefined;
  return (sites) => {
    if (!last || sites !== lastSites) {
      last = detectionProfile(url, sites, testBuild);
      lastSites = sites;
    }
    return last;
  };
}

function warn(error: unknown): void {
  console.warn('Share to Protect:', error);
}
