import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../rules/safe-pattern.ts';

describe('safe-pattern checker', () => {
  it.each([
    ['(a+)+$', 'nested quantifiers'],
    ['(\\w+\\s?)*$', 'nested quantifiers'],
    ['(.*)*x', 'nested quantifiers'],
    ['(a|ab)*c', 'alternatives'],
    ['(?:a|a)+b', 'alternatives'],
    ['\\s*\\s*x', 'adjacent unbounded'],
    ['.*.*=', 'adjacent unbounded'],
    ['(\\w)\\1', 'backreferences'],
    ['(?<x>a)\\k<x>', 'backreferences'],
    ['(?<=a)b', 'lookbehind'],
    ['(a?)+', 'empty'],
  ])('rejects %s', (pattern, reason) => {
    const result = checkPattern(pattern);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toContain(reason);
  });

  it.each(['\\bhit(s|ting)?\\b', 'kick(ed|ing)? (him|her)', '^(a|b)+$', 'foo\\d{1,3}bar', '[a-z]+@[a-z]+\\.com', 'no (marks|bruises) seen'])(
    'accepts %s',
    (pattern) => {
      expect(checkPattern(pattern)).toEqual({ ok: true, problems: [] });
    },
  );

  it('rejects invalid syntax and overlong patterns', () => {
    expect(checkPattern('(').ok).toBe(false);
    expect(checkPattern('a'.repeat(501)).problems.join(' ')).toContain('longer than');
  });

  it('accepted patterns run in bounded time on hostile input', () => {
    const hostile = `${'a'.repeat(5000)}!`;
    for (const pattern of ['^(a|b)+$', 'a+b']) {
      expect(checkPattern(pattern).ok).toBe(true);
      const start = performance.now();
      new RegExp(pattern, 'u').test(hostile);
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});
