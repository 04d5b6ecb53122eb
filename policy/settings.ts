import { z } from '../validation/zod.ts';
import { ItemIdSchema } from '../log/event.ts';
import { parseMatchPattern } from '../detect/match-pattern.ts';

/**
 * The settings in force for a worker: what an administrator sets by managed policy wins over what
 * the worker chose, which wins over these defaults.
 */

export const JurisdictionSchema = z.enum(['england', 'wales', 'scotland', 'northern-ireland']);

export const ContactSchema = z.strictObject({
  category: ItemIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  phone: z.optional(z.string().check(z.maxLength(40))),
  email: z.optional(z.email().check(z.maxLength(200))),
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  lastVerified: z.optional(z.iso.date()),
});

/**
 * Checked as the browser would: one pattern it refuses makes `registerContentScripts` refuse the
 * whole list, so a bad one is reported here, with why, rather than silently turning sites off.
 */
const MatchPatternSchema = z.string().check(
  z.minLength(1),
  z.maxLength(500),
  z.superRefine((pattern, ctx) => {
    const parsed = parseMatchPattern(pattern);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  }),
);

export const SiteSchema = z.strictObject({
  matches: z.array(MatchPatternSchema).check(z.minLength(1), z.maxLength(50)),
  fieldSelectors: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(20))),
  systemId: z.optional(ItemIdSchema),
});

export const SettingsSchema = z.object({
  jurisdiction: JurisdictionSchema,
  disabledRules: z.array(ItemIdSchema).check(z.maxLength(1000)),
  sites: z.array(SiteSchema).check(z.maxLength(200)),
  contacts: z.array(ContactSchema).check(z.maxLength(200)),
  logRetentionDays: z.int().check(z.minimum(1), z.maximum(3650)),
  allowSnooze: z.boolean(),
  allowLogExport: z.boolean(),
  allowLogClear: z.boolean(),
  locale: z.enum(['auto', 'en', 'cy']),
  maxPromptsPerNote: z.int().check(z.minimum(1), z.maximum(50)),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type SiteEntry = z.infer<typeof SiteSchema>;

export const defaultSettings: Settings = {
  jurisdiction: 'england',
  disabledRules: [],
  sites: [],
  contacts: [],
  logRetentionDays: 180,
  allowSnooze: true,
  allowLogExport: true,
  allowLogClear: true,
  locale: 'auto',
  maxPromptsPerNote: 5,
};
