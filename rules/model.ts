import type { Sentence } from './normalise.ts';

/**
 * The word model: a pack may carry, per concern, a weight for each word and word pair of a
 * sentence (a linear model learned from labelled notes by `npm run rules -- train`). Phrases catch
 * what their authors foresaw; the weights generalise to wording nobody wrote a phrase for, and
 * judge whether a whole note reads as the concern. The engine uses them two ways:
 *   - a concern no rule raised is added when the model is confident (above `addAbove`);
 *   - a concern a rule raised is kept unless the model all but rules it out (below `keepAbove`).
 * Features are plain strings, so a pack stays data: "hit", "hit her", and "!marks" / "!no marks"
 * for a word read after a negation ("no", "not", "denies"...) in the same clause.
 */

export interface FeatureOptions {
  readonly negation: ReadonlySet<string>;
  /** How many words after a negation word are read as negated (a clause break ends it sooner). */
  readonly negationReach: number;
}

/** Calls `visit` once for each distinct feature of one sentence. */
export function sentenceFeatures(sentence: Sentence, options: FeatureOptions, visit: (feature: string) => void): void {
  const { words, breakBefore } = sentence;
  const seen = new Set<string>();
  const emit = (feature: string): void => {
    if (seen.has(feature)) return;
    seen.add(feature);
    visit(feature);
  };
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    if (breakBefore[i] === true) negated = 0;
    const word = words[i] as string;
    if (options.negation.has(word)) {
      // The negation word itself is a plain feature: "no" and "denies" carry meaning of their own.
      emit(word);
      negated = options.negationReach;
      continue;
    }
    const mark = negated > 0 ? '!' : '';
    if (negated > 0) negated--;
    emit(mark + word);
    if (i > 0) emit(`${mark}${words[i - 1] as string} ${word}`);
  }
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * "word", "word word", or either after "!": the shape sentenceFeatures writes. A plain loop, as
 * a pack's tens of thousands of features are checked in every frame that reads notes.
 */
export function isModelFeature(feature: string): boolean {
  let i = feature.charCodeAt(0) === 33 ? 1 : 0;
  let wordLength = 0;
  let spaces = 0;
  for (; i < feature.length; i++) {
    const code = feature.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39) wordLength++;
    else if (code === 32 && wordLength > 0 && spaces === 0) {
      spaces = 1;
      wordLength = 0;
    } else if (code > 127 && NON_ASCII_WORD_CHAR.test(feature.charAt(i))) wordLength++;
    else return false;
  }
  return wordLength > 0;
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** The logit a probability threshold corresponds to, so that scores are compared without exp. */
export function logitOf(probability: number): number {
  if (probability <= 0) return Number.NEGATIVE_INFINITY;
  if (probability >= 1) return Number.POSITIVE_INFINITY;
  return Math.log(probability / (1 - probability));
}

/**
 * Notes in the training corpora are one to eight sentences long. A long paragraph is judged by
 * its most concerning run of this many sentences, so that a long record does not add up to a
 * concern that no part of it states.
 */
export const MODEL_WINDOW_SENTENCES = 8;
