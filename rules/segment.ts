/**
 * Splits a note into sentence-sized segments without normalising it first, so that the incremental
 * evaluator can cache results per segment and re-read only the segment an edit touched.
 *
 * Rich editors (TinyMCE, CKEditor, Quill) insert hard line breaks where the worker only wrapped a
 * line; a single line break that follows no sentence punctuation and precedes a lower-case letter
 * is treated as a space, not a boundary.
 */

/** Long runs without punctuation are cut so that no segment costs more than a bounded amount. */
export const MAX_SEGMENT_CHARS = 1200;

const NON_FINAL_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'eg', 'e.g', 'ie', 'i.e', 'etc', 'no', 'approx', 'vs', 'prof', 'rev']);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 0x202f || code === 0x2009 || code === 0x200b || code === 0xfeff;
}
function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x85;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63; // . ! ?
}

export function segmentNote(text: string): string[] {
  const segments: string[] = [];
  let start = 0;
  const length = text.length;
  const push = (end: number): void => {
    let s = start;
    while (s < end && (isSpace(text.charCodeAt(s)) || isLineBreak(text.charCodeAt(s)))) s++;
    let e = end;
    while (e > s && (isSpace(text.charCodeAt(e - 1)) || isLineBreak(text.charCodeAt(e - 1)))) e--;
    // Cut overlong segments at a space so that every segment has bounded cost.
    while (e - s > MAX_SEGMENT_CHARS) {
      let cut = s + MAX_SEGMENT_CHARS;
      const floor = s + MAX_SEGMENT_CHARS / 2;
      while (cut > floor && !isSpace(text.charCodeAt(cut))) cut--;
      if (cut <= floor) cut = s + MAX_SEGMENT_CHARS;
      segments.push(text.slice(s, cut));
      s = cut;
    }
    if (e > s) segments.push(text.slice(s, e));
  };
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isTerminal(code)) {
      // A boundary needs whitespace (optionally after closing quotes/brackets) or the end.
      let j = i + 1;
      while (j < length && isTerminal(text.charCodeAt(j))) j++;
      while (j < length && isClosing(text.charCodeAt(j))) j++;
      if (j < length && !isSpace(text.charCodeAt(j)) && !isLineBreak(text.charCodeAt(j))) continue;
      if (code === 46 && isAbbreviationBefore(text, i)) continue;
      if (code !== 46 && isQuoteAttribution(text, i, j)) continue;
      push(j);
      start = j;
      i = j - 1;
      continue;
    }
    if (isLineBreak(code)) {
      let j = i;
      let breaks = 0;
      while (j < length && (isLineBreak(text.charCodeAt(j)) || isSpace(text.charCodeAt(j)))) {
        if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 0x2028 || text.charCodeAt(j) === 0x2029) breaks++;
        j++;
      }
      const next = j < length ? text.charCodeAt(j) : 0;
      const softWrap = breaks <= 1 && isLower(next) && !endsSentence(text, start, i);
      if (!softWrap) {
        push(i);
        start = j;
      }
      i = j - 1;
    }
  }
  push(length);
  return segments;
}

function isClosing(code: number): boolean {
  return code === 39 || code === 34 || code === 41 || code === 93 || code === 0x2019 || code === 0x201d;
}

function endsSentence(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= start) return true;
  const code = text.charCodeAt(e - 1);
  return isTerminal(code) || code === 58 || code === 59;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[A-Za-z.]/.test(text.charAt(s - 1))) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1) return /[A-Z]/.test(text.charAt(s)); // an initial: "Mr J. Smith"
  return NON_FINAL_ABBREVIATIONS.has(word);
}

/**
 * "'My mum's going to murder me!' - Bea, laughing" and "'Stop!' she shouted" are one sentence: a
 * quoted exclamation or question followed by a dash or a lower-case word is the speech and its
 * attribution, and the way it was said belongs with what was said.
 */
function isQuoteAttribution(text: string, terminal: number, after: number): boolean {
  if (after === terminal + 1 || !isQuote(text.charCodeAt(after - 1))) return false;
  let k = after;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k >= text.length) return false;
  const next = text.charCodeAt(k);
  return isLower(next) || ((next === 45 || next === 0x2013 || next === 0x2014) && isSpace(text.charCodeAt(k + 1)));
}

function isQuote(code: number): boolean {
  return code === 39 || code === 34 || code === 0x2019 || code === 0x201d;
}
