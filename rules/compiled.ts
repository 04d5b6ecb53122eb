import type { ConcernId } from './concerns.ts';
import type { PromptCard } from './evaluate.ts';
import type { WordTable } from './normalise.ts';
import type { PhraseElement } from './phrase.ts';
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
  /** One of these words must be in the sentence (see requiredWords); undefined: no such test. */
  readonly required: ReadonlySet<string> | undefined;
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
}

export interface ConcernNeed {
  readonly concerns: readonly (ConcernId | 'any-risk')[];
  readonly scope: 'sentence' | 'note';
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
  /** Memo of word -> merged candidates; bounded, see lookup.ts. */
  readonly memo: Map<string, Candidates>;
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
}
