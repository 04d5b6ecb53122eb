import { z } from '../validation/zod.ts';
import { ResponseCode as PackResponseCode, Severity as PackSeverity } from '../rules/schema.ts';

/**
 * One entry in the log of prompts shown. Every field is an id, a code, a time or a number: the
 * schema has no room for free text, so note text cannot reach the log even by mistake.
 */

/** Ids from rule packs and adapters: short, lower-case, no spaces. */
export const ItemIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'expected a short lower-case id'));

// The log records the pack's own codes: one definition, in the rule pack schema.
export const SeveritySchema = PackSeverity;
export const ResponseCodeSchema = PackResponseCode;

export const EventKindSchema = z.enum([
  'shown',
  'opened',
  'responded',
  'snoozed',
  'decision-recorded',
  'source-opened',
]);

/** Scheme and host (and port) only: paths and queries can carry case ids. */
export const OriginSchema = z.string().check(
  z.maxLength(300),
  z.regex(/^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'expected scheme://host with no path'),
);

export const PromptEventSchema = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: EventKindSchema,
  ruleId: ItemIdSchema,
  packId: ItemIdSchema,
  packVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+(-[0-9a-z.-]+)?$/, 'expected a semantic version')),
  concern: ItemIdSchema,
  severity: SeveritySchema,
  systemId: ItemIdSchema,
  origin: OriginSchema,
  noteKey: z.uuid(),
  response: z.optional(ResponseCodeSchema),
});

export type PromptEvent = z.infer<typeof PromptEventSchema>;
export type EventKind = z.infer<typeof EventKindSchema>;
export type ResponseCode = z.infer<typeof ResponseCodeSchema>;
