import { compilePack } from './compile.ts';
import type { ConcernId } from './concerns.ts';
import { concernIds } from './concerns.ts';
import { readNote } from './evaluate.ts';
import { sentenceFeatures, sigmoid, type FeatureOptions } from './model.ts';
import { buildWordTable, normaliseSegment } from './normalise.ts';
import type { Model, ModelConcern, RulePack } from './schema.ts';
import { segmentNote } from './segment.ts';

/**
 * Learns the pack's word model (see model.ts) from labelled notes: one logistic regression per
 * concern over the features of each sentence, by stochastic gradient descent in a fixed,
 * seeded order, so the same notes and pack always give the same weights. Small weights are
 * dropped (they barely move a score and would bloat the pack) and the rest rounded.
 */

export interface LabelledNote {
  readonly text: string;
  readonly concerns: readonly string[];
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** A feature must occur in this many notes to get a weight. */
  readonly minNotes: number;
  /** Weights smaller than this (absolute) are dropped. */
  readonly minWeight: number;
  readonly features: FeatureOptions;
  readonly addAbove: number;
  readonly dropAgainst: number | undefined;
  readonly neverDrop: readonly ConcernId[];
  /** How a stacked model (trainStackedModel) combines phrases and words. */
  readonly stack: {
    readonly addAbove: number;
    readonly neverDropBelow: number;
    /** Pull of the combination's scale towards 1 and phrase weight towards 0 (Gaussian prior). */
    readonly l2: number;
    /**
     * The stack corpora are read in this many groups (round-robin in the order given), each by a
     * model learned without its group: fewer models to learn than one per corpus.
     */
    readonly folds: number;
    /** A phrase's concern stays while the words count for it by at least this (see schema.ts). */
    readonly keepFor: number;
  };
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 30,
  learningRate: 0.3,
  l2: 1e-4,
  minNotes: 2,
  minWeight: 0.25,
  features: { negation: new Set(['no', 'not', 'denies', 'denied', 'never', 'nothing', 'without', 'nor']), negationReach: 4 },
  // Chosen over leave-one-corpus-out runs (docs/rule-pack.md, "The word model").
  addAbove: 0.7,
  dropAgainst: 0.5,
  // Risks to life stay with the phrases: the model may add these, never drop them. (FGM, forced
  // marriage and allegations against staff were on this list in round 7; with phrase weights the
  // model overrules their look-alikes, and keepFor keeps an explicit one.)
  neverDrop: ['immediate-danger', 'self-harm-suicide'],
  // Chosen by cross-validation over the corpora the phrases were never tuned on (docs/rule-pack.md).
  stack: { addAbove: 0.45, neverDropBelow: 0, keepFor: 2, l2: 1, folds: 5 },
};

/** The rule whose cards a concern raised by the model shows: the rule named after the concern. */
function ruleFor(pack: RulePack, concern: ConcernId): string | undefined {
  return pack.rules.find((rule) => rule.id === concern && rule.concern === concern)?.id ?? pack.rules.find((rule) => rule.concern === concern)?.id;
}

export function trainModel(
  pack: RulePack,
  notes: readonly LabelledNote[],
  description: string,
  options: TrainingOptions = DEFAULT_TRAINING,
  /** Features already read from notes with this pack and options (trainStackedModel reuses them). */
  known: Map<LabelledNote, string[]> = new Map(),
): Model {
  const table = buildWordTable(pack.normalisation.words);
  const featuresOf = (note: LabelledNote): string[] => {
    const cached = known.get(note);
    if (cached !== undefined) return cached;
    const all: string[] = [];
    for (const segment of segmentNote(note.text)) sentenceFeatures(normaliseSegment(segment, table), options.features, (f) => all.push(f));
    known.set(note, all);
    return all;
  };
  const perNote = notes.map(featuresOf);
  const noteCount = new Map<string, number>();
  for (const features of perNote) for (const feature of new Set(features)) noteCount.set(feature, (noteCount.get(feature) ?? 0) + 1);
  const vocabulary = [...noteCount].filter(([, count]) => count >= options.minNotes).map(([feature]) => feature).sort();
  const index = new Map(vocabulary.map((feature, i) => [feature, i]));
  const rows = perNote.map((features) => Int32Array.from(features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : []))));
  const orders = epochOrders(notes.length, options.epochs);

  const learned = concernIds.flatMap((concern) => {
    const rule = ruleFor(pack, concern);
    return rule === undefined ? [] : [{ concern, rule }];
  });
  const labels = learned.map(({ concern }) => Uint8Array.from(notes, (note) => (note.concerns.includes(concern) ? 1 : 0)));
  const { weights, biases } = logisticRegressions(rows, labels, vocabulary.length, orders, options);
  const concerns: Partial<Record<ConcernId, ModelConcern>> = {};
  learned.forEach(({ concern, rule }, c) => {
    const kept: Record<string, number> = {};
    vocabulary.forEach((feature, i) => {
      const weight = weights[i * learned.length + c] as number;
      if (Math.abs(weight) >= options.minWeight) kept[feature] = round(weight);
    });
    concerns[concern] = { rule, bias: round(biases[c] as number), weights: kept };
  });
  return {
    kind: 'linear-words-v1',
    description,
    negation: [...options.features.negation],
    negationReach: options.features.negationReach,
    addAbove: options.addAbove,
    ...(options.dropAgainst === undefined ? {} : { dropAgainst: options.dropAgainst, neverDrop: [...options.neverDrop] }),
    concerns,
  };
}

