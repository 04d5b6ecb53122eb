import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../rules/compile.ts';
import { createNoteEvaluator, evaluateNote } from '../../rules/evaluate.ts';
import { createPackHolder } from '../../rules/pack-holder.ts';
import { compileDefault, defaultPack } from './rules-helpers.ts';

const compiled = compileDefault();
const cardIds = (text: string, options = {}): string[] =>
  evaluateNote(compilePack(defaultPack, options), text).hits.flatMap((h) => h.cards.map((c) => c.id));

const fgmNote = 'Halimo (Y8) told her form tutor she was cut during the holidays abroad.';

describe('evaluateNote', () => {
  it('returns sorted unique concerns and hits ordered critical, warning, info', () => {
    const result = evaluateNote(compiled, "Sienna (12) told me her foster carer pushed her into the door frame and she hit her head. 'Please don't tell anyone.'");
    expect(result.concerns).toEqual([...new Set(result.concerns)].sort());
    const order = { critical: 0, warning: 1, info: 2 };
    const ranks = result.hits.map((h) => order[h.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.concerns).toEqual(expect.arrayContaining(['allegation-against-staff', 'physical-abuse', 'disclosure', 'secrecy-request']));
  });

  it('resolves each card with its sources, links, contacts and responses', () => {
    const hit = evaluateNote(compiled, fgmNote).hits.find((h) => h.ruleId === 'fgm');
    const card = hit?.cards[0];
    expect(card?.sources[0]).toMatchObject({ id: 'ico-10-step', url: expect.stringMatching(/^https:\/\/ico\.org\.uk\//) });
    expect(card?.responses.length).toBeGreaterThan(0);
    expect(card?.summary.length).toBeLessThan(140);
  });

  it('shows the FGM mandatory reporting duty in England and Wales, not in Scotland', () => {
    expect(cardIds(fgmNote, { jurisdiction: 'england' })).toContain('fgm-mandatory-duty');
    expect(cardIds(fgmNote, { jurisdiction: 'wales' })).toContain('fgm-mandatory-duty');
    const scotland = cardIds(fgmNote, { jurisdiction: 'scotland' });
    expect(scotland).not.toContain('fgm-mandatory-duty');
    expect(scotland).toContain('fgm-scotland');
  });

  it('raises "consent is not needed" only when consent is refused with a risk concern', () => {
    const withRisk = 'Mum refused consent for an Early Help referral about the children always being hungry.';
    const noRisk = 'Parents have not consented to the Early Help referral; they say there are no safeguarding concerns.';
    expect(evaluateNote(compiled, withRisk).hits.map((h) => h.ruleId)).toContain('consent-refused-with-risk');
    expect(evaluateNote(compiled, noRisk).hits.map((h) => h.ruleId)).toEqual(['consent-refused']);
    expect(cardIds(withRisk, { jurisdiction: 'scotland' })).toContain('consent-not-required-scotland');
    expect(cardIds(withRisk, { jurisdiction: 'england' })).toContain('consent-not-needed-at-risk');
  });

  it('marks duties not yet commenced as coming', () => {
    const hits = evaluateNote(compilePack(defaultPack, { jurisdiction: 'england' }), 'Freya said her uncle touches her private parts.').hits;
    const coming = hits.flatMap((h) => h.cards).find((c) => c.id === 'sexual-abuse-mandatory-reporting-coming');
    expect(coming?.status).toBe('coming');
  });

  it('leaves out rules switched off by policy', () => {
    const off = compilePack(defaultPack, { disabledRules: ['disclosure', 'disclosure-nearby', 'disclosure-in-note', 'consent-refused-with-risk'] });
    const result = evaluateNote(off, 'Mum refused consent for the referral. Poppy said Mum hit her with a spoon.');
    expect(result.concerns).not.toContain('disclosure');
    expect(result.hits.map((h) => h.ruleId)).not.toContain('consent-refused-with-risk');
    expect(result.concerns).toContain('physical-abuse');
  });

  it('exposes the pack id and version', () => {
    expect(compiled.packId).toBe('uk-safeguarding-default');
    expect(compiled.packVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('bad input: no crash, bounded time', () => {
  const timed = (text: string): number => {
    const start = performance.now();
    evaluateNote(compiled, text);
    return performance.now() - start;
  };
  it('handles empty and whitespace-only notes', () => {
    expect(evaluateNote(compiled, '')).toEqual({ concerns: [], hits: [] });
    expect(evaluateNote(compiled, ' \n\n\t ')).toEqual({ concerns: [], hits: [] });
  });
  it('handles emoji, RTL text and control characters', () => {
    expect(() => evaluateNote(compiled, '😀👨‍👩‍👧 \u202eقال إنه ضربها\u202c \u0000\u0007 עברית 🙂🙂')).not.toThrow();
    expect(evaluateNote(compiled, '👍 Poppy said Mum hit her 😢').concerns).toContain('physical-abuse');
  });
  it('handles 1 MB of text, with and without punctuation, in bounded time', () => {
    const sentence = 'Poppy said Mum hit her with a spoon and there is no food in the house. ';
    const withPunctuation = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const withoutPunctuation = 'a no not hit her '.repeat(60_000);
    const emojiOnly = '😀'.repeat(500_000);
    expect(timed(withPunctuation)).toBeLessThan(5_000);
    expect(timed(withoutPunctuation)).toBeLessThan(5_000);
    expect(timed(emojiOnly)).toBeLessThan(5_000);
  });
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = evaluateNote(compiled, text);
        expect(Array.isArray(result.concerns)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('per-pack word memo and scratch state', () => {
  const note = 'Home visit. Poppy said Mum hit her with a spoon. Mum refused consent for a referral. She told me not to tell anyone.';
  it('gives the same result after the word memo has filled up and been emptied', () => {
    const pack = compilePack(defaultPack);
    const before = evaluateNote(pack, note);
    // More distinct words than the memo holds, so it is emptied part-way through this note.
    const manyWords = Array.from({ length: 60_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    evaluateNote(pack, `${manyWords}. ${note}`);
    expect(evaluateNote(pack, note)).toEqual(before);
    expect(before).toEqual(evaluateNote(compilePack(defaultPack), note));
  });
  it('keeps packs compiled with different options apart when used in turn', () => {
    const scotland = compilePack(defaultPack, { jurisdiction: 'scotland' });
    const withoutDisclosure = compilePack(defaultPack, { disabledRules: ['disclosure'] });
    const alone = [evaluateNote(scotland, note), evaluateNote(withoutDisclosure, note)];
    const interleaved = [evaluateNote(scotland, note), evaluateNote(withoutDisclosure, note), evaluateNote(scotland, note)];
    expect(interleaved).toEqual([alone[0], alone[1], alone[0]]);
    expect(alone[1]?.hits.map((h) => h.ruleId)).not.toContain('disclosure');
    expect(alone[0]?.hits.map((h) => h.ruleId)).toContain('disclosure');
  });
});

describe('createNoteEvaluator (incremental)', () => {
  it('gives the same result as a full evaluation after every edit', () => {
    const evaluator = createNoteEvaluator(compiled);
    const base = 'Home visit today. Poppy said Mum hit her with a spoon. Mum refused consent for a referral. No other concerns.';
    fc.assert(
      fc.property(fc.nat(base.length), fc.string({ maxLength: 3 }), (at, insert) => {
        const edited = base.slice(0, at) + insert + base.slice(at);
        expect(evaluator.evaluate(edited)).toEqual(evaluateNote(compiled, edited));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pack holder', () => {
  it('keeps the last good pack when a bad one arrives', () => {
    const holder = createPackHolder(defaultPack);
    const before = holder.current;
    const result = holder.update('{"id": "broken"');
    expect(result.ok).toBe(false);
    expect(holder.current).toBe(before);
    expect(holder.update(JSON.stringify(defaultPack)).ok).toBe(true);
    expect(holder.current).not.toBe(before);
  });
});
