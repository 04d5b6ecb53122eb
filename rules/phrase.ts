/**
 * The phrase language: space-separated tokens matched against the words of one sentence.
 *   word      the exact (normalised) word
 *   pref*     any word starting with "pref" (3+ characters before the star)
 *   a|b*|c    any of the alternatives at this position (an alternative may be @name)
 *   (a b|c)   alternatives of one or more words each (no gaps or lexicons inside)
 *   @name     any entry of a pack lexicon (entries may be several words, but no gaps or lexicons)
 *   ~N        skip 0..N words (N ≤ 8)
 *   !a|b*     the next word (if any) is none of these; consumes nothing ("hit her !head")
 * Phrases are parsed here, never turned into regular expressions, so matching cost is bounded by
 * the gap sizes rather than by how a regex engine backtracks.
 */

export interface WordTest {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export type PhraseElement =
  | { readonly kind: 'word'; readonly test: WordTest }
  | { readonly kind: 'gap'; readonly max: number }
  | { readonly kind: 'not'; readonly test: WordTest }
  /**
   * `single` merges the one-word alternatives so that they cost one set lookup. `multiByFirst`
   * holds the multi-word alternatives that can start with a given word, in their order in
   * `multi`, when every one starts with an exact word; undefined otherwise.
   */
  | {
      readonly kind: 'alt';
      readonly single: WordTest;
      readonly multi: readonly (readonly WordTest[])[];
      readonly multiByFirst: ReadonlyMap<string, readonly (readonly WordTest[])[]> | undefined;
    };

export type ParsedPhrase = { ok: true; elements: PhraseElement[] } | { ok: false; message: string };

export const MAX_GAP = 8;
export const MAX_GAPS_PER_PHRASE = 3;
export const MAX_PHRASE_TOKENS = 16;
const MAX_REQUIRED_WORDS = 6;
const MIN_PREFIX = 3;
const WORD = /^[a-z0-9']+$/;

export type LexiconLookup = (name: string) => readonly string[] | undefined;

export function parsePhrase(source: string, lexicon: LexiconLookup, allowSpecial = true): ParsedPhrase {
  const tokens = splitTokens(source);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  if (tokens.length === 0 || tokens[0] === '') return { ok: false, message: 'phrase is empty' };
  if (tokens.length > MAX_PHRASE_TOKENS) return { ok: false, message: `phrase has more than ${MAX_PHRASE_TOKENS} tokens` };
  const elements: PhraseElement[] = [];
  let gaps = 0;
  for (const token of tokens) {
    if (token.startsWith('~')) {
      if (!allowSpecial) return { ok: false, message: 'lexicon entries cannot contain gaps' };
      const max = Number(token.slice(1));
      if (!Number.isInteger(max) || max < 1 || max > MAX_GAP) return { ok: false, message: `gap "${token}" must be ~1 to ~${MAX_GAP}` };
      gaps += 1;
      if (gaps > MAX_GAPS_PER_PHRASE) return { ok: false, message: `phrase has more than ${MAX_GAPS_PER_PHRASE} gaps` };
      elements.push({ kind: 'gap', max });
      continue;
    }
    if (token.startsWith('!')) {
      if (!allowSpecial) return { ok: false, message: 'lexicon entries cannot contain !' };
      if (elements.length === 0) return { ok: false, message: 'a phrase cannot start with !' };
      const test = parseWordTest(token.slice(1));
      if (typeof test === 'string') return { ok: false, message: test };
      elements.push({ kind: 'not', test });
      continue;
    }
    if (token.startsWith('(') || token.includes('@')) {
      if (!allowSpecial) return { ok: false, message: 'lexicon entries cannot contain groups or lexicons' };
      const options = parseAlternatives(token, lexicon);
      if (typeof options === 'string') return { ok: false, message: options };
      elements.push(altElement(options));
      continue;
    }
    const test = parseWordTest(token);
    if (typeof test === 'string') return { ok: false, message: test };
    elements.push({ kind: 'word', test });
  }
  if (elements[0]?.kind === 'gap' || elements[elements.length - 1]?.kind === 'gap') {
    return { ok: false, message: 'a phrase cannot start or end with a gap' };
  }
  return { ok: true, elements };
}

/** Splits on spaces, keeping a parenthesised group (which may contain spaces) as one token. */
function splitTokens(source: string): string[] | string {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of source.trim().toLowerCase()) {
    if (ch === '(') {
      if (depth > 0) return 'groups cannot be nested';
      depth = 1;
    } else if (ch === ')') {
      if (depth === 0) return 'unbalanced ")"';
      depth = 0;
    }
    if (/\s/.test(ch) && depth === 0) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += /\s/.test(ch) ? ' ' : ch;
    }
  }
  if (depth !== 0) return 'unbalanced "("';
  if (current !== '') tokens.push(current);
  return tokens;
}

