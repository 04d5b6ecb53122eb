import { z } from '../validation/zod.ts';
import { SettingsSchema, type Settings } from './settings.ts';

/**
 * The settings a worker may choose for themselves on the options page, when their administrator
 * has not set them. Permissions (snooze, export, clearing the log), sites, contacts and switched
 * off rules are the organisation's to decide, so they are not here.
 */
export const UserSettingsSchema = z.partial(
  z.pick(SettingsSchema, {
    jurisdiction: true,
    locale: true,
    maxPromptsPerNote: true,
    logRetentionDays: true,
  }),
);

export type UserSettings = z.infer<typeof UserSettingsSchema>;
export type UserSettingKey = keyof UserSettings;
export const userSettingKeys = Object.keys(UserSettingsSchema.shape) as UserSettingKey[];

/** storage.local key. Only settings live here: never note text. */
export const userSettingsKey = 'userSettings';

/**
 * Reads what the worker saved, keeping each valid value: a value that no longer fits (a
 * setting narrowed by an update) is dropped on its own with a warning, not the whole lot.
 */
export function readUserSettings(stored: unknown): UserSettings {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, unknown> = {};
  for (const key of userSettingKeys) {
    const value = (stored as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = UserSettingsSchema.shape[key].safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else console.warn(`Share to Protect: ignored your saved "${key}" setting: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return out as UserSettings;
}

export type { Settings };
