import type { CompiledPackInternals, IndexedPhrase } from './compiled.ts';

const MEMO_LIMIT = 50_000;
const NONE: readonly IndexedPhrase[] = [];

/**
 * The phrases that could start at a word. Memoised per pack because case notes reuse a small
 * vocabulary; the memo is cleared when full so a hostile note cannot grow it without bound.
 */
export function candidatesFor(pack: CompiledPackInternals, word: string): readonly IndexedPhrase[] {
  const memo = pack.candidateMemo.get(word);
  if (memo !== undefined) return memo;
  let found: IndexedPhrase[] | undefined;
  const exact = pack.byWord.get(word);
  if (exact !== undefined) found = [...exact];
  for (const length of pack.prefixLengths) {
    if (length > word.length) break;
    const byPrefix = pack.byPrefix.get(word.slice(0, length));
    if (byPrefix !== undefined) (found ??= []).push(...byPrefix);
  }
  const result = found === undefined ? NONE : dedupe(found);
  if (pack.candidateMemo.size >= MEMO_LIMIT) pack.candidateMemo.clear();
  pack.candidateMemo.set(word, result);
  return result;
}

function dedupe(list: IndexedPhrase[]): readonly IndexedPhrase[] {
  return list.length < 2 ? list : [...new Set(list)];
}
