import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../rules/canonical.ts';
import { concernIds } from '../../rules/concerns.ts';
import { createNoteEvaluator, evaluateNote } from '../../rules/evaluate.ts';
import { runExamples } from '../../rules/examples.ts';
import { compileDefault, defaultPack, packFileUrl } from './rules-helpers.ts';

// Examples test the phrases, as `npm run rules -- check` does; rules-model.test.ts checks them with the model.
const compiled = compileDefault({ model: false });
const firedIds = (text: string): string[] => evaluateNote(compiled, text).hits.map((h) => h.ruleId);

describe('bundled pack', () => {
  it('is canonical JSON, byte for byte', () => {
    const text = readFileSync(packFileUrl, 'utf8');
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('has unique rule, combination, card and source ids', () => {
    const ruleIds = [...defaultPack.rules, ...defaultPack.combinations].map((r) => r.id);
    const cardIds = [...defaultPack.rules, ...defaultPack.combinations].flatMap((r) => r.cards.map((c) => c.id));
    const sourceIds = defaultPack.sources.map((s) => s.id);
    for (const ids of [ruleIds, cardIds, sourceIds]) expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers all 20 concerns', () => {
    expect(new Set(defaultPack.rules.map((r) => r.concern))).toEqual(new Set(concernIds));
  });

  it('cites a source with a locator on every card', () => {
    for (const card of [...defaultPack.rules, ...defaultPack.combinations].flatMap((r) => r.cards)) {
      expect(card.sources.length).toBeGreaterThan(0);
      for (const ref of card.sources) expect(ref.locator, `${card.id} cites ${ref.source}`).toBeTruthy();
    }
  });

  it('labels duties not yet in force as coming', () => {
    const cards = [...defaultPack.rules, ...defaultPack.combinations].flatMap((r) => r.cards);
    const coming = cards.filter((c) => c.status === 'coming').map((c) => c.id);
    expect(coming).toEqual(expect.arrayContaining(['sexual-abuse-mandatory-reporting-coming', 'duty-to-share-coming']));
    for (const card of cards) {
      if (/2026/.test(card.detail) && /(enacted|commence)/.test(card.detail)) expect(card.status, card.id).toBe('coming');
    }
  });

  it('ships only national numbers as facts', () => {
    const numbers = defaultPack.contactCategories.flatMap((c) => (c.nationalNumber === undefined ? [] : [c.nationalNumber]));
    expect(new Set(numbers)).toEqual(new Set(['999', '101', '0808 800 5000', '0800 1111']));
  });

  it('passes its own example check as a whole', () => {
    expect(runExamples(defaultPack)).toEqual([]);
  });
});

describe('every example of every rule', () => {
  const cases = [...defaultPack.rules, ...defaultPack.combinations].flatMap((rule) => [
    ...rule.examples.match.map((text) => ({ id: rule.id, text, expected: true })),
    ...rule.examples.noMatch.map((text) => ({ id: rule.id, text, expected: false })),
  ]);
  it.each(cases)('$id: $expected for "$text"', ({ id, text, expected }) => {
    expect(firedIds(text).includes(id)).toBe(expected);
  });
});

describe('disclosure told in one sentence, harm in another', () => {
  it('is raised by the nearby rule when the harm is in one of the next two sentences', () => {
    const hits = evaluateNote(compiled, 'Amy came to me at break. Her stepdad hit her with a belt last night.').hits.filter((h) => h.concern === 'disclosure');
    expect(hits.map((h) => h.ruleId)).toEqual(['disclosure-nearby']);
  });

  it('is raised by the nearby rule when the harm is in the sentence before', () => {
    const note = 'Fresh cuts to both forearms, still bleeding. Mika said it helps when things get bad.';
    expect(evaluateNote(compiled, note).hits.filter((h) => h.concern === 'disclosure').map((h) => h.ruleId)).toEqual(['disclosure-nearby']);
  });

  it('is raised by the note-level fallback when the harm is further away', () => {
    const note = 'Amy came to me at break. She was calm. She ate her snack. Her stepdad hit her with a belt last night.';
    expect(evaluateNote(compiled, note).hits.filter((h) => h.concern === 'disclosure').map((h) => h.ruleId)).toEqual(['disclosure-in-note']);
  });

  it('gives the same result through the incremental evaluator', () => {
    const evaluator = createNoteEvaluator(compiled);
    const note = 'Fresh cuts to both forearms, still bleeding. Mika said it helps when things get bad.';
    evaluator.evaluate('Fresh cuts to both forearms, still bleeding.');
    expect(evaluator.evaluate(note)).toEqual(evaluateNote(compiled, note));
  });

  it('is prompted once when a sentence already links telling and harm', () => {
    const hits = evaluateNote(compiled, 'Amy came to me at break. She told me her stepdad hit her with a belt last night.').hits.filter(
      (h) => h.concern === 'disclosure',
    );
    expect(hits.map((h) => h.ruleId)).toEqual(['disclosure']);
  });
});
