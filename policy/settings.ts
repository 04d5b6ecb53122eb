import { z } from 'zod';
import { ItemIdSchema } from '../log/event.ts';
import { parseMatchPattern } from '../detect/match-pattern.ts';

/**
 * The settings in force for a worker: what an administrator sets by managed policy wins over what
 * the worker chose, which wins over these defaults.
 */

export const JurisdictionSchema = z.enum(['england', 'wales', 'scotland', 'northern-ireland']);

export const ContactSchema = z
  .object({
    category: ItemIdSchema,
    name: z.string().min(1).max(200),
    phone: z.string().max(40).optional(),
    email: z.email().max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(500).optional(),
    lastVerified: z.iso.date().optional(),
  })
  .strict();

/**
 * Checked as the browser would: one pattern it refuses makes `registerContentScripts` refuse the
 * whole list, so a bad one is reported here, with why, rather than silently turning sites off.
 */
const MatchPatternSchema = z
  .string()
  .min(1)
  .max(500)
  .superRefine((pattern, ctx) => {
    const parsed = parseMatchPattern(pattern);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });

export const SiteSchema = z
  .object({
    matches: z.array(MatchPatternSchema).min(1).max(50),
    fieldSelectors: z.array(z.string().min(1).max(300)).max(20).optional(),
    systemId: ItemIdSchema.optional(),
  })
  .strict();

export const SettingsSchema = z.object({
  jurisdiction: JurisdictionSchema,
  disabledRules: z.array(ItemIdSchema).max(1000),
  sites: z.array(SiteSchema).max(200),
  contacts: z.array(ContactSchema).max(200),
  logRetentionDays: z.number().int().min(1).max(3650),
  allowSnooze: z.boolean(),
  allowLogExport: z.boolean(),
  allowLogClear: z.boolean(),
  locale: z.enum(['auto', 'en', 'cy']),
  maxPromptsPerNote: z.number().int().min(1).max(50),
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
