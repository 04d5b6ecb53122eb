import en from '../public/_locales/en/messages.json';
import cy from '../public/_locales/cy/messages.json';

/**
 * UI strings in English and Welsh. The browser's own i18n cannot switch language at run time,
 * and an administrator may set the language by policy, so both catalogues ship in the bundle and
 * this picks one. A key missing from Welsh falls back to English rather than showing nothing.
 * These are the catalogues the manifest, the content script and the sidebar need; the options
 * page's own strings are in i18n/options/, so the content script, loaded on every page of every
 * case system, does not carry them (i18n/options.ts).
 */
export type MessageKey = keyof typeof en;
export type UiLocale = 'en' | 'cy';

type Catalogue = Record<string, { message: string } | undefined>;
/** One catalogue per UI language, in the `{ key: { message, description? } }` shape of _locales. */
export type Catalogues = Record<UiLocale, Catalogue>;
export const baseCatalogues: Catalogues = { en, cy };

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

export type Translate<Key extends string = MessageKey> = (key: Key, ...substitutions: (string | number)[]) => string;

/**
 * A translator over sets of catalogues, searched in order: the key in the locale's catalogue of
 * each set, then in the English one of each. `$1`, `$2`… take the substitutions.
 */
export function translatorFor<Key extends string>(locale: UiLocale, ...sets: Catalogues[]): Translate<Key> {
  const find = (language: UiLocale, key: Key): string | undefined => {
    for (const set of sets) {
      const message = set[language][key]?.message;
      if (message !== undefined) return message;
    }
    return undefined;
  };
  return (key, ...substitutions) => {
    // A key missing from all (a stale build, a typo cast past the types) shows its name rather
    // than throwing inside a render.
    const template = find(locale, key) ?? find('en', key) ?? key;
    return template.replace(/\$(\d)/g, (whole, index: string) => String(substitutions[Number(index) - 1] ?? whole));
  };
}

export function translator(locale: UiLocale): Translate {
  return translatorFor(locale, baseCatalogues);
}
