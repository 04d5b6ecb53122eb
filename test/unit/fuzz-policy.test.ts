/**
 * Fuzzing the managed-policy reader (issue #8.3): whatever an administrator (or a broken admin
 * console) puts in the policy, each value is accepted or refused with a reason naming its key;
 * one bad value never takes the good ones down; nothing throws or hangs.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ManagedPolicySchema, policyKeys, type PolicyKey } from '../../policy/managed-schema.ts';
import { packRequestFrom } from '../../policy/pack-source.ts';
import { readManagedPolicy } from '../../policy/read-managed.ts';
import { defaultSettings } from '../../policy/settings.ts';
import { FuzzTally, reasonsAreClear } from './fuzz-support.ts';

const tally = new FuzzTally('managed policy reader');
afterAll(() => {
  tally.print();
  expect(tally.accountedFor).toBe(true);
});

const fuzzTimeoutMs = 120_000;

/** A valid value for every key, so mutations start from a policy an administrator could write. */
const validPolicy: Record<PolicyKey, unknown> = {
  ...defaultSettings,
  sites: [{ matches: ['https://cases.example.gov.uk/*'], fieldSelectors: ['#note'], systemId: 'mosaic' }],
  contacts: [{ category: 'mash', name: 'MASH duty desk', phone: '01234 567890', lastVerified: '2026-01-31' }],
  rulePack: '{"id":"x"}',
  rulePackUrl: 'https://packs.example.gov.uk/pack.json',
  rulePackSha256: 'a'.repeat(64),
  rulePackRefreshMinutes: 60,
};

/** A problem's path is the key itself or starts with it (`contacts[0].name`). */
const namesKey = (path: string, key: string) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);

function read(raw: Record<string, unknown>) {
  return tally.run(
    () => readManagedPolicy(raw),
    (result) => {
      // Everything accepted really has the policy's shape; everything refused says why, by key.
      expect(ManagedPolicySchema.safeParse(result.policy).success).toBe(true);
      for (const key of Object.keys(result.policy)) expect(result.present).toContain(key);
      if (result.problems.length > 0) {
        expect(reasonsAreClear(result.problems)).toBe(true);
        for (const problem of result.problems) expect(Object.keys(raw).some((key) => namesKey(problem.path, key)), problem.path).toBe(true);
        return 'refused';
      }
      return 'accepted';
    },
  );
}

const anyKey = fc.oneof(fc.constantFrom(...policyKeys), fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'RulePack', 'rule_pack'));
const anyValue = fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }));

describe('managed policy reader under fuzzing', () => {
  it('accepts the valid policy the mutations start from', () => {
    const result = read(validPolicy);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.policy).sort()).toEqual([...policyKeys].sort());
  });

  it('reads any dictionary of keys and values without throwing', () => {
    fc.assert(
      fc.property(fc.dictionary(anyKey, anyValue, { maxKeys: 12 }), (raw) => {
        read(raw);
      }),
      { numRuns: 500 },
    );
  }, fuzzTimeoutMs);

  it('keeps every good value when one value is replaced by junk, and names the bad key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyKeys), anyValue, (key, junk) => {
        // Policy arrives as JSON (storage.managed): a key can be absent, never set to undefined.
        if (junk === undefined) return;
        const result = read({ ...validPolicy, [key]: junk });
        for (const other of policyKeys) if (other !== key) expect(result.policy[other], other).toBeDefined();
        if (result.policy[key] === undefined) expect(result.problems.some((p) => namesKey(p.path, key))).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, fuzzTimeoutMs);

  it('refuses oversized and unserialisable values unread, and pack settings never throw', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const cases: Array<Record<string, unknown>> = [
      { contacts: Array.from({ length: 50_000 }, () => ({ category: 'mash', name: 'x'.repeat(100) })) },
      { rulePack: ' '.repeat(3 * 1024 * 1024) },
      { sites: circular },
      { disabledRules: [1n] },
      { rulePackUrl: 'javascript:alert(1)', rulePackSha256: 'nothex' },
      { rulePackUrl: 'https://packs.example.gov.uk/p.json' },
    ];
    for (const raw of cases) {
      const result = read(raw);
      // A URL without its hash is well-formed on its own; the pack settings read together refuse it.
      const pack = packRequestFrom(result.policy, result.present);
      expect([...result.problems, ...pack.problems].length, JSON.stringify(Object.keys(raw))).toBeGreaterThan(0);
    }
  }, fuzzTimeoutMs);
});
