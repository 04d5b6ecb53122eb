import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PromptLogDb, promptLogSchemaVersion } from '../../log/db.ts';
import { PromptEventSchema, type PromptEvent } from '../../log/event.ts';
import { v1Stores } from '../../log/migrations/v1.ts';
import { countEvents, pageOfEvents } from '../../log/query.ts';
import v1Example from '../../log/migrations/examples/v1-events.json';
import { manyEvents } from './log-events.ts';

/** Writes `events` into a database laid out exactly as release version 1 made it. */
async function seedVersion1(name: string, events: unknown[]): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(v1Stores);
  await old.table('events').bulkAdd(events);
  old.close();
}

describe('prompt log migrations', () => {
  it('the frozen version 1 example is valid version 1 data', () => {
    expect(v1Example.schemaVersion).toBe(1);
    expect(v1Example.stores).toEqual(v1Stores);
    for (const event of v1Example.events) expect(PromptEventSchema.safeParse(event).success).toBe(true);
  });

  it('upgrades the frozen version 1 example to the current version with every event intact', async () => {
    const name = `m-${crypto.randomUUID()}`;
    await seedVersion1(name, v1Example.events);
    const db = new PromptLogDb(name);
    await db.open();
    expect(db.verno).toBe(promptLogSchemaVersion);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await db.events.toArray()).sort(byId)).toEqual([...v1Example.events].sort(byId));
    // The new indexes answer the filters over the old data.
    expect(await db.events.where('[concern+at]').between(['fgm', Dexie.minKey], ['fgm', Dexie.maxKey]).count()).toBe(1);
    expect(await countEvents(db, { systemId: 'mosaic' })).toBe(2);
    expect((await pageOfEvents(db, { kind: 'responded' }, 10)).map((e) => e.response)).toEqual(['seeking-advice']);
    db.close();
  });

  it('upgrades 100,000 version 1 events with nothing lost', { timeout: 240_000 }, async () => {
    const name = `m-${crypto.randomUUID()}`;
    const events = [...v1Example.events, ...manyEvents(100_000)] as PromptEvent[];
    await seedVersion1(name, events);
    const db = new PromptLogDb(name);
    await db.open();
    expect(await db.events.count()).toBe(events.length);
    const stored = new Set(await db.events.toCollection().primaryKeys());
    expect(events.every((event) => stored.has(event.id))).toBe(true);
    // Each filter index holds every event once.
    for (const index of ['at', '[concern+at]', '[kind+at]', '[systemId+at]']) {
      expect(await db.events.orderBy(index).count(), index).toBe(events.length);
    }
    const sample = events[50_000]!;
    expect(await db.events.get(sample.id)).toEqual(sample);
    db.close();
  });

  it('leaves version 1 data untouched when an upgrade cannot complete', async () => {
    const name = `m-${crypto.randomUUID()}`;
    // An event without a time cannot be reached by the time index the log pages through.
    await seedVersion1(name, [...v1Example.events, { ...v1Example.events[0], id: crypto.randomUUID(), at: undefined }]);
    const db = new PromptLogDb(name);
    await expect(db.open()).rejects.toThrow(/upgrade/i);
    const old = new Dexie(name);
    old.version(1).stores(v1Stores);
    await old.open();
    expect(old.verno).toBe(1);
    expect(await old.table('events').count()).toBe(v1Example.events.length + 1);
    old.close();
  });
});
