import { browser } from 'wxt/browser';
import type { ActiveState } from '../messaging/protocol.ts';
import { defaultFetchOptions } from '../policy/pack-source.ts';
import { userSettingsKey } from '../policy/user-settings.ts';
import type { ActiveStateHolder } from './active-state.ts';
import { packRefreshAlarm, PolicyController } from './policy-controller.ts';

/** storage.session key the options page watches to know the policy status changed. */
export const policyStatusKey = 'policyStatusChanged';

/**
 * Connects the policy controller to the browser. Listeners are registered synchronously so the
 * change event Chrome fires when it loads policy just after start-up is not missed; it and the
 * start-up read are both handled and coalesce into one run.
 */
export function startManagedPolicy(state: ActiveStateHolder, bundled: ActiveState): PolicyController {
  const controller = new PolicyController({
    state,
    bundled,
    managed: { get: () => browser.storage.managed.get() },
    local: { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) },
    fetchOptions: defaultFetchOptions(),
    scheduleRefresh: async (period) => {
      if (period === undefined) await browser.alarms.clear(packRefreshAlarm);
      else await browser.alarms.create(packRefreshAlarm, { periodInMinutes: period });
    },
    announceStatus: () => browser.storage.session.set({ [policyStatusKey]: Date.now() }),
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && userSettingsKey in changes)) void controller.refresh();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === packRefreshAlarm) void controller.retryDownload();
  });
  void controller.refresh();
  return controller;
}
