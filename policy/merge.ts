import { defaultSettings, type Settings } from './settings.ts';
import { isSettingKey, settingKeys, type ManagedPolicy, type PolicyKey, type SettingKey } from './managed-schema.ts';
import type { UserSettings } from './user-settings.ts';

/** The last policy values that passed their checks, per setting (persisted between restarts). */
export type LastGoodSettings = Partial<Settings>;

export interface MergedSettings {
  settings: Settings;
  /** Settings the administrator set: the worker cannot change these. */
  locked: SettingKey[];
  /** What to remember as last good now. */
  lastGood: LastGoodSettings;
}

/**
 * Policy wins over the worker's choice, which wins over the defaults. A setting the policy sets
 * but got wrong keeps its last good policy value; failing that, the policy had no say. A setting
 * the policy no longer mentions is released, and its last good value forgotten.
 */
export function mergeSettings(
  policy: ManagedPolicy,
  present: readonly PolicyKey[],
  user: UserSettings,
  previous: LastGoodSettings,
): MergedSettings {
  const settings: Record<string, unknown> = { ...defaultSettings };
  const lastGood: Record<string, unknown> = {};
  const locked = present.filter(isSettingKey);
  for (const key of settingKeys) {
    const fromPolicy = locked.includes(key) ? (policy[key] ?? previous[key]) : undefined;
    if (fromPolicy !== undefined) lastGood[key] = fromPolicy;
    const fromUser = (user as Record<string, unknown>)[key];
    settings[key] = fromPolicy ?? fromUser ?? defaultSettings[key];
  }
  // Every key of Settings was filled from a value of its own type above.
  return { settings: settings as Settings, locked, lastGood: lastGood as LastGoodSettings };
}
