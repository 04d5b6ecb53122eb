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
  /** The same prefixes as a set: a word is matched against its own prefixes (see MatchWord). */
  readonly prefixSet: ReadonlySet<string>;
}

/** A word as the matcher sees it. */
export interface MatchWord {
  readonly word: string;
  /**
   * The prefixes used anywhere in the pack that this word starts with, worked out once per word,
   * so that a test with many prefixes costs a set lookup per such prefix (usually none) rather
   * than a comparison per prefix in the test.
   */
  readonly prefixes: readonly string[];
}

function wordTest(exact: Set<string>, prefixes: string[]): WordTest {
  return { exact, prefixes, prefixSet: new Set(prefixes) };
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
const MIN_PREFIX = 3;
const WORD = /^[a-z0-9']+$/;

export type LexiconLookup = (name: string) => readonly string[] | undefined;

/**
 * Alternatives already parsed, by token: a pack names the same lexicons ("@parent|@carer") in
 * hundreds of phrases, and sharing one element per token also lets the compiler treat equal
 * requirements as one.
 */
export interface AlternativesCache {
  /** Token -> its element, or why it does not parse. */
  readonly tokens: Map<string, PhraseElement | string>;
  /** "@name" -> the lexicon's entries as word-test sequences, or why one does not parse. */
  readonly lexicons: Map<string, readonly (readonly WordTest[])[] | string>;
}

export function createAlternativesCache(): AlternativesCache {
  return { tokens: new Map(), lexicons: new Map() };
}

export function parsePhrase(source: string, lexicon: LexiconLookup, allowSpecial = true, cache?: AlternativesCache): ParsedPhrase {
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
      let element = cache?.tokens.get(token);
      if (element === undefined) {
        const options = parseAlternatives(token, lexicon, cache);
        element = typeof options === 'string' ? options : altElement(options);
        cache?.tokens.set(token, element);
      }
      if (typeof element === 'string') return { ok: false, message: element };
      elements.push(element);
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
    const space = isSpace(ch);
    if (space && depth === 0) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += space ? ' ' : ch;
    }
  }
  if (depth !== 0) return 'unbalanced "("';
  if (current !== '') tokens.push(current);
  return tokens;
}

/** As /\s/, without running a regular expression for the printable ASCII most phrases are made of. */
function isSpace(ch: string): boolean {
  if (ch > ' ' && ch < '\u007f') return false;
  return /\s/.test(ch);
}

