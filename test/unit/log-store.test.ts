import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { recentEvents, recordEvent } from '../../log/store.ts';

const base = {
  at: '2026-11-26T10:00:00.000Z',
  kind: 'shown',
  ruleId: 'r',
  packId: 'p',
  packVersion: '1.0.0',
  concern: 'neglect',
  severity: 'info',
  systemId: 'generic',
  origin: 'http://127.0.0.1:8080',
  noteKey: '9b2a8f5e-7d1c-4e0a-9f3b-2c6d8e1a4b5c',
} as const;

describe('prompt log store', () => {
  it('stores an event once, however often it is retried', async () => {
    const db = new PromptLogDb(`t-${crypto.randomUUID()}`);
    const event = { ...base, id: crypto.randomUUID() };
    expect(await recordEvent(db, event)).toBe('stored');
    expect(await recordEvent(db, event)).toBe('duplicate');
    expect(await db.events.count()).toBe(1);
  });

  it('refuses an event with unknown fields or wrong types', async () => {
    const db = new PromptLogDb(`t-${crypto.randomUUID()}`);
    await expect(recordEvent(db, { ...base, id: crypto.randomUUID(), text: 'x' })).rejects.toThrow();
    await expect(recordEvent(db, { ...base, id: 'not-a-uuid' })).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
  });

  it('pages newest first', async () => {
    const db = new PromptLogDb(`t-${crypto.randomUUID()}`);
    for (let i = 0; i < 5; i++) await recordEvent(db, { ...base, id: crypto.randomUUID(), at: `2026-11-2${i}T10:00:00.000Z` });
    expect((await recentEvents(db, 2)).map((e) => e.at)).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-23T10:00:00.000Z']);
  });
});
