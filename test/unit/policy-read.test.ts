import { describe, expect, it } from 'vitest';
import { fetchManagedValues, readManagedPolicy } from '../../policy/read-managed.ts';
import { mergeSettings } from '../../policy/merge.ts';
import { defaultSettings } from '../../policy/settings.ts';

describe('reading a managed policy', () => {
  it('keeps good values and reports each bad one with its path', () => {
    const read = readManagedPolicy({
      jurisdiction: 'wales',
      logRetentionDays: 'ninety',
      disabledRules: ['ok-rule', 'Bad Rule'],
      allowSnooze: false,
      colour: 'blue',
    });
    expect(read.policy).toEqual({ jurisdiction: 'wales', allowSnooze: false });
    expect(read.present).toEqual(['jurisdiction', 'logRetentionDays', 'disabledRules', 'allowSnooze']);
    const paths = read.problems.map((p) => p.path);
    expect(paths).toEqual(['logRetentionDays', 'disabledRules[1]', 'colour']);
  });

  it('refuses a site pattern the browser would refuse, saying why', () => {
    const read = readManagedPolicy({ sites: [{ matches: ['https://*.example.org/*', 'example.org'] }] });
    expect(read.policy.sites).toBeUndefined();
    expect(read.problems).toEqual([{ path: 'sites[0].matches[1]', message: expect.stringContaining('not a match pattern') }]);
  });

  it('refuses an oversized value by its size, without walking it', () => {
    const huge = Array.from({ length: 300_000 }, (_, i) => `rule-${i}`);
    const read = readManagedPolicy({ disabledRules: huge, rulePack: 'x'.repeat(5 * 1024 * 1024) });
    expect(read.policy).toEqual({});
    expect(read.problems.map((p) => p.path)).toEqual(['disabledRules', 'rulePack']);
    expect(read.problems[1]?.message).toMatch(/limit/);
  });

  it('treats Firefox\'s "no policies.json" as no policy, and any other failure as a problem', async () => {
    const none = await fetchManagedValues({ get: () => Promise.reject(new Error('Managed storage manifest not found')) });
    expect(none).toEqual({ ok: true, values: {} });
    const broken = await fetchManagedValues({ get: () => Promise.reject(new Error('IO error')) });
    expect(broken.ok).toBe(false);
  });
});

describe('merging policy, the worker\'s choices and defaults', () => {
  it('lets policy win, then the worker, then defaults, and locks what policy sets', () => {
    const merged = mergeSettings({ jurisdiction: 'wales' }, ['jurisdiction'], { jurisdiction: 'scotland', locale: 'cy' }, {});
    expect(merged.settings.jurisdiction).toBe('wales');
    expect(merged.settings.locale).toBe('cy');
    expect(merged.settings.logRetentionDays).toBe(defaultSettings.logRetentionDays);
    expect(merged.locked).toEqual(['jurisdiction']);
    expect(merged.lastGood).toEqual({ jurisdiction: 'wales' });
  });

  it('keeps the last good policy value when the new one is refused, and stays locked', () => {
    const merged = mergeSettings({}, ['logRetentionDays'], { logRetentionDays: 30 }, { logRetentionDays: 90 });
    expect(merged.settings.logRetentionDays).toBe(90);
    expect(merged.locked).toEqual(['logRetentionDays']);
    expect(merged.lastGood).toEqual({ logRetentionDays: 90 });
  });

  it('releases a setting the policy no longer mentions', () => {
    const merged = mergeSettings({}, [], { jurisdiction: 'scotland' }, { jurisdiction: 'wales' });
    expect(merged.settings.jurisdiction).toBe('scotland');
    expect(merged.locked).toEqual([]);
    expect(merged.lastGood).toEqual({});
  });
});
