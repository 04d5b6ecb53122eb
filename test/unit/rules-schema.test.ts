import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concernIds, riskConcerns, sharingConcerns } from '../../rules/concerns.ts';
import { Card, ResponseCode, RulePack } from '../../rules/schema.ts';

const concernsJson = JSON.parse(
  readFileSync(new URL('../../../shared/guidance/concerns.json', import.meta.url), 'utf8'),
) as { risk: Record<string, string>; sharing: Record<string, string> };

describe('concern vocabulary', () => {
  it('is exactly the ids in shared/guidance/concerns.json', () => {
    expect([...riskConcerns].sort()).toEqual(Object.keys(concernsJson.risk).sort());
    expect([...sharingConcerns].sort()).toEqual(Object.keys(concernsJson.sharing).sort());
    expect(concernIds).toHaveLength(20);
  });
});

const goodCard = {
  id: 'a-card',
  summary: 'Short summary.',
  detail: 'Detail.',
  sources: [{ source: 'ico-10-step', locator: 'Step 1' }],
  links: [],
  contactCategories: [],
  responses: ['shared'],
};

describe('card schema', () => {
  it('accepts a minimal card with a Welsh variant', () => {
    expect(Card.safeParse({ ...goodCard, cy: { summary: 'Crynodeb byr.' } }).success).toBe(true);
  });
  it('requires a summary under 140 characters', () => {
    expect(Card.safeParse({ ...goodCard, summary: 'x'.repeat(140) }).success).toBe(false);
    expect(Card.safeParse({ ...goodCard, summary: 'x'.repeat(139) }).success).toBe(true);
  });
  it('requires at least one cited source', () => {
    expect(Card.safeParse({ ...goodCard, sources: [] }).success).toBe(false);
  });
  it('only accepts the coded responses', () => {
    expect(ResponseCode.options).toEqual(['shared', 'will-share', 'seeking-advice', 'emergency-services', 'not-relevant', 'already-known']);
    expect(Card.safeParse({ ...goodCard, responses: ['ignored'] }).success).toBe(false);
  });
  it('rejects unknown keys so typos in packs are caught', () => {
    expect(Card.safeParse({ ...goodCard, sumary: 'typo' }).success).toBe(false);
  });
});

describe('pack schema', () => {
  it('requires a semantic version and an ISO effective date', () => {
    const pack = JSON.parse(readFileSync(new URL('../../rules/packs/uk-default.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(RulePack.safeParse(pack).success).toBe(true);
    expect(RulePack.safeParse({ ...pack, version: 'v1' }).success).toBe(false);
    expect(RulePack.safeParse({ ...pack, effectiveDate: '1/5/2026' }).success).toBe(false);
    expect(RulePack.safeParse({ ...pack, jurisdictions: ['france'] }).success).toBe(false);
  });
});
