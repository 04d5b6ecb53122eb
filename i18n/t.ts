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
 * The BCP 47 tag for dates and numbers in a UI language. Both are en-GB / cy-GB rather than the
 * bare language: the product is for UK workers, whose dates read day first.
 */
export function intlLocale(locale: UiLocale): 'en-GB' | 'cy-GB' {
  return locale === 'cy' ? 'cy-GB' : 'en-GB';
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
