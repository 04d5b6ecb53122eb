import type { ConcernId } from './concerns.ts';
import type { PromptCard } from './evaluate.ts';
import type { FeatureOptions } from './model.ts';
import type { WordTable } from './normalise.ts';
import type { MatchWord, PhraseElement } from './phrase.ts';
import type { CancellingCategory, ContextCategory, Severity } from './schema.ts';

/** Internal shape of a compiled pack. Callers treat CompiledPack as opaque. */

export type PhraseOwner =
  | { readonly kind: 'trigger'; readonly trigger: number }
  | { readonly kind: 'requires'; readonly trigger: number }
  | { readonly kind: 'unless'; readonly trigger: number }
  | { readonly kind: 'context'; readonly group: number };

export interface IndexedPhrase {
  readonly elements: readonly PhraseElement[];
  readonly owner: PhraseOwner;
  /**
   * Requirements (see requirementSets) this phrase needs met in the sentence before it is worth
   * matching, by their numbers in CompiledPackInternals.requirementsOf; undefined when none.
   */
  readonly requires: Int32Array | undefined;
  /** The most words a match can consume, so required words further on cannot belong to it. */
  readonly span: number;
  /**
   * How many leading elements the index has already matched when it offers this phrase, so
   * matching resumes after them: 2 when indexed by its first two words, 1 when by a first word
   * that has no multi-word alternatives, else 0.
   */
  readonly indexed: number;
}

export interface CompiledTrigger {
  readonly rule: number;
  readonly pattern: RegExp | undefined;
  readonly hasRequires: boolean;
  readonly ignore: ReadonlySet<CancellingCategory>;
}

export interface CompiledContextGroup {
  readonly category: ContextCategory;
  readonly direction: 'forward' | 'backward' | 'both';
  readonly scope: number;
  readonly acrossClauses: boolean;
}

export interface ConcernNeed {
  readonly concerns: readonly (ConcernId | 'any-risk')[];
  readonly scope: 'sentence' | 'nearby' | 'note';
}

export interface CompiledRule {
  readonly id: string;
  readonly concern: ConcernId;
  readonly severity: Severity;
  readonly requiresConcerns: ConcernNeed | undefined;
  readonly cards: readonly PromptCard[];
}

export interface CompiledCombination {
  readonly id: string;
  readonly concern: ConcernId;
  readonly severity: Severity;
  readonly all: readonly (ConcernId | 'any-risk')[];
  readonly cards: readonly PromptCard[];
}

/** Phrases that can start at a word: all of `any`, plus those in `next` under the following word. */
export interface Candidates {
  readonly any: readonly IndexedPhrase[];
  readonly next: ReadonlyMap<string, readonly IndexedPhrase[]> | undefined;
}

/**
 * Phrases indexed by the exact word or the prefix that can start them, and where possible by the
 * word after that, so that common words ("not", "no", "her") only try the phrases that fit.
 */
export interface PhraseIndex {
  readonly byWord: ReadonlyMap<string, Candidates>;
  readonly byPrefix: ReadonlyMap<string, Candidates>;
  readonly prefixLengths: readonly number[];
}

/** Everything the matcher needs to know about one distinct word, looked up once per word. */
export interface WordEntry extends MatchWord {
  readonly trigger: Candidates;
  readonly support: Candidates;
  /** The requirements this word meets (see CompiledPackInternals.requirementsOf). */
  readonly meets: readonly number[];
  /** What the word model knows of this word, looked up once per word. */
  readonly model: ModelWord;
}

/** A word's features in the word model, by feature number (-1: none). */
export interface ModelWord {
  readonly negation: boolean;
  readonly plain: number;
  readonly negated: number;
  /** The next word -> the feature number of the pair, plain and after a negation. */
  readonly next: ReadonlyMap<string, number> | undefined;
  readonly negatedNext: ReadonlyMap<string, number> | undefined;
}

/**
 * Per-pack scratch state reused by every sentence, so that reading a sentence allocates nothing
 * unless something in it matches. Evaluation is synchronous, so one set per pack suffices.
 */
export interface Scratch {
  /** Memo of word -> entry; bounded, see lookup.ts. */
  readonly entries: Map<string, WordEntry>;
  /** met[n] === generation: a word of the current sentence meets requirement n. */
  readonly met: Uint32Array;
  /** When met: the first and last word positions in the sentence that meet requirement n. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  generation: number;
  /** Entries of the current sentence's words, by position; longer than the sentence. */
  row: WordEntry[];
}

/** The pack's word model (see model.ts), ready to score sentences. */
export interface CompiledModel {
  readonly features: FeatureOptions;
  /** Scores are kept per model concern, in this order. */
  readonly concerns: readonly {
    readonly concern: ConcernId;
    /** Index of the rule whose cards it shows in CompiledPackInternals.rules; -1 when that rule is off. */
    readonly rule: number;
    readonly bias: number;
    /** The model may add this concern but never drops it. */
    readonly neverDrop: boolean;
    /** Log-odds for "the phrases raised it"; undefined: the model only adds and drops (see schema.ts). */
    readonly phrase: number | undefined;
  }[];
  /**
   * Feature f's weights sit at [start[f], start[f + 1]) of concernOf (the model concern's index)
   * and weightOf.
   */
  readonly start: Int32Array;
  readonly concernOf: Uint8Array;
  readonly weightOf: Float64Array;
  /** Word -> feature number, for the word plain and after a negation ("!word"). */
  readonly unigram: ReadonlyMap<string, number>;
  readonly negatedUnigram: ReadonlyMap<string, number>;
  /** First word -> second word -> feature number, plain and after a negation. */
  readonly bigram: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly negatedBigram: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** stamp[f] === generation: feature f already counted in the current sentence. */
  readonly stamp: Uint32Array;
  generation: number;
  readonly addLogit: number;
  /** Drop a rule's concern when the summed weights (without bias) fall below this. */
  readonly dropBelow: number;
  /** With `phrase`: a neverDrop concern the phrases raised stays unless its logit is below this. */
  readonly neverDropLogit: number;
  /** With `phrase`: a concern the phrases raised stays when its summed weights reach this. */
  readonly keepFor: number;
  /** Rules (by index) whose hits the phrase weights know; undefined: every rule. */
  readonly phraseRules: ReadonlySet<number> | undefined;
}

export interface CompiledPackInternals {
  readonly packId: string;
  readonly packVersion: string;
  readonly wordTable: WordTable;
  readonly rules: readonly CompiledRule[];
  readonly triggers: readonly CompiledTrigger[];
  readonly contextGroups: readonly CompiledContextGroup[];
  readonly combinations: readonly CompiledCombination[];
  /** Trigger phrases: read first, and the only thing read in sentences where nothing triggers. */
  readonly triggerIndex: PhraseIndex;
  /** Context, requires and unless phrases: read only in sentences where a trigger matched. */
  readonly supportIndex: PhraseIndex;
  readonly patternTriggers: readonly number[];
  readonly model: CompiledModel | undefined;
  /**
   * Word -> the numbers of the requirements it meets. A requirement is a set of words of which a
   * phrase needs one in the sentence; equal sets share a number.
   */
  readonly requirementsOf: ReadonlyMap<string, readonly number[]>;
  /** Prefix -> the numbers of the requirements a word with that prefix meets. */
  readonly requirementsOfPrefix: ReadonlyMap<string, readonly number[]>;
  /** Every prefix ("bruis*") the phrases use, and their distinct lengths, ascending. */
  readonly prefixes: ReadonlySet<string>;
  readonly prefixLengths: readonly number[];
  readonly scratch: Scratch;
}
