import Dexie from 'dexie';
import type { PromptLogDb } from './db.ts';
import { PromptEventSchema, type PromptEvent } from './event.ts';
import { describeWriteFailure } from './write-errors.ts';
import type { LogProblems } from './problems.ts';

export type RecordResult = 'stored' | 'duplicate';

/** An event that fails the schema: retrying cannot help, so the sender should drop it. */
export class RefusedEventError extends Error {
  override name = 'RefusedEventError';
}

/** Reasons by field path only: a value could hold anything, even text, so it is never echoed. */
function refusalReasons(candidate: unknown): string | undefined {
  const result = PromptEventSchema.safeParse(candidate);
  if (result.success) return undefined;
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`).join('; ');
}

/**
 * Stores one event exactly once. Senders retry with the same id while the service worker
 * restarts, so a second copy is expected and ignored rather than overwriting the first.
 *
 * A refused or failed write is noted in `problems` (for the options page) and warned about on
 * the console, then thrown so the sender knows the event was not stored.
 */
export async function recordEvent(db: PromptLogDb, candidate: unknown, problems?: LogProblems): Promise<RecordResult> {
  const reasons = refusalReasons(candidate);
  if (reasons !== undefined) {
    const message = `A prompt event was refused because it does not match the log schema (${reasons}).`;
    problems?.note('refused-event', message);
    console.warn(`Share to Protect: ${message}`);
    throw new RefusedEventError(message);
  }
  const event: PromptEvent = PromptEventSchema.parse(candidate);
  try {
    await db.events.add(event);
    return 'stored';
  } catch (error) {
    if (error instanceof Dexie.ConstraintError) return 'duplicate';
    const failure = describeWriteFailure(error);
    problems?.note(failure.kind, failure.message);
    console.warn(`Share to Protect: ${failure.message}`, error);
    throw new Error(failure.message, { cause: error });
  }
}

/** Newest first, a page at a time. */
export async function recentEvents(db: PromptLogDb, limit = 50, offset = 0): Promise<PromptEvent[]> {
  return db.events.orderBy('at').reverse().offset(offset).limit(limit).toArray();
}
