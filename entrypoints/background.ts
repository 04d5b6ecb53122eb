import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { wireActivation } from '../background/activation.ts';
import { ActiveStateHolder, bundledState } from '../background/active-state.ts';
import { startManagedPolicy } from '../background/policy-wiring.ts';
import { wireLogRetention } from '../background/retention.ts';
import { routeFrameRelay } from '../background/relay.ts';
import { routeMessage } from '../background/router.ts';
import { broadcast } from '../background/tabs.ts';
import { recordMessagesForTests } from '../background/test-recorder.ts';
import { wireSidebarTriggers } from '../background/ui-commands.ts';
import { PromptLogDb } from '../log/db.ts';
import { LogProblems } from '../log/problems.ts';
import type { UserSettings } from '../policy/user-settings.ts';

export default defineBackground(() => {
  if (import.meta.env.MODE === 'test') recordMessagesForTests(); // Test builds only: privacy e2e evidence.
  const db = new PromptLogDb();
  const bundled = bundledState();
  const state = new ActiveStateHolder(bundled);
  const policy = startManagedPolicy(state, bundled);
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const deps = {
    db,
    state,
    openOptions: () => browser.runtime.openOptionsPage(),
    status: () => policy.status(),
    saveUserSettings: (settings: UserSettings) => policy.saveUserSettings(settings),
    logProblems: new LogProblems(),
  };

  // Listeners are registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const reply = routeFrameRelay(raw, sender) ?? routeMessage(raw, sender, deps, extensionOrigin);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => {
      console.error('Share to Protect: request failed', error);
      sendResponse({ error: error instanceof Error ? error.message : String(error) });
    });
    return true;
  });
  state.onChange((next) => void broadcast({ type: 'state-changed', state: next }));
  wireSidebarTriggers();
  wireLogRetention(db, () => state.settled().then(() => state.current.settings.logRetentionDays));
  wireActivation(state);
});
