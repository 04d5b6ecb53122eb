import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import cy from '../../public/_locales/cy/messages.json';
import { chooseLocale, translator, type MessageKey } from '../../i18n/t.ts';

describe('UI languages', () => {
  it('has every English message in Welsh, with the same placeholders', () => {
    const welsh: Record<string, { message: string } | undefined> = cy;
    for (const [key, { message }] of Object.entries(en)) {
      const translated = welsh[key]?.message;
      expect(translated, `Welsh is missing ${key}`).toBeTruthy();
      expect(translated?.match(/\$\d/g)?.sort(), `placeholders of ${key}`).toEqual(message.match(/\$\d/g)?.sort());
    }
  });

  it('uses names Chrome accepts for messages', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('follows the policy setting, else the browser language', () => {
    expect(chooseLocale('auto', 'cy-GB')).toBe('cy');
    expect(chooseLocale('auto', 'en-GB')).toBe('en');
    expect(chooseLocale('en', 'cy')).toBe('en');
    expect(chooseLocale('cy', 'en-US')).toBe('cy');
  });

  it('fills placeholders and falls back to English for a missing translation', () => {
    expect(translator('en')('heldBack', 3)).toMatch(/^3 more prompts/);
    const missing = 'noSuchMessage' as MessageKey;
    expect(() => translator('cy')(missing)).not.toThrow();
    expect(translator('cy')(missing)).toBe('noSuchMessage');
  });
});