/**
 * One logistic regression per label set, by SGD, all in the same pass over the notes: each
 * concern sees exactly the updates it would alone, and a note's features are read once for all
 * concerns. Weights are laid out feature-major: weights[feature * concerns + concern].
 */
function logisticRegressions(
  rows: readonly Int32Array[],
  labels: readonly Uint8Array[],
  size: number,
  orders: readonly Int32Array[],
  options: TrainingOptions,
): { weights: Float64Array; biases: Float64Array } {
  const count = labels.length;
  const weights = new Float64Array(size * count);
  const biases = new Float64Array(count);
  const logits = new Float64Array(count);
  const gradients = new Float64Array(count);
  const rate = options.learningRate;
  const l2 = options.l2;
  for (const order of orders) {
    for (const i of order) {
      const row = rows[i] as Int32Array;
      logits.set(biases);
      for (const j of row) {
        const base = j * count;
        for (let c = 0; c < count; c++) logits[c] = (logits[c] as number) + (weights[base + c] as number);
      }
      for (let c = 0; c < count; c++) {
        gradients[c] = sigmoid(logits[c] as number) - ((labels[c] as Uint8Array)[i] as number);
        biases[c] = (biases[c] as number) - rate * (gradients[c] as number);
      }
      for (const j of row) {
        const base = j * count;
        for (let c = 0; c < count; c++) {
          const w = weights[base + c] as number;
          weights[base + c] = w - rate * ((gradients[c] as number) + l2 * w);
        }
      }
    }
  }
  return { weights, biases };
}

/** A seeded shuffle per epoch (mulberry32 + Fisher-Yates): reproducible on every machine. */
function epochOrders(count: number, epochs: number): Int32Array[] {
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: epochs }, () => {
    const order = Int32Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
  });
}

function round(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}

export interface LabelledCorpus {
  readonly name: string;
  readonly notes: readonly LabelledNote[];
}

/**
 * Learns the word model from every corpus, then how far to trust each concern's phrases against
 * it. For that, the model's reading of a note must be as fresh as it will be on a note nobody has
 * seen, and so must the phrases': `stackOn` names corpora the phrases were never tuned on. Each is
 * read by a model learned without it (and the rest of its fold), and per concern a small logistic
 * regression over those readings finds an offset, a scale for the model's log-odds and a weight
 * for "the phrases raised it". The scale and offset are folded into the weights and bias, so the
 * pack carries only a `phrase` weight per concern (see schema.ts).
 */
export function trainStackedModel(
  pack: RulePack,
  corpora: readonly LabelledCorpus[],
  stackOn: ReadonlySet<string>,
  description: string,
  options: TrainingOptions = DEFAULT_TRAINING,
): Model {
  const known = new Map<LabelledNote, string[]>();
  const model = trainModel(pack, corpora.flatMap((corpus) => corpus.notes), description, options, known);
  const samples = new Map<ConcernId, { rows: [number, number][]; labels: number[] }>();
  const stacked = corpora.filter((corpus) => stackOn.has(corpus.name));
  const folds = Array.from({ length: Math.min(options.stack.folds, stacked.length) }, (_, f) => stacked.filter((_, i) => i % options.stack.folds === f));
  for (const fold of folds) {
    const held = trainModel(pack, corpora.filter((other) => !fold.includes(other)).flatMap((other) => other.notes), description, options, known);
    const compiled = compilePack({ ...pack, model: held });
    for (const note of fold.flatMap((corpus) => corpus.notes)) {
      for (const { concern, logit, raised } of readNote(compiled, note.text)) {
        let sample = samples.get(concern);
        if (sample === undefined) samples.set(concern, (sample = { rows: [], labels: [] }));
        sample.rows.push([logit, raised ? 1 : 0]);
        sample.labels.push(note.concerns.includes(concern) ? 1 : 0);
      }
    }
  }
  if (samples.size === 0) throw new Error('trainStackedModel: no notes to learn the combination from (stackOn names no corpus)');
  const concerns: Partial<Record<ConcernId, ModelConcern>> = {};
  for (const [concern, entry] of Object.entries(model.concerns) as [ConcernId, ModelConcern][]) {
    const sample = samples.get(concern);
    if (sample === undefined) continue;
    const [offset, scale, phrase] = fitCombination(sample.rows, sample.labels, options.stack.l2);
    const weights: Record<string, number> = {};
    for (const [feature, weight] of Object.entries(entry.weights)) weights[feature] = round(weight * scale);
    concerns[concern] = { rule: entry.rule, bias: round(entry.bias * scale + offset), phrase: round(phrase), weights };
  }
  const { dropAgainst: _unused, ...rest } = model;
  const { addAbove, neverDropBelow, keepFor } = options.stack;
  return { ...rest, addAbove, ...(neverDropBelow > 0 ? { neverDropBelow } : {}), keepFor, phraseRules: pack.rules.map((rule) => rule.id), concerns };
}

