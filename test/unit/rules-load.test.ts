import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, parseRulePack } from '../../rules/load.ts';
import { packFileUrl } from './rules-helpers.ts';

type Json = Record<string, unknown>;
const packText = readFileSync(packFileUrl, 'utf8');
const freshPack = (): Json => JSON.parse(packText) as Json;
const rulesOf = (pack: Json): Json[] => pack.rules as Json[];
const firstRule = (pack: Json): Json => rulesOf(pack)[0] as Json;
const problemsOf = (input: unknown): { path: string; message: string }[] => {
  const result = parseRulePack(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parseRulePack', () => {
  it('accepts the bundled pack as text and as a parsed value', () => {
    expect(parseRulePack(packText).ok).toBe(true);
    expect(parseRulePack(freshPack()).ok).toBe(true);
  });

  it('reports text that is not JSON', () => {
    const problems = problemsOf('{ "id": ');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('refuses a pack over the size limit', () => {
    expect(problemsOf(' '.repeat(MAX_PACK_BYTES + 1))[0]?.message).toMatch(/limit/);
    const big = freshPack();
    big.description = 'x'.repeat(MAX_PACK_BYTES);
    expect(problemsOf(big)[0]?.message).toMatch(/limit/);
  });

  it('lists every problem with its JSON path at once', () => {
    const pack = freshPack();
    const rules = rulesOf(pack);
    (rules[0] as Json).severity = 'urgent';
    (rules[1] as Json).concern = 'bullying';
    (rules[2] as Json).id = (rules[3] as Json).id;
    ((rules[4] as Json).triggers as Json[])[0] = { pattern: '(a+)+$' };
    ((rules[5] as Json).triggers as Json[])[0] = { phrases: ['@nosuchlexicon hit'] };
    const card = ((rules[6] as Json).cards as Json[])[0] as Json;
    card.sources = [{ source: 'not-a-source' }];
    card.contactCategories = ['not-a-contact'];
    const paths = problemsOf(pack).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[0].severity',
        'rules[1].concern',
        'rules[3].id',
        'rules[4].triggers[0].pattern',
        'rules[5].triggers[0].phrases[0]',
        'rules[6].cards[0].sources[0].source',
        'rules[6].cards[0].contactCategories[0]',
      ]),
    );
  });

  it('reports duplicate card and source ids', () => {
    const pack = freshPack();
    const rules = rulesOf(pack);
    const cardId = (((rules[0] as Json).cards as Json[])[0] as Json).id;
    (((rules[1] as Json).cards as Json[])[0] as Json).id = cardId;
    const sources = pack.sources as Json[];
    (sources[1] as Json).id = (sources[0] as Json).id;
    const messages = problemsOf(pack).map((p) => `${p.path} ${p.message}`);
    expect(messages.some((m) => m.startsWith('rules[1].cards[0].id duplicate card id'))).toBe(true);
    expect(messages.some((m) => m.startsWith('sources[1].id duplicate source id'))).toBe(true);
  });

  it('reports wrong types with paths, still checking the rest', () => {
    const pack = freshPack();
    pack.version = 3;
    firstRule(pack).triggers = 'hit';
    rulesOf(pack)[2] = { ...(rulesOf(pack)[2] as Json), triggers: [{ pattern: '\\s*\\s*' }] };
    const paths = problemsOf(pack).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'rules[0].triggers', 'rules[2].triggers[0].pattern']));
  });

  it('refuses cards whose summary is 140 characters or more', () => {
    const pack = freshPack();
    (((firstRule(pack).cards as Json[])[0] as Json).summary as unknown) = 'x'.repeat(140);
    expect(problemsOf(pack).map((p) => p.path)).toContain('rules[0].cards[0].summary');
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Json = {};
    cyclic.self = cyclic;
    for (const input of [undefined, null, 0, '', '[]', 'null', [], cyclic, Symbol('x'), () => 1, 10n]) {
      expect(() => parseRulePack(input)).not.toThrow();
      expect(parseRulePack(input).ok).toBe(false);
    }
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseRulePack(value).ok).toBe(false);
        expect(parseRulePack(JSON.stringify(value)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
