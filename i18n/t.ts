import en from '../public/_locales/en/messages.json';
import cy from '../public/_locales/cy/messages.json';

/**
 * UI strings in English and Welsh. The browser's own i18n cannot switch language at run time,
 * and an administrator may set the language by policy, so both catalogues ship in the bundle and
 * this picks one. A key missing from Welsh falls back to English rather than showing nothing.
 */
export type MessageKey = keyof typeof en;
export type UiLocale = 'en' | 'cy';

type Catalogue = Record<string, { message: string } | undefined>;
const catalogues: Record<UiLocale, Catalogue> = { en, cy };

export function chooseLocale(setting: 'auto' | UiLocale, browserLanguage: string): UiLocale {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

/**
 * The locales to hand Intl for dates and numbers in a UI language: en-GB / cy-GB rather than the
 * bare language, as the product is for UK workers, whose dates read day first. Chromium's ICU data
 * has no Welsh (`Intl.DateTimeFormat.supportedLocalesOf('cy')` is empty there), and Intl would then
 * fall back to the browser's own locale, often en-US; en-GB after cy-GB keeps dates day first.
 */
export function intlLocales(locale: UiLocale): string[] {
  return locale === 'cy' ? ['cy-GB', 'en-GB'] : ['en-GB'];
}

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export function translator(locale: UiLocale): Translate {
  return (key, ...substitutions) => {
    // A key missing from both (a stale build, a typo cast past the types) shows its name rather
    // than throwing inside a render.
    const template = catalogues[locale][key]?.message ?? catalogues.en[key]?.message ?? key;
    return template.replace(/\$(\d)/g, (whole, index: string) => String(substitutions[Number(index) - 1] ?? whole));
  };
}