/** A token with groups or lexicons: each alternative becomes a sequence of word tests. */
function parseAlternatives(token: string, lexicon: LexiconLookup): WordTest[][] | string {
  const inner = token.startsWith('(') && token.endsWith(')') ? token.slice(1, -1) : token;
  if (inner.includes('(') || inner.includes(')')) return `"${token}": a group must be a whole token`;
  const options: WordTest[][] = [];
  for (const alternative of inner.split('|')) {
    const part = alternative.trim();
    if (part.startsWith('@')) {
      const entries = lexicon(part.slice(1));
      if (entries === undefined) return `unknown lexicon "${part}"`;
      for (const entry of entries) {
        const parsed = parsePhrase(entry, lexicon, false);
        if (!parsed.ok) return `lexicon ${part}: ${parsed.message}`;
        options.push(parsed.elements.flatMap((e) => (e.kind === 'word' ? [e.test] : [])));
      }
      continue;
    }
    const words = part.split(' ').filter((w) => w !== '');
    if (words.length === 0) return `"${token}" has an empty alternative`;
    const tests: WordTest[] = [];
    for (const word of words) {
      const test = parseWordTest(word);
      if (typeof test === 'string') return test;
      tests.push(test);
    }
    options.push(tests);
  }
  return options;
}

function altElement(options: readonly WordTest[][]): PhraseElement {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const multi: WordTest[][] = [];
  for (const option of options) {
    const only = option[0];
    if (option.length === 1 && only !== undefined) {
      for (const word of only.exact) exact.add(word);
      prefixes.push(...only.prefixes);
    } else if (option.length > 1) {
      multi.push(option);
    }
  }
  return { kind: 'alt', single: { exact, prefixes: [...new Set(prefixes)] }, multi, multiByFirst: byFirstWord(multi) };
}

/**
 * Lexicons have dozens of multi-word entries ("step dad", "mum's boyfriend"); trying only those
 * that start with the word at hand spares a failed sequence match for each of the others.
 */
function byFirstWord(multi: readonly WordTest[][]): ReadonlyMap<string, WordTest[][]> | undefined {
  if (multi.length < 2 || multi.some((option) => option[0] === undefined || option[0].prefixes.length > 0)) return undefined;
  const map = new Map<string, WordTest[][]>();
  for (const option of multi) {
    for (const word of (option[0] as WordTest).exact) {
      const list = map.get(word);
      if (list === undefined) map.set(word, [option]);
      else if (list[list.length - 1] !== option) list.push(option);
    }
  }
  return map;
}

function parseWordTest(token: string): WordTest | string {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const alt of token.split('|')) {
    if (alt.endsWith('*')) {
      const prefix = alt.slice(0, -1);
      if (prefix.length < MIN_PREFIX || !WORD.test(prefix)) return `"${alt}": a prefix needs ${MIN_PREFIX}+ letters before *`;
      prefixes.push(prefix);
    } else {
      if (!WORD.test(alt)) return `"${alt}" is not a word (letters, digits, apostrophes; no punctuation)`;
      exact.push(alt);
    }
  }
  return { exact: new Set(exact), prefixes };
}

export function wordMatches(test: WordTest, word: string): boolean {
  if (test.exact.has(word)) return true;
  for (const prefix of test.prefixes) if (word.startsWith(prefix)) return true;
  return false;
}

/**
 * Returns the end index (exclusive) of the shortest match starting at `start`, or -1.
 * Cost is bounded: each gap tries at most MAX_GAP + 1 positions and phrases have at most
 * MAX_GAPS_PER_PHRASE gaps.
 */
export function matchPhraseAt(elements: readonly PhraseElement[], words: readonly string[], start: number): number {
  return matchFrom(elements, 0, words, start);
}

