/**
 * Rejects regular expressions prone to catastrophic backtracking before they reach a user's
 * browser, where a bad pattern would freeze the case-note page on every pause in typing.
 * Conservative by design: it refuses some patterns that would be safe, never the other way round
 * for the shapes it knows — nested quantifiers ((a+)+), alternatives that overlap under a
 * quantifier ((a|ab)*), adjacent unbounded repeats of overlapping characters (\s*\s*), and
 * backreferences and lookbehind, which the engine cannot bound.
 */

export const MAX_PATTERN_LENGTH = 500;

/** A character set over ASCII, with one flag for everything beyond it. */
class CharSet {
  constructor(
    readonly bits: boolean[] = new Array<boolean>(128).fill(false),
    public nonAscii = false,
  ) {}
  static all(): CharSet {
    return new CharSet(new Array<boolean>(128).fill(true), true);
  }
  static of(chars: string): CharSet {
    const set = new CharSet();
    for (const ch of chars) set.add(ch.charCodeAt(0));
    return set;
  }
  add(code: number): void {
    if (code < 128) this.bits[code] = true;
    else this.nonAscii = true;
  }
  addRange(from: number, to: number): void {
    for (let c = from; c <= to && c < 128; c++) this.bits[c] = true;
    if (to >= 128) this.nonAscii = true;
  }
  union(other: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b || other.bits[i] === true), this.nonAscii || other.nonAscii);
  }
  complement(): CharSet {
    return new CharSet(this.bits.map((b) => !b), true);
  }
  intersects(other: CharSet): boolean {
    if (this.nonAscii && other.nonAscii) return true;
    return this.bits.some((b, i) => b && other.bits[i] === true);
  }
}

const DIGITS = (): CharSet => {
  const s = new CharSet();
  s.addRange(48, 57);
  return s;
};
const WORD = (): CharSet => {
  const s = DIGITS();
  s.addRange(65, 90);
  s.addRange(97, 122);
  s.add(95);
  return s;
};
const SPACE = (): CharSet => {
  const s = CharSet.of(' \t\n\r\v\f');
  s.nonAscii = true;
  return s;
};

interface Node {
  /** Characters that can start a match. */
  first: CharSet;
  /** Characters the node can consume anywhere. */
  any: CharSet;
  canBeEmpty: boolean;
  /** Contains a quantifier that can repeat without bound. */
  unbounded: boolean;
  /** Contains any quantifier at all. */
  quantified: boolean;
}

export interface PatternCheck {
  ok: boolean;
  problems: string[];
}

