import { z } from '../validation/zod.ts';
import { EventKindSchema, ItemIdSchema, SeveritySchema, type PromptEvent } from './event.ts';

/**
 * What the options page can filter the log by. Dates are ISO times; `from` is inclusive and `to`
 * exclusive, so a day's range is [midnight, next midnight).
 */
export const LogFilterSchema = z.strictObject({
  from: z.optional(z.iso.datetime()),
  to: z.optional(z.iso.datetime()),
  concern: z.optional(ItemIdSchema),
  severity: z.optional(SeveritySchema),
  kind: z.optional(EventKindSchema),
  systemId: z.optional(ItemIdSchema),
});

export type LogFilter = z.infer<typeof LogFilterSchema>;

/** Sorts before and after every ISO time, for open-ended ranges. */
export const earliestTime = '0000-01-01T00:00:00.000Z';
export const latestTime = '9999-12-31T23:59:59.999Z';

/** True when `event` passes every part of `filter` (used on top of the index walk). */
export function matchesFilter(event: PromptEvent, filter: LogFilter): boolean {
  return (
    (filter.from === undefined || event.at >= filter.from) &&
    (filter.to === undefined || event.at < filter.to) &&
    (filter.concern === undefined || event.concern === filter.concern) &&
    (filter.severity === undefined || event.severity === filter.severity) &&
    (filter.kind === undefined || event.kind === filter.kind) &&
    (filter.systemId === undefined || event.systemId === filter.systemId)
  );
}
