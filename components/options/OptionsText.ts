import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { optionsTranslator, type OptionsMessageKey } from '../../i18n/options.ts';
import { intlLocales, type Translate, type UiLocale } from '../../i18n/t.ts';

/**
 * Words, numbers and dates on the options page, in the language in force. One object built per
 * language and handed down by context, so every component re-renders in a new language at once
 * when the worker (or a policy push) changes it.
 */
export interface OptionsText {
  locale: UiLocale;
  t: Translate<OptionsMessageKey>;
  /** A count with the locale's grouping (12,345). */
  number: (value: number) => string;
  /** A logged time, to the second, in the browser's time zone: 03/11/2026, 08:05:09. */
  dateTime: (iso: string) => string;
  /** A `YYYY-MM-DD` day (a UTC week start from log/weekly.ts): 03/11, or 03/11/2026. */
  day: (isoDay: string, style: 'dayMonth' | 'date') => string;
  /**
   * `one` for exactly 1, else `other`; both get the count as $1. Welsh has six plural forms, but
   * the catalogue's "$1 o ..." phrasing (as in the sidebar's messages) reads right for every count but one.
   */
  count: (value: number, one: OptionsMessageKey, other: OptionsMessageKey, ...more: (string | number)[]) => string;
}

export function optionsText(locale: UiLocale): OptionsText {
  const tags = intlLocales(locale);
  const t = optionsTranslator(locale);
  const numbers = new Intl.NumberFormat(tags);
  // Numeric fields only, spelled out: no month names, which would be English where Welsh is
  // missing (see intlLocales), and the same pattern whether or not the browser has Welsh.
  const numericDay = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  const times = new Intl.DateTimeFormat(tags, { ...numericDay, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  // Week starts are UTC midnights: shown in UTC so a browser west of Greenwich does not show Sunday.
  const days = {
    dayMonth: new Intl.DateTimeFormat(tags, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }),
    date: new Intl.DateTimeFormat(tags, { ...numericDay, timeZone: 'UTC' }),
  };
  const number = (value: number) => numbers.format(value);
  return {
    locale,
    t,
    number,
    dateTime: (iso) => times.format(new Date(iso)),
    day: (isoDay, style) => days[style].format(new Date(`${isoDay}T00:00:00Z`)),
    count: (value, one, other, ...more) => t(value === 1 ? one : other, number(value), ...more),
  };
}

/** English until the page's provider says otherwise, so a component rendered alone still has words. */
export const OptionsTextContext = createContext<OptionsText>(optionsText('en'));

export function useOptionsText(): OptionsText {
  return useContext(OptionsTextContext);
}
