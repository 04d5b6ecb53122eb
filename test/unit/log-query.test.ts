import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { matchesFilter, type LogFilter } from '../../log/filter.ts';
import { boundaryOf, countEvents, distinctValues, eventsInPages, pageOfEvents, planQuery } from '../../log/query.ts';
import { logEvent, manyEvents } from './log-events.ts';

async function seeded(events = manyEvents(2_000)) {
  const db = new PromptLogDb(`q-${crypto.randomUUID()}`);
  await db.events.bulkAdd(events);
  return { db, events };
}

/** Newest first as the index orders them: by time, ties by id (both descending). */
const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

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
    const first = await pageOfEvents(db, filter, 25);
    expect(first.map((e) => e.id)).toEqual(expected.slice(0, 25).map((e) => e.id));
    const second = await pageOfEvents(db, filter, 25, boundaryOf(first));
    expect(second.map((e) => e.id)).toEqual(expected.slice(25, 50).map((e) => e.id));
    const all: string[] = [];
    for await (const page of eventsInPages(db, filter, 97)) all.push(...page.map((e) => e.id));
    expect(all.sort()).toEqual(expected.map((e) => e.id).sort());
  });

  // {} reads the whole store and sorts; a kind walks the [kind+at] index; a severity is checked on top.
  it.each<LogFilter>([{}, { kind: 'shown' }, { kind: 'shown', severity: 'warning' }])(
    'pages through many events sharing one time without skipping or repeating any, oldest first: %o',
    async (filter) => {
      const sameTime = Array.from({ length: 23 }, () => logEvent({ at: '2026-11-01T00:00:00.000Z' }));
      const { db } = await seeded([logEvent({ at: '2026-11-02T00:00:00.000Z' }), ...sameTime, logEvent({ at: '2026-10-02T00:00:00.000Z' })]);
      const ids: string[] = [];
      const ats: string[] = [];
      for await (const page of eventsInPages(db, filter, 5)) ids.push(...page.map((e) => e.id)), ats.push(...page.map((e) => e.at));
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);
      expect(ats).toEqual([...ats].sort());
    },
  );

  it('pages the table newest first through events sharing one time, without skipping or repeating any', async () => {
    const sameTime = Array.from({ length: 23 }, () => logEvent({ at: '2026-11-01T00:00:00.000Z', severity: 'critical' }));
    const { db, events } = await seeded([logEvent({ at: '2026-11-02T00:00:00.000Z' }), ...sameTime, logEvent({ at: '2026-10-02T00:00:00.000Z' })]);
    for (const filter of [{}, { severity: 'critical' }, { kind: 'shown' }] satisfies LogFilter[]) {
      const expected = events.filter((event) => matchesFilter(event, filter)).sort(newestFirst);
      const shown: string[] = [];
      let page = await pageOfEvents(db, filter, 4);
      while (page.length > 0) {
        shown.push(...page.map((e) => e.id));
        page = await pageOfEvents(db, filter, 4, boundaryOf(page));
      }
      expect(shown).toEqual(expected.map((e) => e.id));
    }
  });

  it('keeps an older page in place while new events arrive at the top', async () => {
    const { db } = await seeded(manyEvents(200));
    const first = await pageOfEvents(db, {}, 50);
    const second = await pageOfEvents(db, {}, 50, boundaryOf(first));
    await db.events.add(logEvent({ at: '2027-01-01T00:00:00.000Z' }));
    expect(await pageOfEvents(db, {}, 50, boundaryOf(first))).toEqual(second);
  });

  it('lists the distinct concerns, systems and kinds from the indexes', async () => {
    const { db } = await seeded(manyEvents(60));
    expect(await distinctValues(db, 'systemId')).toEqual(['lcs', 'mosaic']);
    expect(await distinctValues(db, 'concern')).toEqual(['domestic-abuse', 'emotional-abuse', 'neglect', 'physical-abuse', 'sexual-abuse']);
    expect(await distinctValues(db, 'kind')).toEqual(['opened', 'responded', 'shown', 'snoozed']);
  });
});
