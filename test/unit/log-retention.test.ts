import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { purgeExpired, retentionCutoff } from '../../log/retention.ts';
import { weeklyCounts, weekStart } from '../../log/weekly.ts';
import { logEvent, manyEvents } from './log-events.ts';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('prompt log retention', () => {
  it('deletes only events older than the retention period, in batches', async () => {
    const db = new PromptLogDb(`r-${crypto.randomUUID()}`);
    const events = manyEvents(3_000, now.getTime(), 365);
    await db.events.bulkAdd(events);
    const cutoff = retentionCutoff(180, now);
    const expired = events.filter((event) => event.at < cutoff).length;
    expect(expired).toBeGreaterThan(1000);
    expect(await purgeExpired(db, 180, now, 250)).toBe(expired);
    expect(await db.events.count()).toBe(events.length - expired);
    expect(await db.events.where('at').below(cutoff).count()).toBe(0);
    expect(await purgeExpired(db, 180, now)).toBe(0);
  });
});

describe('weekly prompt counts', () => {
  it('starts weeks on Monday (UTC)', () => {
    expect(weekStart(new Date('2026-11-26T12:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-22T23:59:59Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });

  it('counts prompts shown per week by concern, ignoring other kinds and older weeks', async () => {
    const db = new PromptLogDb(`w-${crypto.randomUUID()}`);
    await db.events.bulkAdd([
      logEvent({ at: '2026-11-24T09:00:00.000Z', concern: 'neglect' }),
      logEvent({ at: '2026-11-25T09:00:00.000Z', concern: 'neglect' }),
      logEvent({ at: '2026-11-25T09:00:00.000Z', concern: 'neglect', kind: 'opened' }),
      logEvent({ at: '2026-11-17T09:00:00.000Z', concern: 'fgm' }),
      logEvent({ at: '2026-01-01T09:00:00.000Z', concern: 'fgm' }),
    ]);
    const counts = await weeklyCounts(db, 4, now);
    expect(counts.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(counts.byConcern.get('neglect')).toEqual([0, 0, 0, 2]);
    expect(counts.byConcern.get('fgm')).toEqual([0, 0, 1, 0]);
  });
});
