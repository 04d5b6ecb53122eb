import { browser } from 'wxt/browser';
import type { PromptLogDb } from '../log/db.ts';
import { purgeExpired } from '../log/retention.ts';

export const retentionAlarm = 'share-to-protect-log-retention';

/** Often enough that nothing outlives its retention by more than a few hours. */
const periodMinutes = 6 * 60;

/**
 * Purges events older than `settings.logRetentionDays` on an alarm, which survives the service
 * worker stopping (a timer would not). The alarm is created only if missing, so a restarting
 * worker does not keep pushing the next purge back. Listeners are added synchronously so the
 * alarm that wakes the worker is heard.
 */
export function wireLogRetention(db: PromptLogDb, retentionDays: () => number | Promise<number>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== retentionAlarm) return;
    void purgeNow(db, retentionDays);
  });
  void browser.alarms.get(retentionAlarm).then(
    (existing) => {
      if (!existing) return browser.alarms.create(retentionAlarm, { delayInMinutes: 1, periodInMinutes: periodMinutes });
    },
    (error: unknown) => console.warn('Share to Protect: could not schedule the log retention purge', error),
  );
}

async function purgeNow(db: PromptLogDb, retentionDays: () => number | Promise<number>): Promise<void> {
  try {
    const days = await retentionDays();
    const deleted = await purgeExpired(db, days);
    if (deleted > 0) console.info(`Share to Protect: removed ${deleted} log events older than ${days} days.`);
  } catch (error) {
    // The next alarm tries again; nothing is lost by waiting.
    console.warn('Share to Protect: the log retention purge failed; it will run again later.', error);
  }
}
