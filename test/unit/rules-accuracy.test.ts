import { describe, expect, it } from 'vitest';
import { evaluateNote } from '../../rules/evaluate.ts';
import { measureAccuracy } from '../../rules/metrics.ts';
import { compileDefault, readCorpus } from './rules-helpers.ts';

// Thresholds from issue #3: micro-averaged precision and recall >= 0.95, and at most 3% of
// benign notes raising any concern. Only ids and figures are printed, never note text.
const compiled = compileDefault();
const corpora = [
  ['shared dev corpus', new URL('../../../shared/corpus/notes-dev.jsonl', import.meta.url)],
  ['own corpus', new URL('../corpus/notes-own.jsonl', import.meta.url)],
  // Written after the first round of tuning to estimate generalisation (first run: P 0.865, R 0.653).
  ['holdout corpus', new URL('../corpus/notes-holdout.jsonl', import.meta.url)],
] as const;

describe.each(corpora)('accuracy on the %s', (name, url) => {
  const notes = readCorpus(url);
  const accuracy = measureAccuracy(notes.map((n) => ({ id: n.id, expected: n.concerns, actual: evaluateNote(compiled, n.text).concerns })));

  it('meets the precision, recall and benign false-positive targets', () => {
    console.info(
      `${name}: ${accuracy.notes} notes, precision ${accuracy.precision.toFixed(3)}, recall ${accuracy.recall.toFixed(3)}, ` +
        `benign raising a concern ${accuracy.benignWithConcern}/${accuracy.benignNotes} (${(accuracy.benignFalsePositiveRate * 100).toFixed(1)}%)`,
    );
    expect(accuracy.precision).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.recall).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.benignFalsePositiveRate).toBeLessThanOrEqual(0.03);
  });
});
