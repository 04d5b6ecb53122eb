/**
 * Turns one segment of note text into the words the phrase matcher sees: lower case, accents and
 * smart punctuation folded, contractions expanded ("didn't" -> "did not"), possessive 's dropped,
 * American -ize/-ization spellings folded to British, then the pack's word table applied
 * (misspellings, shorthand such as DA, CSE, HV). Clause breaks (";", "(", a spaced dash) are kept
 * as flags because ConText modifiers stop at them.
 */

export interface Sentence {
  readonly words: string[];
  /** breakBefore[i]: a clause break sits between words[i-1] and words[i]. */
  readonly breakBefore: boolean[];
}

export type WordTable = ReadonlyMap<string, readonly string[]>;

const SMART = /[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060]|[\u201c\u201d\u201e\u2033]|[\u2010-\u2015\u2212]|[\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\u200b-\u200d\u2060\ufeff]/g;

function foldSmart(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) return '"';
  if (code >= 0x2010 && code <= 0x2015) return '-';
  if (code === 0x2212) return '-';
  if (code === 0x00a0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return ' ';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return '';
  return "'";
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const IZE_EXCEPTIONS = new Set(['size', 'sized', 'sizes', 'prize', 'prized', 'prizes', 'seize', 'seized', 'seizes', 'seizing', 'capsize', 'capsized', 'downsize', 'downsized']);

function foldText(text: string): string {
  let t = text;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(t)) {
    t = t.replace(SMART, foldSmart).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  }
  if (t.includes('/')) t = t.replace(/\bc\/o\b/gi, 'complains of').replace(/\bw\/e\b/gi, 'weekend');
  return t;
}

export function normaliseSegment(segment: string, table: WordTable): Sentence {
  // Lower-casing the whole segment once is far cheaper than per character; the scan below reads
  // the lowered text only, so a character whose lower case is longer cannot misalign it.
  const text = foldText(segment).toLowerCase();
  const out: Tokens = { words: [], breakBefore: [], pendingBreak: false };
  let wordStart = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39 || (code > 127 && LETTER_OR_DIGIT.test(text.charAt(i)))) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      pushWord(out, text, wordStart, i, table);
      wordStart = -1;
    }
    if (code === 40) {
      // A bracketed year or age ("previous concerns (2022) resolved", "Freya (15)") is an aside,
      // not a new clause: breaking there would stop "resolved" reaching back to the concern.
      const close = numericAsideEnd(text, i);
      if (close > i) {
        for (const number of text.slice(i + 1, close).split(/[^0-9]+/)) if (number !== '') pushWord(out, number, 0, number.length, table);
        i = close;
        continue;
      }
    }
    if (code === 59 || code === 40 || code === 41 || code === 10) out.pendingBreak = true;
    else if (code === 45 && isSpaced(text, i)) out.pendingBreak = true;
  }
  if (wordStart >= 0) pushWord(out, text, wordStart, text.length, table);
  return { words: out.words, breakBefore: out.breakBefore };
}

interface Tokens {
  readonly words: string[];
  readonly breakBefore: boolean[];
  /** A clause break was seen since the last word. */
  pendingBreak: boolean;
}

/** Adds text[start, end) as one or more normalised words; quotes around a word are dropped. */
function pushWord(out: Tokens, text: string, start: number, end: number, table: WordTable): void {
  let s = start;
  let e = end;
  while (s < e && text.charCodeAt(s) === 39) s++;
  while (e > s && text.charCodeAt(e - 1) === 39) e--;
  if (s === e) return;
  const raw = text.slice(s, e);
  if (raw.includes("'")) {
    for (const word of expandWord(raw, table)) addWord(out, word);
    return;
  }
  const mapped = table.get(raw);
  if (mapped === undefined) addWord(out, foldIze(raw));
  else for (let k = 0; k < mapped.length; k++) addWord(out, mapped[k] as string);
}

function addWord(out: Tokens, word: string): void {
  out.words.push(word);
  out.breakBefore.push(out.pendingBreak);
  out.pendingBreak = false;
}

const NUMERIC_ASIDE = /^[\s\d.,/-]{1,12}$/;

/** Index of the ")" closing a short bracket holding only digits, or -1. */
function numericAsideEnd(text: string, open: number): number {
  const close = text.indexOf(')', open + 1);
  if (close < 0 || close - open > 13) return -1;
  return NUMERIC_ASIDE.test(text.slice(open + 1, close)) && /\d/.test(text.slice(open + 1, close)) ? close : -1;
}

function isSpaced(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return (before === 32 || Number.isNaN(before)) && (after === 32 || Number.isNaN(after));
}

const CONTRACTIONS: ReadonlyArray<readonly [string, string]> = [
  ["n't", 'not'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'m", 'am'],
  ["'d", 'would'],
];
const IRREGULAR_NEGATIVES: Readonly<Record<string, string[]>> = {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
};

function expandWord(raw: string, table: WordTable): string[] {
  if (raw.includes("'")) {
    const irregular = IRREGULAR_NEGATIVES[raw];
    if (irregular !== undefined) return irregular;
    if (raw.endsWith("'s")) return expandWord(raw.slice(0, -2), table);
    for (const [suffix, word] of CONTRACTIONS) {
      if (raw.endsWith(suffix) && raw.length > suffix.length) {
        return [...expandWord(raw.slice(0, -suffix.length), table), word];
      }
    }
    return expandWord(raw.replace(/'/g, ''), table);
  }
  const mapped = table.get(raw);
  if (mapped !== undefined) return [...mapped];
  return [foldIze(raw)];
}

function foldIze(word: string): string {
  if (word.length < 6 || !word.includes('iz') || IZE_EXCEPTIONS.has(word)) return word;
  return word.replace(/iz(e|ed|es|ing|ation|ations|er|ers)$/, 'is$1');
}

export function buildWordTable(words: Readonly<Record<string, string>>): WordTable {
  const table = new Map<string, readonly string[]>();
  for (const [from, to] of Object.entries(words)) table.set(from, to.toLowerCase().split(/\s+/).filter((w) => w !== ''));
  return table;
}
