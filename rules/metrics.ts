import type { ConcernId } from './concerns.ts';

export interface LabelledResult {
  id: string;
  expected: readonly ConcernId[];
  actual: readonly ConcernId[];
}

export interface Accuracy {
  notes: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Micro-averaged over concerns. */
  precision: number;
  recall: number;
  benignNotes: number;
  /** Benign notes (no expected concern) that raised any concern. */
  benignWithConcern: number;
  benignFalsePositiveRate: number;
  perConcern: Record<string, { tp: number; fp: number; fn: number }>;
}

export function measureAccuracy(results: readonly LabelledResult[]): Accuracy {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let benign = 0;
  let benignHit = 0;
  const perConcern: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (concern: string, key: 'tp' | 'fp' | 'fn'): void => {
    const entry = (perConcern[concern] ??= { tp: 0, fp: 0, fn: 0 });
    entry[key] += 1;
  };
  for (const result of results) {
    const expected = new Set(result.expected);
    const actual = new Set(result.actual);
    for (const c of actual) {
      if (expected.has(c)) {
        tp++;
        bump(c, 'tp');
      } else {
        fp++;
        bump(c, 'fp');
      }
    }
    for (const c of expected) {
      if (!actual.has(c)) {
        fn++;
        bump(c, 'fn');
      }
    }
    if (expected.size === 0) {
      benign++;
      if (actual.size > 0) benignHit++;
    }
  }
  return {
    notes: results.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    benignNotes: benign,
    benignWithConcern: benignHit,
    benignFalsePositiveRate: benign === 0 ? 0 : benignHit / benign,
    perConcern,
  };
}
