import Dexie from 'dexie';
import type { PromptLogDb } from './db.ts';
import { PromptEventSchema, type PromptEvent } from './event.ts';

export type RecordResult = 'stored' | 'duplicate';

/**
 * Stores one event exactly once. Senders retry with the same id while the service worker
 * restarts, so a second copy is expected and ignored rather than overwriting the first.
 */
export async function recordEvent(db: PromptLogDb, candidate: unknown): Promise<RecordResult> {
  const event: PromptEvent = PromptEventSchema.parse(candidate);
  try {
    await db.events.add(event);
    return 'stored';
  } catch (error) {
    if (error instanceof Dexie.ConstraintError) return 'duplicate';
    throw error;
  }
}

/** Newest first, a page at a time. */
export async function recentEvents(db: PromptLogDb, limit = 50, offset = 0): Promise<PromptEvent[]> {
  return db.events.orderBy('at').reverse().offset(offset).limit(limit).toArray();
}
