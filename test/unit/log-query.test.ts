import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { matchesFilter, type LogFilter } from '../../log/filter.ts';
import { countEvents, distinctValues, eventsInPages, pageOfEvents, planQuery } from '../../log/query.ts';
import { logEvent, manyEvents } from './log-events.ts';

async function seeded(events = manyEvents(2_000)) {
  const db = new PromptLogDb(`q-${crypto.randomUUID()}`);
  await db.events.bulkAdd(events);
  return { db, events };
}

const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => b.at.localeCompare(a.at);

describe('prompt log queries', () => {
  it('walks a compound index for one of concern, system or kind and checks the rest in memory', () => {
    expect(planQuery({})).toMatchObject({ index: 'at', prefix: undefined });
    expect(planQuery({ concern: 'neglect', severity: 'info' })).toMatchObject({
      index: '[concern+at]',
      prefix: 'neglect',
      residual: { severity: 'info' },
    });
    expect(planQuery({ kind: 'shown', systemId: 'lcs' })).toMatchObject({ index: '[systemId+at]', residual: { kind: 'shown' } });
  });

  const filters: LogFilter[] = [
    {},
    { concern: 'neglect' },
    { severity: 'critical' },
    { kind: 'responded', systemId: 'mosaic' },
    { from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', concern: 'physical-abuse', severity: 'warning' },
    { from: '2026-11-01T00:00:00.000Z' },
  ];

  it.each(filters)('pages and counts exactly the matching events, newest first: %o', async (filter) => {
    const { db, events } = await seeded();
    const expected = events.filter((event) => matchesFilter(event, filter)).sort(newestFirst);
    expect(await countEvents(db, filter)).toBe(expected.length);
    const second = await pageOfEvents(db, filter, 25, 1);
    expect(second.map((e) => e.at)).toEqual(expected.slice(25, 50).map((e) => e.at));
    const all: string[] = [];
    for await (const page of eventsInPages(db, filter, 97)) all.push(...page.map((e) => e.id));
    expect(all.sort()).toEqual(expected.map((e) => e.id).sort());
  });

  it('pages through many events sharing one time without skipping or repeating any', async () => {
    const sameTime = Array.from({ length: 23 }, () => logEvent({ at: '2026-11-01T00:00:00.000Z' }));
    const { db } = await seeded([...sameTime, logEvent({ at: '2026-11-02T00:00:00.000Z' })]);
    const ids: string[] = [];
    for await (const page of eventsInPages(db, {}, 5)) ids.push(...page.map((e) => e.id));
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
  });

  it('lists the distinct concerns, systems and kinds from the indexes', async () => {
    const { db } = await seeded(manyEvents(60));
    expect(await distinctValues(db, 'systemId')).toEqual(['lcs', 'mosaic']);
    expect(await distinctValues(db, 'concern')).toEqual(['domestic-abuse', 'emotional-abuse', 'neglect', 'physical-abuse', 'sexual-abuse']);
    expect(await distinctValues(db, 'kind')).toEqual(['opened', 'responded', 'shown', 'snoozed']);
  });
});
