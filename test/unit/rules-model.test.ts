import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack, internalsOf } from '../../rules/compile.ts';
import { createNoteEvaluator, evaluateNote } from '../../rules/evaluate.ts';
import { parseRulePack } from '../../rules/load.ts';
import { isModelFeature, sentenceFeatures } from '../../rules/model.ts';
import { buildWordTable, normaliseSegment } from '../../rules/normalise.ts';
import { createPackHolder } from '../../rules/pack-holder.ts';
import { segmentNote } from '../../rules/segment.ts';
import { evaluateSegment } from '../../rules/sentence.ts';
import type { Model, RulePack } from '../../rules/schema.ts';
import { DEFAULT_TRAINING, trainModel, trainStackedModel, type LabelledNote } from '../../rules/train.ts';
import { defaultPack, readCorpus } from './rules-helpers.ts';

/**
 * The word model (rules/model.ts): what it adds, what it may drop, what it must leave alone, and
 * that the bundled one is exactly what `npm run rules:train` learns. A small hand-written model
 * makes each behaviour visible; the accuracy test judges the real one on whole corpora.
 */

const tinyModel: Model = {
  kind: 'linear-words-v1',
  negation: ['no', 'not', 'never'],
  negationReach: 4,
  addAbove: 0.7,
  dropAgainst: 0.5,
  neverDrop: ['immediate-danger'],
  concerns: {
    neglect: { rule: 'neglect', bias: -3, weights: { cupboards: 0.5, bare: 4, '!cupboards': -2 } },
    'physical-abuse': { rule: 'physical-abuse', bias: -2, weights: { seen: 10, playground: -3 } },
    'immediate-danger': { rule: 'immediate-danger', bias: -2, weights: { game: -5 } },
  },
};
const withModel = (model: Model | undefined): RulePack => ({ ...defaultPack, model });
const rulesOnly = compilePack(defaultPack, { model: false });
const tiny = compilePack(withModel(tinyModel));
const concernsOf = (text: string, compiled = tiny): string[] => evaluateNote(compiled, text).concerns;