export function checkPattern(source: string): PatternCheck {
  const problems: string[] = [];
  if (source.length > MAX_PATTERN_LENGTH) problems.push(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  try {
    new RegExp(source, 'u');
  } catch (error) {
    problems.push(`not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, problems };
  }
  const parser = new Parser(source, problems);
  parser.parseAlternation();
  return { ok: problems.length === 0, problems: [...new Set(problems)] };
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly problems: string[],
  ) {}

  parseAlternation(): Node {
    const alternatives: Node[] = [this.parseSequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alternatives.push(this.parseSequence());
    }
    if (alternatives.length === 1) return alternatives[0] as Node;
    const node: Node = { first: new CharSet(), any: new CharSet(), canBeEmpty: false, unbounded: false, quantified: false };
    for (const alt of alternatives) {
      node.first = node.first.union(alt.first);
      node.any = node.any.union(alt.any);
      node.canBeEmpty ||= alt.canBeEmpty;
      node.unbounded ||= alt.unbounded;
      node.quantified ||= alt.quantified;
    }
    (node as Node & { alternatives?: Node[] }).alternatives = alternatives;
    return node;
  }

  private parseSequence(): Node {
    const seq: Node = { first: new CharSet(), any: new CharSet(), canBeEmpty: true, unbounded: false, quantified: false };
    let openRepeat: CharSet | undefined;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.parseAtom();
      if (atom === undefined) continue;
      const item = this.parseQuantifier(atom);
      if (seq.canBeEmpty) seq.first = seq.first.union(item.node.first);
      seq.canBeEmpty &&= item.node.canBeEmpty;
      seq.any = seq.any.union(item.node.any);
      seq.unbounded ||= item.node.unbounded;
      seq.quantified ||= item.node.quantified;
      if (item.repeatsUnbounded) {
        if (openRepeat !== undefined && openRepeat.intersects(item.node.any)) {
          this.problems.push('adjacent unbounded repeats can match the same characters (e.g. \\s*\\s*, .*.*)');
        }
        openRepeat = item.node.any;
      } else if (!item.node.canBeEmpty && openRepeat !== undefined && !openRepeat.intersects(item.node.first)) {
        openRepeat = undefined;
      }
    }
    return seq;
  }

  private parseQuantifier(atom: Node): { node: Node; repeatsUnbounded: boolean } {
    const ch = this.src[this.pos];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m === null) return { node: atom, repeatsUnbounded: false };
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
    } else {
      return { node: atom, repeatsUnbounded: false };
    }
    if (this.src[this.pos] === '?') this.pos++;
    if (max > 1) {
      if (atom.unbounded || (atom.quantified && max === Infinity)) {
        this.problems.push('nested quantifiers (e.g. (a+)+) can backtrack catastrophically');
      }
      const alternatives = (atom as Node & { alternatives?: Node[] }).alternatives;
      if (alternatives !== undefined && overlapping(alternatives)) {
        this.problems.push('alternatives that can match the same text under a quantifier (e.g. (a|ab)*) can backtrack catastrophically');
      }
      if (atom.canBeEmpty) this.problems.push('a repeated group that can match empty text can backtrack catastrophically');
    }
    const node: Node = {
      first: atom.first,
      any: atom.any,
      canBeEmpty: atom.canBeEmpty || min === 0,
      unbounded: atom.unbounded || max === Infinity,
      quantified: true,
    };
    return { node, repeatsUnbounded: max === Infinity };
  }

  private parseAtom(): Node | undefined {
    const ch = this.src[this.pos];
    this.pos++;
    switch (ch) {
      case '^':
      case '$':
        return undefined;
      case '.':
        return leaf(CharSet.all());
      case '[':
        return leaf(this.parseClass());
      case '(':
        return this.parseGroup();
      case '\\':
        return this.parseEscape(false);
      default:
        return leaf(CharSet.of(ch ?? ''));
    }
  }

  private parseGroup(): Node | undefined {
    let lookaround = false;
    if (this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos)) {
      this.problems.push('lookbehind is not allowed');
      this.pos += 3;
      lookaround = true;
    } else if (this.src.startsWith('?=', this.pos) || this.src.startsWith('?!', this.pos)) {
      this.pos += 2;
      lookaround = true;
    } else if (this.src.startsWith('?:', this.pos)) {
      this.pos += 2;
    } else if (this.src.startsWith('?<', this.pos)) {
      const close = this.src.indexOf('>', this.pos);
      this.pos = close < 0 ? this.src.length : close + 1;
    }
    const inner = this.parseAlternation();
    if (this.src[this.pos] === ')') this.pos++;
    if (lookaround) return undefined;
    return inner;
  }

  private parseEscape(inClass: boolean): Node {
    const ch = this.src[this.pos] ?? '';
    this.pos++;
    if (/[1-9]/.test(ch) || ch === 'k') {
      this.problems.push('backreferences are not allowed');
      return leaf(CharSet.all());
    }
    switch (ch) {
      case 'd':
        return leaf(DIGITS());
      case 'D':
        return leaf(DIGITS().complement());
      case 'w':
        return leaf(WORD());
      case 'W':
        return leaf(WORD().complement());
      case 's':
        return leaf(SPACE());
      case 'S':
        return leaf(SPACE().complement());
      case 'b':
      case 'B':
        return inClass ? leaf(CharSet.of('\b')) : emptyNode();
      case 'p':
      case 'P': {
        const close = this.src.indexOf('}', this.pos);
        this.pos = close < 0 ? this.src.length : close + 1;
        return leaf(CharSet.all());
      }
      case 'u':
      case 'x': {
        const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2})/.exec(this.src.slice(this.pos));
        if (m === null) return leaf(CharSet.of(ch));
        this.pos += m[0].length;
        const code = parseInt(m[0].replace(/[{}]/g, ''), 16);
        const set = new CharSet();
        set.add(code);
        return leaf(set);
      }
      case 'n':
        return leaf(CharSet.of('\n'));
      case 't':
        return leaf(CharSet.of('\t'));
      default:
        return leaf(CharSet.of(ch));
    }
  }

  private parseClass(): CharSet {
    let set = new CharSet();
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== ']' || first)) {
      first = false;
      let from: CharSet;
      let fromCode = -1;
      if (this.src[this.pos] === '\\') {
        this.pos++;
        from = this.parseEscape(true).first;
        const codes = from.bits.flatMap((b, i) => (b ? [i] : []));
        if (codes.length === 1 && !from.nonAscii) fromCode = codes[0] ?? -1;
      } else {
        fromCode = this.src.charCodeAt(this.pos);
        this.pos++;
        from = new CharSet();
        from.add(fromCode);
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && fromCode >= 0) {
        this.pos++;
        const toCode = this.src[this.pos] === '\\' ? this.src.charCodeAt(++this.pos) : this.src.charCodeAt(this.pos);
        this.pos++;
        from.addRange(fromCode, toCode);
      }
      set = set.union(from);
    }
    this.pos++;
    return negated ? set.complement() : set;
  }
}

function leaf(set: CharSet): Node {
  return { first: set, any: set, canBeEmpty: false, unbounded: false, quantified: false };
}
function emptyNode(): Node {
  return { first: new CharSet(), any: new CharSet(), canBeEmpty: true, unbounded: false, quantified: false };
}

function overlapping(alternatives: readonly Node[]): boolean {
  for (let i = 0; i < alternatives.length; i++) {
    const a = alternatives[i] as Node;
    if (a.canBeEmpty) return true;
    for (let j = i + 1; j < alternatives.length; j++) {
      if (a.first.intersects((alternatives[j] as Node).first)) return true;
    }
  }
  return false;
}
