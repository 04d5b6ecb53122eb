import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import cy from '../../public/_locales/cy/messages.json';
import optionsEn from '../../i18n/options/en.json';
import optionsCy from '../../i18n/options/cy.json';
import { optionsText } from '../../components/options/OptionsText.ts';
import { intlLocales } from '../../i18n/t.ts';

const root = resolve(import.meta.dirname, '../..');

type Catalogue = Record<string, { message: string } | undefined>;

/**
 * The base pair (manifest, content script, sidebar; bundled into the content script) and the
 * options page's own pair (i18n/options.ts), which the content script must not carry.
 */
const pairs: Array<{ name: string; en: Catalogue; cy: Catalogue }> = [
  { name: 'public/_locales', en, cy },
  { name: 'i18n/options', en: optionsEn, cy: optionsCy },
];

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

describe.each(pairs)('message catalogues in $name', ({ en: english, cy: welsh }) => {
  it('have the same keys in English and Welsh', () => {
    const englishKeys = Object.keys(english).sort();
    const welshKeys = Object.keys(welsh).sort();
    expect(welshKeys.filter((key) => !englishKeys.includes(key)), 'only in Welsh').toEqual([]);
    expect(englishKeys.filter((key) => !welshKeys.includes(key)), 'only in English').toEqual([]);
  });

  it('have a non-empty message for every key, with the same placeholders in both', () => {
    for (const [key, entry] of Object.entries(english)) {
      const message = entry?.message ?? '';
      expect(message.trim(), `English ${key}`).not.toBe('');
      expect(welsh[key]?.message.trim(), `Welsh ${key}`).not.toBe('');
      expect(welsh[key]?.message.match(/\$\d/g)?.sort(), `placeholders of ${key}`).toEqual(message.match(/\$\d/g)?.sort());
    }
  });
});

describe('which catalogue a key is in', () => {
  it('keeps options_ keys out of public/_locales, which the content script bundles', () => {
    expect(Object.keys(en).filter((key) => key.startsWith('options_'))).toEqual([]);
    expect(Object.keys(cy).filter((key) => key.startsWith('options_'))).toEqual([]);
  });

  it('has only options_ keys in the options catalogues', () => {
    expect(Object.keys(optionsEn).filter((key) => !key.startsWith('options_'))).toEqual([]);
  });

  it('has every key the manifest and the background ask the browser for in public/_locales', () => {
    const browserSources = [{ path: 'wxt.config.ts', text: readFileSync(join(root, 'wxt.config.ts'), 'utf8') }, ...sources('background')];
    const named = browserSources.flatMap(({ path, text }) =>
      [...text.matchAll(/__MSG_(\w+)__|\bgetMessage\(\s*['"](\w+)['"]/g)].map((m) => ({ path, key: m[1] ?? m[2]! })),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ key }) => !Object.hasOwn(en, key)).map(({ path, key }) => `${path}: ${key}`)).toEqual([]);
  });

  it('has every key the sidebar components name in public/_locales', () => {
    const known = new Set(Object.keys(en));
    const sidebar = sources('components').filter(({ path }) => !path.startsWith('components/options/'));
    const missing = sidebar.flatMap(({ path, text }) => keysNamed(text).filter((key) => !known.has(key)).map((key) => `${path}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('has every key the options page names in its own catalogue or public/_locales', () => {
    const known = new Set([...Object.keys(optionsEn), ...Object.keys(en)]);
    const missing = sources('components/options').flatMap(({ path, text }) => keysNamed(text).filter((key) => !known.has(key)).map((key) => `${path}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('has no options key that nothing uses', () => {
    const used = new Set(sources('components/options').flatMap(({ text }) => keysNamed(text)));
    expect(Object.keys(optionsEn).filter((key) => !used.has(key))).toEqual([]);
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