describe('word model features', () => {
  const table = buildWordTable(defaultPack.normalisation.words);
  const features = (text: string): string[] => {
    const out: string[] = [];
    sentenceFeatures(normaliseSegment(text, table), { negation: new Set(tinyModel.negation), negationReach: tinyModel.negationReach }, (f) => out.push(f));
    return out;
  };

  it('reads words and word pairs, marking those after a negation until a clause break', () => {
    expect(features('No marks seen; she was happy')).toEqual(['no', '!marks', '!no marks', '!seen', '!marks seen', 'she', 'seen she', 'was', 'she was', 'happy', 'was happy']);
  });

  it('are scored by the engine exactly as the trainer reads them', () => {
    // The engine finds features through each word's entry for speed; the trainer uses
    // sentenceFeatures. Both must give the same sums, sentence by sentence.
    const pack = internalsOf(compilePack(defaultPack));
    const model = defaultPack.model;
    if (pack.model === undefined || model === undefined) throw new Error('the bundled pack has a word model');
    const order = Object.keys(model.concerns);
    const options = { negation: new Set(model.negation), negationReach: model.negationReach };
    let sentences = 0;
    for (const note of readCorpus(new URL('../corpus/notes-blind9.jsonl', import.meta.url))) {
      for (const segment of segmentNote(note.text)) {
        const expected = order.map((concern) => {
          let sum = 0;
          sentenceFeatures(normaliseSegment(segment, table), options, (feature) => {
            sum += model.concerns[concern as keyof typeof model.concerns]?.weights[feature] ?? 0;
          });
          return sum;
        });
        const actual = evaluateSegment(pack, segment).scores ?? order.map(() => 0);
        actual.forEach((value, k) => expect(value).toBeCloseTo(expected[k] as number, 9));
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(300);
  });

  it('accepts only the shapes it writes', () => {
    for (const good of ['hit', 'hit her', '!marks', '!no marks', "didn't", 'café']) expect(isModelFeature(good), good).toBe(true);
    for (const bad of ['', '!', 'Hit', 'hit  her', 'a b c', 'hit!', ' hit', 'hit ', '<b>']) expect(isModelFeature(bad), bad).toBe(false);
  });
});

describe('word model in evaluation', () => {
  it('adds a concern the phrases missed, with that concern rule’s cards', () => {
    const note = 'On both visits the cupboards were bare.';
    expect(concernsOf(note, rulesOnly)).not.toContain('neglect');
    const hit = evaluateNote(tiny, note).hits.find((h) => h.concern === 'neglect');
    expect(hit?.ruleId).toBe('neglect');
    expect(hit?.cards.length).toBeGreaterThan(0);
  });

  it('never adds back a concern the rules ruled out by context', () => {
    // "seen" weighs heavily for physical abuse in the tiny model; the rules saw the bruises and
    // the negation, so the note stays clear.
    const negated = 'No bruises were seen on his back.';
    expect(concernsOf(negated, rulesOnly)).not.toContain('physical-abuse');
    expect(concernsOf(negated)).not.toContain('physical-abuse');
    expect(concernsOf('He was seen at the clinic today.')).toContain('physical-abuse');
  });

  it('drops a rule’s concern only when the words count against it, never an urgent one', () => {
    const hitInPlayground = 'Josh said Dad hit him with a belt after school.';
    expect(concernsOf(hitInPlayground, rulesOnly)).toContain('physical-abuse');
    expect(concernsOf(hitInPlayground)).toContain('physical-abuse');
    expect(concernsOf('In the playground Josh said Dad hit him with a belt.')).not.toContain('physical-abuse');

    const threat = 'She cannot go home safely tonight, not after the game.';
    expect(concernsOf(threat, rulesOnly)).toContain('immediate-danger');
    expect(concernsOf(threat)).toContain('immediate-danger');
  });

  it('adds nothing for a rule switched off by policy, and nothing when compiled without the model', () => {
    const note = 'On both visits the cupboards were bare.';
    expect(concernsOf(note, compilePack(withModel(tinyModel), { disabledRules: ['neglect'] }))).not.toContain('neglect');
    expect(concernsOf(note, compilePack(withModel(tinyModel), { model: false }))).not.toContain('neglect');
  });

  it('judges each paragraph by its most concerning run of sentences, not the sum of a long record', () => {
    const weak = 'The cupboards were tidy.';
    // Ten such sentences in one paragraph: the best run of eight reaches 4 - 3 = 1 > logit(0.7).
    expect(concernsOf(Array(10).fill(weak).join(' '))).toContain('neglect');
    // The same sentences as separate paragraphs never add up.
    expect(concernsOf(Array(10).fill(weak).join('\n\n'))).not.toContain('neglect');
  });

  it('keeps the pack’s match examples matched and raises almost none of its look-alikes', () => {
    // The examples are written for the phrases. The model may still add a concern to a look-alike
    // that a phrase only declined for want of support (a mark with no "unexplained"), and it may
    // overrule a phrase on a short example whose words lean towards the concern by less than
    // keepFor: that is what lifts precision on notes nobody has seen (docs/rule-pack.md). The
    // bundled pack keeps 412 of its 428 (96%); risks to life are never overruled.
    const compiled = compilePack(defaultPack);
    const neverDrop = new Set(defaultPack.model?.neverDrop ?? []);
    let matched = 0;
    let total = 0;
    let raised = 0;
    let lookAlikes = 0;
    for (const rule of defaultPack.rules) {
      for (const text of rule.examples.match) {
        total++;
        const kept = evaluateNote(compiled, text).concerns.includes(rule.concern);
        if (kept) matched++;
        else expect(neverDrop.has(rule.concern), `${rule.id}: ${text}`).toBe(false);
      }
      for (const text of rule.examples.noMatch) {
        lookAlikes++;
        if (evaluateNote(compiled, text).hits.some((hit) => hit.ruleId === rule.id)) raised++;
      }
    }
    expect(matched / total).toBeGreaterThanOrEqual(0.96);
    expect(raised / lookAlikes).toBeLessThanOrEqual(0.01);
  });

  it('gives the incremental evaluator the same answers as a full read', () => {
    const notes = readCorpus(new URL('../corpus/notes-blind6.jsonl', import.meta.url)).slice(0, 60);
    const compiled = compilePack(defaultPack);
    const evaluator = createNoteEvaluator(compiled);
    let text = '';
    for (const note of notes) {
      text = `${text}\n\n${note.text}`;
      expect(evaluator.evaluate(text)).toEqual(evaluateNote(compiled, text));
      const edited = `${text.slice(0, text.length - 5)}x${text.slice(text.length - 5)}`;
      expect(evaluator.evaluate(edited)).toEqual(evaluateNote(compiled, edited));
    }
  });
});

describe('word model with phrase weights (phrases and words decide together)', () => {
  // Each concern's logit is bias + its weights + `phrase` when the phrases raised it; raised above
  // addAbove (0.5 here, so logit 0).
  const stacked: Model = {
    kind: 'linear-words-v1',
    negation: ['no', 'not', 'never'],
    negationReach: 4,
    addAbove: 0.5,
    neverDrop: ['immediate-danger'],
    neverDropBelow: 0.1,
    concerns: {
      neglect: { rule: 'neglect', bias: -3, phrase: 2, weights: { bare: 4, '!cupboards': -2 } },
      'physical-abuse': { rule: 'physical-abuse', bias: -2, phrase: 3, weights: { seen: 10, playground: -3 } },
      'immediate-danger': { rule: 'immediate-danger', bias: -2, phrase: 1, weights: { game: -5, football: -0.5 } },
    },
  };
  const compiled = compilePack(withModel(stacked));
  const concerns = (text: string): string[] => evaluateNote(compiled, text).concerns;

  it('keeps a phrase’s concern while the words leave it likely, and drops it when they do not', () => {
    const belt = 'Josh said Dad hit him with a belt after school.';
    expect(concernsOf(belt, rulesOnly)).toContain('physical-abuse');
    // -2 + 3 = 1 > 0: the phrase carries it.
    expect(concerns(belt)).toContain('physical-abuse');
    // -2 - 3 + 3 = -2: the words outweigh the phrase.
    expect(concerns('In the playground Josh said Dad hit him with a belt.')).not.toContain('physical-abuse');
  });

  it('adds what the phrases missed when the words alone are enough, never what they ruled out', () => {
    // -3 + 4 = 1 with no phrase.
    expect(concerns('On both visits the cupboards were bare.')).toContain('neglect');
    expect(concerns('He was seen at the clinic today.')).toContain('physical-abuse');
    expect(concerns('No bruises were seen on his back.')).not.toContain('physical-abuse');
  });

  it('keeps a phrase’s concern when the words lean towards it by keepFor, whatever the combined score', () => {
    const lenient = compilePack(withModel({ ...stacked, keepFor: 1, concerns: { ...stacked.concerns, 'physical-abuse': { rule: 'physical-abuse', bias: -6, phrase: 2, weights: { belt: 1.5, playground: -3 } } } }));
    // -6 + 1.5 + 2 < 0, but the words count for it by 1.5 >= 1.
    expect(evaluateNote(lenient, 'Josh said Dad hit him with a belt after school.').concerns).toContain('physical-abuse');
    expect(evaluateNote(lenient, 'In the playground Josh said Dad hit him with a belt.').concerns).not.toContain('physical-abuse');
  });

  it('never overrules a rule added since the phrase weights were learned', () => {
    const known = defaultPack.rules.map((rule) => rule.id).filter((id) => id !== 'physical-abuse');
    const withNewRule = compilePack(withModel({ ...stacked, phraseRules: known }));
    const playground = 'In the playground Josh said Dad hit him with a belt.';
    expect(concerns(playground)).not.toContain('physical-abuse');
    expect(evaluateNote(withNewRule, playground).concerns).toContain('physical-abuse');
  });

  it('keeps a neverDrop concern the phrases raised unless its probability falls below neverDropBelow', () => {
    const threat = 'She cannot go home safely tonight.';
    expect(concernsOf(threat, rulesOnly)).toContain('immediate-danger');
    // -2 + 1 = -1 would drop any other concern; p = 0.27 is above the 0.1 floor.
    expect(concerns(threat)).toContain('immediate-danger');
    expect(concerns('She cannot go home safely tonight after football.')).toContain('immediate-danger');
    // -2 - 5 + 1 = -6, p = 0.0025.
    expect(concerns('She cannot go home safely tonight after the game.')).not.toContain('immediate-danger');
  });
});

describe('word model validation', () => {
  const problemsFor = (model: unknown): { path: string; message: string }[] => {
    const parsed = parseRulePack({ ...defaultPack, model });
    return parsed.ok ? [] : parsed.problems;
  };

  it('refuses bad features, weights and rule references, each by path', () => {
    const bad = {
      ...tinyModel,
      concerns: {
        neglect: { rule: 'neglect', bias: -3, weights: { 'Cupboards!': 1, bare: 1e9, fine: 1 } },
        fgm: { rule: 'no-such-rule', bias: 0, weights: {} },
        'physical-abuse': { rule: 'neglect', bias: 0, weights: {} },
      },
    };
    expect(problemsFor(bad)).toEqual(
      expect.arrayContaining([
        { path: 'model.concerns.neglect.weights["Cupboards!"]', message: 'a feature is "word", "word word", or either after "!"' },
        { path: 'model.concerns.neglect.weights.bare', message: 'must be a number between -100 and 100' },
        { path: 'model.concerns.fgm.rule', message: 'unknown rule "no-such-rule"' },
        { path: 'model.concerns["physical-abuse"].rule', message: 'rule "neglect" is about neglect, not physical-abuse' },
      ]),
    );
    expect(problemsFor({ ...tinyModel, concerns: { 'not-a-concern': tinyModel.concerns.neglect } }).length).toBeGreaterThan(0);
    expect(problemsFor({ ...tinyModel, kind: 'neural-net' }).length).toBeGreaterThan(0);
  });

  it('keeps the last good pack when a pack with a bad model arrives', () => {
    const holder = createPackHolder(withModel(tinyModel));
    const before = holder.current;
    const result = holder.update({ ...withModel(tinyModel), model: { ...tinyModel, addAbove: 2 } });
    expect(result.ok).toBe(false);
    expect(holder.current).toBe(before);
    expect(concernsOf('On both visits the cupboards were bare.', holder.current)).toContain('neglect');
  });
});

describe('training', { timeout: 30_000 }, () => {
  const notes: LabelledNote[] = [
    { text: 'The cupboards were bare again.', concerns: ['neglect'] },
    { text: 'No food in the cupboards and the children were hungry.', concerns: ['neglect'] },
    { text: 'Cupboards full; children well fed.', concerns: [] },
    { text: 'Dad hit him with a belt.', concerns: ['physical-abuse'] },
    { text: 'Reading books returned.', concerns: [] },
    { text: 'Fridge bare and no dinner again.', concerns: ['neglect'] },
  ];

  it('learns the same weights from the same notes every time, and a pack that validates', () => {
    // Every weight kept: this corpus is too small for the usual cut-off.
    const options = { ...DEFAULT_TRAINING, minWeight: 0 };
    const first = trainModel(defaultPack, notes, 'tiny', options);
    expect(trainModel(defaultPack, notes, 'tiny', options)).toEqual(first);
    expect(first.concerns.neglect?.weights.bare).toBeGreaterThan(0);
    expect(parseRulePack({ ...defaultPack, model: first }).ok).toBe(true);
  });

  it('learns phrase weights from corpora the phrases never saw, deterministically', () => {
    const corpora = [
      { name: 'a', notes },
      { name: 'b', notes: notes.map((note) => ({ ...note, text: `${note.text} Seen at home.` })) },
      { name: 'c', notes: notes.map((note) => ({ ...note, text: `Visit: ${note.text}` })) },
    ];
    const options = { ...DEFAULT_TRAINING, minWeight: 0 };
    const first = trainStackedModel(defaultPack, corpora, new Set(['b', 'c']), 'tiny', options);
    expect(trainStackedModel(defaultPack, corpora, new Set(['b', 'c']), 'tiny', options)).toEqual(first);
    expect(first.addAbove).toBe(DEFAULT_TRAINING.stack.addAbove);
    expect(first.dropAgainst).toBeUndefined();
    for (const entry of Object.values(first.concerns)) expect(Number.isFinite(entry?.phrase)).toBe(true);
    expect(parseRulePack({ ...defaultPack, model: first }).ok).toBe(true);
    expect(() => trainStackedModel(defaultPack, corpora, new Set(['none']), 'tiny', options)).toThrow(/no notes/);
  });

  it('the bundled model is exactly what npm run rules:train learns from the listed corpora', { timeout: 120_000 }, () => {
    const root = new URL('../../', import.meta.url);
    const script = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts['rules:train'] ?? '';
    const [plain = '', stack = ''] = script.split('--stack');
    const jsonl = (part: string): string[] => part.split(/\s+/).filter((word) => word.endsWith('.jsonl'));
    const files = [...jsonl(plain), ...jsonl(stack)];
    expect(files.length).toBeGreaterThan(5);
    // The check corpora stay out of training so that their figures stay an honest estimate.
    expect(files.some((file) => file.includes('blind9') || file.includes('blind10'))).toBe(false);
    const corpora = files.map((file) => ({ name: file, notes: readCorpus(new URL(file, root)) }));
    const { model: bundled, ...pack } = defaultPack;
    const description = bundled?.description ?? '';
    const learned =
      stack === ''
        ? trainModel(pack as RulePack, corpora.flatMap((c) => c.notes), description)
        : trainStackedModel(pack as RulePack, corpora, new Set(jsonl(stack)), description);
    expect(learned).toEqual(bundled);
    expect(description).toContain(`${corpora.reduce((n, c) => n + c.notes.length, 0)} labelled notes`);
  });
});
