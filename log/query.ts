import type { Collection, IndexableType, InsertType } from 'dexie';
import type { PromptLogDb } from './db.ts';
import type { PromptEvent } from './event.ts';
import { earliestTime, latestTime, matchesFilter, type LogFilter } from './filter.ts';

/**
 * How a filter is answered: which index to walk, between which keys, and whether anything is left
 * to check in memory. The compound `[x+at]` indexes (schema v2) answer one of concern, kind or
 * system together with the date range; whatever remains is checked per event.
 */
export interface QueryPlan {
  index: string;
  /** The fixed leading part of a compound key, or undefined for the plain `at` index. */
  prefix: string | undefined;
  from: string;
  to: string;
  /** Filters not answered by the index, checked per event. */
  residual: LogFilter;
}

export function planQuery(filter: LogFilter): QueryPlan {
  const from = filter.from ?? earliestTime;
  const to = filter.to ?? latestTime;
  const { from: _from, to: _to, ...rest } = filter;
  for (const field of ['concern', 'systemId', 'kind'] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    const { [field]: _used, ...residual } = rest;
    return { index: `[${field}+at]`, prefix: value, from, to, residual };
  }
  return { index: 'at', prefix: undefined, from, to, residual: rest };
}

/** The collections this module builds: events keyed by id, as `PromptLogDb.events` declares them. */
type EventCollection = Collection<PromptEvent, string, InsertType<PromptEvent, 'id'>>;

function key(plan: QueryPlan, at: string): IndexableType {
  return plan.prefix === undefined ? at : [plan.prefix, at];
}

function hasResidual(plan: QueryPlan): boolean {
  return Object.values(plan.residual).some((value) => value !== undefined);
}

/** The events of `plan` between two times (lower inclusive, upper exclusive), oldest first. */
function range(db: PromptLogDb, plan: QueryPlan, lower: string, upper: string, includeLower = true): EventCollection {
  return db.events.where(plan.index).between(key(plan, lower), key(plan, upper), includeLower, false);
}

function filtered(db: PromptLogDb, filter: LogFilter): EventCollection {
  const plan = planQuery(filter);
  const collection = range(db, plan, plan.from, plan.to);
  return hasResidual(plan) ? collection.filter((event) => matchesFilter(event, plan.residual)) : collection;
}

/** One page of the log, newest first. */
export function pageOfEvents(db: PromptLogDb, filter: LogFilter, pageSize: number, page: number): Promise<PromptEvent[]> {
  return filtered(db, filter).reverse().offset(page * pageSize).limit(pageSize).toArray();
}

/**
 * How many events match. Without a residual filter this is a count on the index (no records are
 * read), which keeps the first view quick however long the log is.
 */
export function countEvents(db: PromptLogDb, filter: LogFilter): Promise<number> {
  return filtered(db, filter).count();
}

/**
 * Every matching event, oldest first, a page at a time, each page read in one request (much
 * quicker than a cursor step per event). Pages follow on from the last time seen; events sharing
 * that exact time are told apart by id, so none is skipped or repeated.
 */
export async function* eventsInPages(db: PromptLogDb, filter: LogFilter, pageSize = 10_000): AsyncGenerator<PromptEvent[]> {
  const plan = planQuery(filter);
  const residual = hasResidual(plan);
  let lower = plan.from;
  let seenAtLower = new Set<string>();
  for (;;) {
    const rows = await range(db, plan, lower, plan.to).limit(pageSize + seenAtLower.size).toArray();
    const fresh = rows.filter((event) => !seenAtLower.has(event.id));
    if (fresh.length === 0) return;
    const page = residual ? fresh.filter((event) => matchesFilter(event, plan.residual)) : fresh;
    if (page.length > 0) yield page;
    const last = fresh[fresh.length - 1]!.at;
    const sameTime = fresh.filter((event) => event.at === last).map((event) => event.id);
    seenAtLower = last === lower ? new Set([...seenAtLower, ...sameTime]) : new Set(sameTime);
    lower = last;
    // Give the page a chance to paint between pages of a long export.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The distinct values of an indexed field, for the filter menus. Skips from one value to the
 * next along the compound index, reading one key per value, never the events themselves.
 */
export async function distinctValues(db: PromptLogDb, field: 'concern' | 'systemId' | 'kind'): Promise<string[]> {
  const values: string[] = [];
  let next = await db.events.orderBy(`[${field}+at]`).limit(1).keys();
  while (next.length > 0) {
    const compound = next[0];
    if (!Array.isArray(compound) || typeof compound[0] !== 'string') break;
    values.push(compound[0]);
    next = await db.events.where(`[${field}+at]`).above([compound[0], latestTime]).limit(1).keys();
  }
  return values;
}
