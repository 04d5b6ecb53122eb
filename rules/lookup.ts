import type { Candidates, CompiledModel, CompiledPackInternals, IndexedPhrase, ModelWord, PhraseIndex, WordEntry } from './compiled.ts';
import type { PhraseElement } from './phrase.ts';
import { firstWordTests, secondWords } from './phrase.ts';

const MEMO_LIMIT = 50_000;
const NONE: Candidates = { any: [], next: undefined };
const NO_REQUIREMENTS: readonly number[] = [];
const NO_PREFIXES: readonly string[] = [];

interface MutableCandidates {
  any: IndexedPhrase[];
  next: Map<string, IndexedPhrase[]> | undefined;
}

/** Builds an index over phrases; see PhraseIndex. */
export function buildIndex(phrases: readonly IndexedPhrase[]): PhraseIndex {
  const byWord = new Map<string, MutableCandidates>();
  const byPrefix = new Map<string, MutableCandidates>();
  const add = (map: Map<string, MutableCandidates>, key: string, phrase: IndexedPhrase, second: ReadonlySet<string> | undefined): void => {
    let entry = map.get(key);
    if (entry === undefined) {
      entry = { any: [], next: undefined };
      map.set(key, entry);
    }
    if (second === undefined) {
      entry.any.push(phrase);
      return;
    }
    entry.next ??= new Map();
    for (const word of second) {
      const list = entry.next.get(word);
      if (list === undefined) entry.next.set(word, [phrase]);
      else list.push(phrase);
    }
  };
  for (const phrase of phrases) {
    const second = secondWords(phrase.elements as PhraseElement[]);
    for (const test of firstWordTests(phrase.elements)) {
      for (const word of test.exact) add(byWord, word, phrase, second);
      for (const prefix of test.prefixes) add(byPrefix, prefix, phrase, second);
    }
  }
  return {
    byWord,
    byPrefix,
    prefixLengths: [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b),
  };
}

/**
 * What the matcher needs about a word. Memoised per pack because case notes reuse a small
 * vocabulary; the memo is cleared when full so a hostile note cannot grow it without bound.
 */
export function entryFor(pack: CompiledPackInternals, word: string): WordEntry {
  const { entries } = pack.scratch;
  const known = entries.get(word);
  if (known !== undefined) return known;
  const prefixes = prefixesOf(pack, word);
  const entry: WordEntry = {
    word,
    prefixes,
    trigger: candidatesFor(pack.triggerIndex, word),
    support: candidatesFor(pack.supportIndex, word),
    meets: requirementsMet(pack, word, prefixes),
    model: pack.model === undefined ? NO_MODEL_WORD : modelWord(pack.model, word),
  };
  if (entries.size >= MEMO_LIMIT) entries.clear();
  entries.set(word, entry);
  return entry;
}

const NO_MODEL_WORD: ModelWord = { negation: false, plain: -1, negated: -1, next: undefined, negatedNext: undefined };

function modelWord(model: CompiledModel, word: string): ModelWord {
  const plain = model.unigram.get(word) ?? -1;
  const negated = model.negatedUnigram.get(word) ?? -1;
  const next = model.bigram.get(word);
  const negatedNext = model.negatedBigram.get(word);
  const negation = model.features.negation.has(word);
  if (!negation && plain < 0 && negated < 0 && next === undefined && negatedNext === undefined) return NO_MODEL_WORD;
  return { negation, plain, negated, next, negatedNext };
}

function requirementsMet(pack: CompiledPackInternals, word: string, prefixes: readonly string[]): readonly number[] {
  const byWord = pack.requirementsOf.get(word) ?? NO_REQUIREMENTS;
  if (prefixes.length === 0) return byWord;
  const all = new Set(byWord);
  for (const prefix of prefixes) for (const number of pack.requirementsOfPrefix.get(prefix) ?? NO_REQUIREMENTS) all.add(number);
  return all.size === byWord.length ? byWord : [...all];
}

function prefixesOf(pack: CompiledPackInternals, word: string): readonly string[] {
  let found: string[] | undefined;
  for (const length of pack.prefixLengths) {
    if (length > word.length) break;
    const prefix = word.slice(0, length);
    if (pack.prefixes.has(prefix)) (found ??= []).push(prefix);
  }
  return found ?? NO_PREFIXES;
}

/** The phrases that could start at a word. */
export function candidatesFor(index: PhraseIndex, word: string): Candidates {
  const found: Candidates[] = [];
  const exact = index.byWord.get(word);
  if (exact !== undefined) found.push(exact);
  for (const length of index.prefixLengths) {
    if (length > word.length) break;
    const byPrefix = index.byPrefix.get(word.slice(0, length));
    if (byPrefix !== undefined) found.push(byPrefix);
  }
  return found.length === 0 ? NONE : found.length === 1 ? (found[0] as Candidates) : merge(found);
}

function merge(list: readonly Candidates[]): Candidates {
  const any = new Set<IndexedPhrase>();
  let next: Map<string, Set<IndexedPhrase>> | undefined;
  for (const candidates of list) {
    for (const phrase of candidates.any) any.add(phrase);
    if (candidates.next === undefined) continue;
    next ??= new Map();
    for (const [word, phrases] of candidates.next) {
      let set = next.get(word);
      if (set === undefined) next.set(word, (set = new Set()));
      for (const phrase of phrases) set.add(phrase);
    }
  }
  return {
    any: [...any],
    next: next === undefined ? undefined : new Map([...next].map(([word, set]) => [word, [...set]])),
  };
}