/**
 * Newton's method for p = sigmoid(offset + scale * logit + phrase * raised), with a Gaussian prior
 * pulling scale to 1 and phrase to 0 (never the offset). It starts from p = 0.5 everywhere and
 * halves any step that would not lower the loss, so it cannot diverge; deterministic.
 */
function fitCombination(rows: readonly (readonly [number, number])[], labels: readonly number[], l2: number): [number, number, number] {
  // Clamped so that a runaway logit cannot dominate the fit.
  const xs = rows.map(([logit, raised]) => [Math.max(-20, Math.min(20, logit)), raised] as const);
  const loss = (offset: number, scale: number, phrase: number): number => {
    let total = 0.5 * l2 * ((scale - 1) ** 2 + phrase ** 2);
    xs.forEach(([logit, raised], i) => {
      const z = offset + scale * logit + phrase * raised;
      // log(1 + e^z) - y z, computed without overflow.
      total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (labels[i] as number) * z;
    });
    return total;
  };
  let offset = 0;
  let scale = 0;
  let phrase = 0;
  let current = loss(offset, scale, phrase);
  for (let step = 0; step < 100; step++) {
    // Gradient (g) and Hessian (h, symmetric) of the penalised log-loss.
    let g0 = 0;
    let g1 = l2 * (scale - 1);
    let g2 = l2 * phrase;
    let h00 = 1e-9;
    let h01 = 0;
    let h02 = 0;
    let h11 = l2;
    let h12 = 0;
    let h22 = l2;
    xs.forEach(([logit, raised], i) => {
      const p = sigmoid(offset + scale * logit + phrase * raised);
      const error = p - (labels[i] as number);
      const c = p * (1 - p);
      g0 += error;
      g1 += error * logit;
      g2 += error * raised;
      h00 += c;
      h01 += c * logit;
      h02 += c * raised;
      h11 += c * logit * logit;
      h12 += c * logit * raised;
      h22 += c * raised * raised;
    });
    const [d0, d1, d2] = solveSymmetric3([h00, h01, h02, h11, h12, h22], [g0, g1, g2]);
    let t = 1;
    let next = loss(offset - d0, scale - d1, phrase - d2);
    while (!(next <= current) && t > 1e-6) {
      t /= 2;
      next = loss(offset - t * d0, scale - t * d1, phrase - t * d2);
    }
    if (!(next <= current)) break;
    offset -= t * d0;
    scale -= t * d1;
    phrase -= t * d2;
    const moved = t * Math.max(Math.abs(d0), Math.abs(d1), Math.abs(d2));
    current = next;
    if (moved < 1e-9) break;
  }
  return [offset, scale, phrase];
}

/** Solves H x = g for a symmetric 3x3 H given as [h00, h01, h02, h11, h12, h22], by Cramer's rule. */
function solveSymmetric3(
  [a, b, c, d, e, f]: readonly [number, number, number, number, number, number],
  [x, y, z]: readonly [number, number, number],
): [number, number, number] {
  const whole = det3(a, b, c, b, d, e, c, e, f);
  return [det3(x, b, c, y, d, e, z, e, f) / whole, det3(a, x, c, b, y, e, c, z, f) / whole, det3(a, b, x, b, d, y, c, e, z) / whole];
}

/** The determinant of the 3x3 matrix with rows (p q r), (s t u), (v w o). */
function det3(p: number, q: number, r: number, s: number, t: number, u: number, v: number, w: number, o: number): number {
  return p * (t * o - u * w) - q * (s * o - u * v) + r * (s * w - t * v);
}
