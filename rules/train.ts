import type { ConcernId } from './concerns.ts';
import { concernIds } from './concerns.ts';
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
  // Urgent prompts and risks to life stay with the rules: the model may add them, never drop them.
  neverDrop: ['immediate-danger', 'self-harm-suicide', 'fgm', 'forced-marriage-hba', 'allegation-against-staff'],
};

/** The rule whose cards a concern raised by the model shows: the rule named after the concern. */
function ruleFor(pack: RulePack, concern: ConcernId): string | undefined {
  return pack.rules.find((rule) => rule.id === concern && rule.concern === concern)?.id ?? pack.rules.find((rule) => rule.concern === concern)?.id;
}

export function trainModel(pack: RulePack, notes: readonly LabelledNote[], description: string, options: TrainingOptions = DEFAULT_TRAINING): Model {
  const table = buildWordTable(pack.normalisation.words);
  const featuresOf = (text: string): string[] => {
    const all: string[] = [];
    for (const segment of segmentNote(text)) sentenceFeatures(normaliseSegment(segment, table), options.features, (f) => all.push(f));
    return all;
  };
  const perNote = notes.map((note) => featuresOf(note.text));
  const noteCount = new Map<string, number>();
  for (const features of perNote) for (const feature of new Set(features)) noteCount.set(feature, (noteCount.get(feature) ?? 0) + 1);
  const vocabulary = [...noteCount].filter(([, count]) => count >= options.minNotes).map(([feature]) => feature).sort();
  const index = new Map(vocabulary.map((feature, i) => [feature, i]));
  const rows = perNote.map((features) => Int32Array.from(features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : []))));
  const orders = epochOrders(notes.length, options.epochs);

  const concerns: Partial<Record<ConcernId, ModelConcern>> = {};
  for (const concern of concernIds) {
    const rule = ruleFor(pack, concern);
    if (rule === undefined) continue;
    const labels = notes.map((note) => (note.concerns.includes(concern) ? 1 : 0));
    const { weights, bias } = logisticRegression(rows, labels, vocabulary.length, orders, options);
    const kept: Record<string, number> = {};
    weights.forEach((weight, i) => {
      if (Math.abs(weight) >= options.minWeight) kept[vocabulary[i] as string] = round(weight);
    });
    concerns[concern] = { rule, bias: round(bias), weights: kept };
  }
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

function logisticRegression(
  rows: readonly Int32Array[],
  labels: readonly number[],
  size: number,
  orders: readonly Int32Array[],
  options: TrainingOptions,
): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(size);
  let bias = 0;
  const rate = options.learningRate;
  for (const order of orders) {
    for (const i of order) {
      const row = rows[i] as Int32Array;
      let logit = bias;
      for (const j of row) logit += weights[j] as number;
      const gradient = sigmoid(logit) - (labels[i] as number);
      bias -= rate * gradient;
      for (const j of row) weights[j] = (weights[j] as number) - rate * (gradient + options.l2 * (weights[j] as number));
    }
  }
  return { weights, bias };
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
