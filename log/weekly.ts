import type { PromptLogDb } from './db.ts';

/** Prompts shown per week, by concern, for the chart on the options page. */
export interface WeeklyCounts {
  /** Monday of each week (UTC), oldest first, `YYYY-MM-DD`. */
  weeks: string[];
  /** Concern → count per week, aligned with `weeks`. */
  byConcern: Map<string, number[]>;
}

const dayMs = 86_400_000;

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: Date): Date {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * dayMs);
}

/**
 * Counts `shown` events over the last `weekCount` weeks up to `now`. Each week is its own range of
 * the `[kind+at]` index, all asked for at once (as the export reads the store, `log/query.ts`), so
 * each event's week is known from its range without parsing its time.
 */
export async function weeklyCounts(db: PromptLogDb, weekCount: number, now = new Date()): Promise<WeeklyCounts> {
  const first = new Date(weekStart(now).getTime() - (weekCount - 1) * 7 * dayMs);
  const starts = Array.from({ length: weekCount + 1 }, (_, i) => new Date(first.getTime() + i * 7 * dayMs).toISOString());
  const weeks = starts.slice(0, weekCount).map((start) => start.slice(0, 10));
  const byConcern = new Map<string, number[]>();
  const shownByWeek = await Promise.all(
    weeks.map((_, week) => db.events.where('[kind+at]').between(['shown', starts[week]!], ['shown', starts[week + 1]!], true, false).toArray()),
  );
  shownByWeek.forEach((events, week) => {
    for (const event of events) {
      let counts = byConcern.get(event.concern);
      if (!counts) byConcern.set(event.concern, (counts = new Array<number>(weekCount).fill(0)));
      counts[week] = (counts[week] ?? 0) + 1;
    }
  });
  return { weeks, byConcern };
}