/**
 * Resumes a match at element `index`, word `pos`: the phrase index has already matched the
 * elements before it (see indexedElements).
 */
export function matchFrom(elements: readonly PhraseElement[], index: number, words: readonly string[], pos: number): number {
  // Plain words and negations are followed in a loop; only gaps and alternatives, which may have
  // to try again from another position, recurse.
  for (;;) {
    const element = elements[index];
    if (element === undefined) return pos;
    if (element.kind === 'word') {
      const word = words[pos];
      if (word === undefined || !wordMatches(element.test, word)) return -1;
      index += 1;
      pos += 1;
      continue;
    }
    if (element.kind === 'not') {
      const next = words[pos];
      if (next !== undefined && wordMatches(element.test, next)) return -1;
      index += 1;
      continue;
    }
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= element.max && pos + skip <= words.length; skip++) {
        const end = matchFrom(elements, index + 1, words, pos + skip);
        if (end >= 0) return end;
      }
      return -1;
    }
    const word = words[pos];
    if (word !== undefined && wordMatches(element.single, word)) {
      const end = matchFrom(elements, index + 1, words, pos + 1);
      if (end >= 0) return end;
    }
    const options = element.multiByFirst === undefined ? element.multi : word === undefined ? undefined : element.multiByFirst.get(word);
    if (options === undefined) return -1;
    for (const option of options) {
      const afterOption = matchSequence(option, words, pos);
      if (afterOption < 0) continue;
      const end = matchFrom(elements, index + 1, words, afterOption);
      if (end >= 0) return end;
    }
    return -1;
  }
}

function matchSequence(tests: readonly WordTest[], words: readonly string[], pos: number): number {
  let p = pos;
  for (const test of tests) {
    const word = words[p];
    if (word === undefined || !wordMatches(test, word)) return -1;
    p += 1;
  }
  return p;
}

/** The word tests that can start a match: used to index phrases by their first word. */
export function firstWordTests(elements: readonly PhraseElement[]): WordTest[] {
  const first = elements[0];
  if (first === undefined || first.kind === 'gap' || first.kind === 'not') return [];
  if (first.kind === 'word') return [first.test];
  return [first.single, ...first.multi.flatMap((option) => (option[0] === undefined ? [] : [option[0]]))];
}

/**
 * The exact words that must follow the first word, when the phrase's second element is a plain
 * word without prefixes; used to index phrases by their first two words ("not tell").
 */
export function secondWords(elements: readonly PhraseElement[]): ReadonlySet<string> | undefined {
  const first = elements[0];
  const second = elements[1];
  if (first === undefined || second === undefined || second.kind !== 'word' || second.test.prefixes.length > 0) return undefined;
  if (first.kind === 'alt' && first.multi.length > 0) return undefined;
  return second.test.exact;
}

/**
 * How many leading elements a word-index lookup settles for this phrase. A lookup by first word
 * settles a plain word or one-word alternatives; it does not settle alternatives with several
 * words, which must still be tried in order. A lookup by the first two words (secondWords)
 * settles both.
 */
export function indexedElements(elements: readonly PhraseElement[]): number {
  const first = elements[0];
  if (first === undefined || first.kind === 'gap' || first.kind === 'not') return 0;
  if (first.kind === 'alt' && first.multi.length > 0) return 0;
  return secondWords(elements) === undefined ? 1 : 2;
}

/**
 * Words of which at least one must occur in a sentence for the phrase to match there: the
 * smallest set of plain words at any position after the first. A cheap test that spares most
 * phrases the full match in sentences that cannot contain them.
 */
export function requiredWords(elements: readonly PhraseElement[]): ReadonlySet<string> | undefined {
  let best: ReadonlySet<string> | undefined;
  for (let i = 1; i < elements.length; i++) {
    const element = elements[i];
    let candidate: ReadonlySet<string> | undefined;
    if (element?.kind === 'word' && element.test.prefixes.length === 0) candidate = element.test.exact;
    else if (element?.kind === 'alt' && element.single.prefixes.length === 0 && element.multi.length === 0) candidate = element.single.exact;
    if (candidate !== undefined && (best === undefined || candidate.size < best.size)) best = candidate;
  }
  // Checking a large set costs more than the match it would save.
  return best !== undefined && best.size <= MAX_REQUIRED_WORDS ? best : undefined;
}
