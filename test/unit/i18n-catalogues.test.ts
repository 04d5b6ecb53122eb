import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import cy from '../../public/_locales/cy/messages.json';
import { optionsText } from '../../components/options/OptionsText.ts';
import { intlLocales } from '../../i18n/t.ts';

const root = resolve(import.meta.dirname, '../..');

/** Every .ts/.tsx source under a folder, with its path relative to the repository. */
function sources(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ path: `${folder}/${name}`, text: readFileSync(join(root, folder, name), 'utf8') }));
}

/** Keys a source names: `t('key')` calls, and options_ keys kept in tables (SettingsLabels.ts, LogTable's columns). */
function keysNamed(text: string): string[] {
  const calls = [...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const tabled = [...text.matchAll(/['"](options_[A-Za-z0-9_]+)['"]/g)].map((m) => m[1]!);
  return [...calls, ...tabled];
}

describe('message catalogues', () => {
  it('have the same keys in English and Welsh', () => {
    const english = Object.keys(en).sort();
    const welsh = Object.keys(cy).sort();
    expect(welsh.filter((key) => !english.includes(key)), 'only in Welsh').toEqual([]);
    expect(english.filter((key) => !welsh.includes(key)), 'only in English').toEqual([]);
  });

  it('have a non-empty message for every key, with the same placeholders in both', () => {
    const welsh: Record<string, { message: string } | undefined> = cy;
    for (const [key, { message }] of Object.entries(en)) {
      expect(message.trim(), `English ${key}`).not.toBe('');
      expect(welsh[key]?.message.trim(), `Welsh ${key}`).not.toBe('');
      expect(welsh[key]?.message.match(/\$\d/g)?.sort(), `placeholders of ${key}`).toEqual(message.match(/\$\d/g)?.sort());
    }
  });

  it('have every key that components/ names', () => {
    const known = new Set(Object.keys(en));
    const missing = sources('components').flatMap(({ path, text }) => keysNamed(text).filter((key) => !known.has(key)).map((key) => `${path}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('have no options_ key that nothing uses', () => {
    const used = new Set(sources('components').flatMap(({ text }) => keysNamed(text)));
    expect(Object.keys(en).filter((key) => key.startsWith('options_') && !used.has(key))).toEqual([]);
  });
});

describe('options page text', () => {
  // Week starts are UTC days (log/weekly.ts): the same day whatever the machine's time zone.
  it.each([
    { locale: 'en', heading: 'Your settings', one: '1 event', many: '12,345 events', exported: 'Exported 1 event as CSV (log.csv).', day: '23/11/2026' },
    { locale: 'cy', heading: 'Eich gosodiadau', one: '1 digwyddiad', many: '12,345 o ddigwyddiadau', exported: 'Allforiwyd 1 digwyddiad fel CSV (log.csv).', day: '23/11/2026' },
  ] as const)('has words, counts and dates in $locale', ({ locale, heading, one, many, exported, day }) => {
    const text = optionsText(locale);
    expect(text.t('options_settings_heading')).toBe(heading);
    expect(text.count(1, 'options_log_total_one', 'options_log_total')).toBe(one);
    expect(text.count(12_345, 'options_log_total_one', 'options_log_total')).toBe(many);
    expect(text.count(1, 'options_export_done_one', 'options_export_done', 'CSV', 'log.csv')).toBe(exported);
    expect(text.day('2026-11-23', 'date')).toBe(day);
    expect(text.day('2026-11-02', 'dayMonth')).toBe('02/11');
    expect(text.dateTime('2026-11-03T08:05:09Z')).toMatch(/^\d\d\/\d\d\/\d{4}, \d\d:\d\d:09$/);
  });

  it('keeps Welsh dates day first where the browser has no Welsh (Chromium), not in its own locale', () => {
    expect(intlLocales('cy')).toEqual(['cy-GB', 'en-GB']);
    expect(intlLocales('en')).toEqual(['en-GB']);
  });

  it('puts the count first in a plural message', () => {
    expect(optionsText('en').count(3, 'options_export_done_one', 'options_export_done', 'JSON', 'log.json')).toBe('Exported 3 events as JSON (log.json).');
  });
});
