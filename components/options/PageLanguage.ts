import { useEffect, useState } from 'preact/hooks';
import { optionsTranslator } from '../../i18n/options.ts';
import { chooseLocale, type UiLocale } from '../../i18n/t.ts';
import type { Settings } from '../../policy/settings.ts';

/** What the hook needs of the page's window, so a test can pass its own. */
export type PageWindow = Pick<Window, 'navigator' | 'document' | 'addEventListener' | 'removeEventListener'>;

/**
 * The options page's language: the locale setting in force (the worker's choice, or the
 * administrator's when policy locks it), 'auto' following the browser's language. Sets
 * `<html lang>` (screen readers pick their voice from it) and the tab title to match.
 */
export function usePageLanguage(setting: Settings['locale'], page: PageWindow = window): UiLocale {
  const [browserLanguage, setBrowserLanguage] = useState(() => page.navigator.language);
  // 'auto' must follow a change of the browser's language made while the page is open.
  useEffect(() => {
    const onLanguageChange = () => setBrowserLanguage(page.navigator.language);
    page.addEventListener('languagechange', onLanguageChange);
    return () => page.removeEventListener('languagechange', onLanguageChange);
  }, [page]);

  const locale = chooseLocale(setting, browserLanguage);
  useEffect(() => {
    page.document.documentElement.lang = locale;
    page.document.title = optionsTranslator(locale)('options_pageTitle');
  }, [page, locale]);
  return locale;
}
