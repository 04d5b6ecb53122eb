import type { PromptLogDb } from './db.ts';

const dayMs = 86_400_000;

/** The oldest time kept when events are kept for `retentionDays`. */
export function retentionCutoff(retentionDays: number, now: Date): string {
  return new Date(now.getTime() - retentionDays * dayMs).toISOString();
}

/**
 * Deletes events older than the retention period, `batchSize` at a time, each batch in its own
 * short transaction with a pause between, so the options page's reads are never held up by one
 * long delete. Returns how many were deleted.
 */
export async function purgeExpired(db: PromptLogDb, retentionDays: number, now = new Date(), batchSize = 500): Promise<number> {
  const cutoff = retentionCutoff(retentionDays, now);
  let deleted = 0;
  for (;;) {
    const ids = await db.events.where('at').below(cutoff).limit(batchSize).primaryKeys();
    if (ids.length === 0) return deleted;
    await db.events.bulkDelete(ids);
    deleted += ids.length;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
