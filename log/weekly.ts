import type { PromptLogDb } from './db.ts';
import { eventsInPages } from './query.ts';

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

/** Counts `shown` events over the last `weekCount` weeks up to `now`. */
export async function weeklyCounts(db: PromptLogDb, weekCount: number, now = new Date()): Promise<WeeklyCounts> {
  const first = new Date(weekStart(now).getTime() - (weekCount - 1) * 7 * dayMs);
  const weeks = Array.from({ length: weekCount }, (_, i) => new Date(first.getTime() + i * 7 * dayMs).toISOString().slice(0, 10));
  const byConcern = new Map<string, number[]>();
  for await (const page of eventsInPages(db, { kind: 'shown', from: first.toISOString() })) {
    for (const event of page) {
      const week = Math.floor((Date.parse(event.at) - first.getTime()) / (7 * dayMs));
      if (week < 0 || week >= weekCount) continue;
      let counts = byConcern.get(event.concern);
      if (!counts) byConcern.set(event.concern, (counts = new Array<number>(weekCount).fill(0)));
      counts[week] = (counts[week] ?? 0) + 1;
    }
  }
  return { weeks, byConcern };
}
