import type { Transaction } from 'dexie';

/**
 * Version 2: indexes for the options page's filters. The table is filtered by date range plus at
 * most one of concern, kind or system and shown newest first, so each of those gets a compound
 * index ending in `at` (one index walk gives the filter, the date range and the order). Severity
 * has only three values and is applied on top; `noteKey`, `ruleId` and `origin` are never
 * queried, so they are not indexed.
 */
export const v2Stores = { events: 'id, at, [concern+at], [kind+at], [systemId+at]' } as const;

/**
 * Records are unchanged: IndexedDB builds the new indexes from the stored events itself. The
 * upgrade checks that every event is still reachable through the time index (the options page,
 * export and retention all walk it) and otherwise throws, which aborts the upgrade so version 1
 * and all its data stay exactly as they were.
 */
export async function upgradeToV2(transaction: Transaction): Promise<void> {
  const events = transaction.table('events');
  const before = await events.count();
  const indexed = await events.orderBy('at').count();
  if (indexed !== before) {
    throw new Error(`Log upgrade to version 2 found ${before} events but ${indexed} by time; the upgrade was abandoned.`);
  }
}
