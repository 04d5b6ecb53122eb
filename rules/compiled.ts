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

export interface CompiledPackInternals {
  readonly packId: string;
  readonly packVersion: string;
  readonly wordTable: WordTable;
  readonly rules: readonly CompiledRule[];
  readonly triggers: readonly CompiledTrigger[];
  readonly contextGroups: readonly CompiledContextGroup[];
  readonly combinations: readonly CompiledCombination[];
  /** Phrases indexed by the exact words that can start them. */
  readonly byWord: ReadonlyMap<string, readonly IndexedPhrase[]>;
  /** Phrases indexed by a prefix that can start them. */
  readonly byPrefix: ReadonlyMap<string, readonly IndexedPhrase[]>;
  readonly prefixLengths: readonly number[];
  readonly patternTriggers: readonly number[];
  /** Memo of word -> candidate phrases; bounded, see lookup.ts. */
  readonly candidateMemo: Map<string, readonly IndexedPhrase[]>;
}
