import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { Jurisdiction, Settings } from '../../policy/settings.ts';

/**
 * Catalogue keys of the names of settings as an administrator or worker reads them on the options
 * page. Typed by the settings schema, so a new setting cannot be added without a name.
 */
export const settingLabelKeys: Record<keyof Settings, OptionsMessageKey> = {
  jurisdiction: 'options_setting_jurisdiction',
  disabledRules: 'options_setting_disabledRules',
  sites: 'options_setting_sites',
  contacts: 'options_setting_contacts',
  logRetentionDays: 'options_setting_logRetentionDays',
  allowSnooze: 'options_setting_allowSnooze',
  allowLogExport: 'options_setting_allowLogExport',
  allowLogClear: 'options_setting_allowLogClear',
  locale: 'options_setting_locale',
  maxPromptsPerNote: 'options_setting_maxPromptsPerNote',
};

/** A locked setting's name; the status lists keys as plain strings, so an unknown one shows as it is. */
export function settingLabelKey(key: string): OptionsMessageKey | undefined {
  return Object.hasOwn(settingLabelKeys, key) ? settingLabelKeys[key as keyof Settings] : undefined;
}

export const jurisdictionLabelKeys: Record<Jurisdiction, OptionsMessageKey> = {
  england: 'options_jurisdiction_england',
  wales: 'options_jurisdiction_wales',
  scotland: 'options_jurisdiction_scotland',
  'northern-ireland': 'options_jurisdiction_northern_ireland',
};

/**
 * Each language is also named in itself (see the catalogues), so a worker who picked the wrong one
 * by mistake can still find their own.
 */
export const localeLabelKeys: Record<Settings['locale'], OptionsMessageKey> = {
  auto: 'options_locale_auto',
  en: 'options_locale_en',
  cy: 'options_locale_cy',
};