/** A token with groups or lexicons: each alternative becomes a sequence of word tests. */
function parseAlternatives(token: string, lexicon: LexiconLookup, cache: AlternativesCache | undefined): (readonly WordTest[])[] | string {
  const inner = token.startsWith('(') && token.endsWith(')') ? token.slice(1, -1) : token;
  if (inner.includes('(') || inner.includes(')')) return `"${token}": a group must be a whole token`;
  const options: (readonly WordTest[])[] = [];
  for (const alternative of inner.split('|')) {
    const part = alternative.trim();
    if (part.startsWith('@')) {
      let entries = cache?.lexicons.get(part);
      if (entries === undefined) {
        entries = parseLexicon(part, lexicon);
        cache?.lexicons.set(part, entries);
      }
      if (typeof entries === 'string') return entries;
      options.push(...entries);
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

function parseLexicon(part: string, lexicon: LexiconLookup): (readonly WordTest[])[] | string {
  const entries = lexicon(part.slice(1));
  if (entries === undefined) return `unknown lexicon "${part}"`;
  const options: WordTest[][] = [];
  for (const entry of entries) {
    const parsed = parsePhrase(entry, lexicon, false);
    if (!parsed.ok) return `lexicon ${part}: ${parsed.message}`;
    options.push(parsed.elements.flatMap((e) => (e.kind === 'word' ? [e.test] : [])));
  }
  return options;
}

function altElement(options: readonly (readonly WordTest[])[]): PhraseElement {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const multi: (readonly WordTest[])[] = [];
  for (const option of options) {
    const only = option[0];
    if (option.length === 1 && only !== undefined) {
      for (const word of only.exact) exact.add(word);
      prefixes.push(...only.prefixes);
    } else if (option.length > 1) {
      multi.push(option);
    }
  }
  return { kind: 'alt', single: wordTest(exact, [...new Set(prefixes)]), multi, multiByFirst: byFirstWord(multi) };
}

/**
 * Lexicons have dozens of multi-word entries ("step dad", "mum's boyfriend"); trying only those
 * that start with the word at hand spares a failed sequence match for each of the others.
 */
function byFirstWord(multi: readonly (readonly WordTest[])[]): ReadonlyMap<string, (readonly WordTest[])[]> | undefined {
  if (multi.length < 2 || multi.some((option) => option[0] === undefined || option[0].prefixes.length > 0)) return undefined;
  const map = new Map<string, (readonly WordTest[])[]>();
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
  return wordTest(new Set(exact), prefixes);
}

export function wordMatches(test: WordTest, word: MatchWord): boolean {
  if (test.exact.has(word.word)) return true;
  if (test.prefixes.length === 0) return false;
  const prefixes = word.prefixes;
  for (let i = 0; i < prefixes.length; i++) if (test.prefixSet.has(prefixes[i] as string)) return true;
  return false;
}

/** Every prefix any test in these elements uses; a MatchWord's prefixes are drawn from these. */
export function collectPrefixes(elements: readonly PhraseElement[], into: Set<string>): void {
  const add = (test: WordTest): void => {
    for (const prefix of test.prefixes) into.add(prefix);
  };
  for (const element of elements) {
    if (element.kind === 'word' || element.kind === 'not') add(element.test);
    else if (element.kind === 'alt') {
      add(element.single);
      for (const option of element.multi) for (const test of option) add(test);
    }
  }
}

/**
 * Returns the end index (exclusive) of the first match of `elements` from element `index` at word
 * `pos` of `words[0..length)`, or -1: the phrase index has already matched the elements before
 * `index` (see indexedElements). `words` may be longer than `length`; the rest is ignored.
 * Cost is bounded: each gap tries at most MAX_GAP + 1 positions and phrases have at most
 * MAX_GAPS_PER_PHRASE gaps.
 */
export function matchFrom(elements: readonly PhraseElement[], index: number, words: readonly MatchWord[], length: number, pos: number): number {
  // Plain words and negations are followed in a loop; only gaps and alternatives, which may have
  // to try again from another position, recurse.
  for (;;) {
    const element = elements[index];
    if (element === undefined) return pos;
    if (element.kind === 'word') {
      if (pos >= length || !wordMatches(element.test, words[pos] as MatchWord)) return -1;
      index += 1;
      pos += 1;
      continue;
    }
    if (element.kind === 'not') {
      if (pos < length && wordMatches(element.test, words[pos] as MatchWord)) return -1;
      index += 1;
      continue;
    }
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= element.max && pos + skip <= length; skip++) {
        const end = matchFrom(elements, index + 1, words, length, pos + skip);
        if (end >= 0) return end;
      }
      return -1;
    }
    const word = pos < length ? (words[pos] as MatchWord) : undefined;
    if (word !== undefined && wordMatches(element.single, word)) {
      const end = matchFrom(elements, index + 1, words, length, pos + 1);
      if (end >= 0) return end;
    }
    const options = element.multiByFirst === undefined ? element.multi : word === undefined ? undefined : element.multiByFirst.get(word.word);
    if (options === undefined) return -1;
    for (const option of options) {
      const afterOption = matchSequence(option, words, length, pos);
      if (afterOption < 0) continue;
      const end = matchFrom(elements, index + 1, words, length, afterOption);
      if (end >= 0) return end;
    }
    return -1;
  }
}

function matchSequence(tests: readonly WordTest[], words: readonly MatchWord[], length: number, pos: number): number {
  let p = pos;
  for (const test of tests) {
    if (p >= length || !wordMatches(test, words[p] as MatchWord)) return -1;
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

/** Words of which a phrase needs one in the sentence: any exact word, or any word with a prefix. */
export interface Requirement {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

/**
 * For each element from `from` on that must consume a word, the words of which it must consume
 * one: a phrase can match in a sentence only if every such requirement has a word in the
 * sentence, after the phrase's first word and within its span. A cheap test that spares most
 * phrases the full match in sentences that cannot contain them. Negations and gaps set none.
 */
export function requirementSets(elements: readonly PhraseElement[], from: number): Requirement[] {
  const sets: Requirement[] = [];
  for (let i = Math.max(from, 1); i < elements.length; i++) {
    const element = elements[i] as PhraseElement;
    if (element.kind === 'word') sets.push(element.test);
    else if (element.kind === 'alt') sets.push(altFirstWords(element));
  }
  return sets;
}

/** The most words a match can consume: bounds where its required words can sit. */
export function maxSpan(elements: readonly PhraseElement[]): number {
  let span = 0;
  for (const element of elements) {
    if (element.kind === 'word') span += 1;
    else if (element.kind === 'gap') span += element.max;
    else if (element.kind === 'alt') span += Math.max(element.single.exact.size + element.single.prefixes.length > 0 ? 1 : 0, ...element.multi.map((option) => option.length));
  }
  return span;
}

const firstWordsMemo = new WeakMap<PhraseElement, Requirement>();

/** Every word or prefix an alternatives element can start with. */
function altFirstWords(element: PhraseElement & { kind: 'alt' }): Requirement {
  const memo = firstWordsMemo.get(element);
  if (memo !== undefined) return memo;
  const exact = new Set(element.single.exact);
  const prefixes = new Set(element.single.prefixes);
  for (const option of element.multi) {
    const first = option[0];
    if (first === undefined) continue;
    for (const word of first.exact) exact.add(word);
    for (const prefix of first.prefixes) prefixes.add(prefix);
  }
  const requirement: Requirement = { exact, prefixes: [...prefixes] };
  firstWordsMemo.set(element, requirement);
  return requirement;
}
