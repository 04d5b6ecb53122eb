import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { LogProblems } from '../../log/problems.ts';
import { recentEvents, recordEvent, RefusedEventError } from '../../log/store.ts';
import { logEvent } from './log-events.ts';

const freshDb = () => new PromptLogDb(`t-${crypto.randomUUID()}`);

afterEach(() => vi.restoreAllMocks());

describe('prompt log store', () => {
  it('stores an event once, however often it is retried', async () => {
    const db = freshDb();
    const event = logEvent();
    expect(await recordEvent(db, event)).toBe('stored');
    expect(await recordEvent(db, event)).toBe('duplicate');
    expect(await recordEvent(db, { ...event, kind: 'opened' })).toBe('duplicate');
    expect(await db.events.toArray()).toEqual([event]);
  });

  it('refuses an event with unknown fields or wrong types, names the fields, never echoes values', async () => {
    const db = freshDb();
    const problems = new LogProblems();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await recordEvent(db, logEvent({ id: crypto.randomUUID() }));
    const secret = 'She told me her dad hit her';
    await expect(recordEvent(db, { ...logEvent(), text: secret }, problems)).rejects.toThrow(RefusedEventError);
    await expect(recordEvent(db, { ...logEvent(), id: 'not-a-uuid' }, problems)).rejects.toThrow(/id/);
    await expect(recordEvent(db, { ...logEvent(), origin: 'https://example.org/case/123' }, problems)).rejects.toThrow(/origin/);
    expect(await db.events.count()).toBe(1);
    expect(problems.list().map((p) => p.kind)).toEqual(['refused-event', 'refused-event', 'refused-event']);
    expect(JSON.stringify([problems.list(), warn.mock.calls])).not.toContain(secret);
    expect(warn).toHaveBeenCalled();
  });

  it('reports a full disk clearly and keeps what was stored', async () => {
    const db = freshDb();
    const problems = new LogProblems();
    const kept = logEvent();
    await recordEvent(db, kept);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(db.events, 'add').mockRejectedValueOnce(new Dexie.QuotaExceededError('quota'));
    await expect(recordEvent(db, logEvent(), problems)).rejects.toThrow(/out of storage space/);
    expect(problems.list()[0]?.kind).toBe('disk-full');
    expect(await db.events.toArray()).toEqual([kept]);
  });

  it('reports a database it cannot open', async () => {
    const db = freshDb();
    const problems = new LogProblems();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(db.events, 'add').mockRejectedValueOnce(new Dexie.OpenFailedError('corrupt'));
    await expect(recordEvent(db, logEvent(), problems)).rejects.toThrow(/could not be used/);
    expect(problems.list()[0]?.kind).toBe('database-unavailable');
  });

  it('pages newest first', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await recordEvent(db, logEvent({ at: `2026-11-2${i}T10:00:00.000Z` }));
    expect((await recentEvents(db, 2)).map((e) => e.at)).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-23T10:00:00.000Z']);
  });
});
