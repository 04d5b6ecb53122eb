import type { ConcernId } from './concerns.ts';
import type { CompiledPack } from './compile.ts';
import { internalsOf } from './compile.ts';
import type { CompiledModel, CompiledPackInternals } from './compiled.ts';
import { MODEL_WINDOW_SENTENCES } from './model.ts';
import type { ResponseCode, Severity } from './schema.ts';
import { segmentNote } from './segment.ts';
import type { SentenceResult } from './sentence.ts';
import { evaluateSegment, needMet } from './sentence.ts';

export interface ResolvedSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Step, paragraph or section. */
  locator?: string;
}

export interface PromptCard {
  id: string;
  summary: string;
  detail: string;
  cy?: { summary?: string; detail?: string };
  sources: ResolvedSource[];
  links: { title: string; url: string }[];
  contactCategories: string[];
  responses: ResponseCode[];
  /** "coming": a duty enacted but not yet commenced. */
  status?: 'in-force' | 'coming';
}

export interface RuleHit {
  ruleId: string;
  concern: ConcernId;
  severity: Severity;
  /** Shared and frozen: do not mutate. */
  cards: PromptCard[];
}

export interface Evaluation {
  /** Sorted, unique. */
  concerns: ConcernId[];
  /** Critical first, then warning, then info; stable within a severity. */
  hits: RuleHit[];
}

/**
 * Notes longer than this are read only up to the limit: a case note is never this long, and the
 * cap keeps a pasted document from stalling the page. Everything before the cap is still checked.
 */
export const MAX_NOTE_CHARS = 2_000_000;
const SENTENCE_CACHE_LIMIT = 20_000;

export function evaluateNote(compiled: CompiledPack, text: string): Evaluation {
  const pack = internalsOf(compiled);
  return aggregate(pack, splitParagraphs(clip(text)).map((paragraph) => evaluateParagraph(pack, paragraph, undefined)));
}

/**
 * Keeps results per paragraph and per sentence between calls, so a one-character edit re-reads
 * only the sentence it touched (and re-splits only its paragraph). Only the paragraphs and
 * sentences of the latest text are kept, so memory follows the note.
 */
export function createNoteEvaluator(compiled: CompiledPack): { evaluate(text: string): Evaluation } {
  const pack = internalsOf(compiled);
  let paragraphs = new Map<string, SentenceResult>();
  // Sentences seen recently; cleared when large rather than tracked per paragraph, which keeps
  // memory bounded without bookkeeping on every keystroke.
  const sentences = new Map<string, SentenceResult>();
  return {
    evaluate(text: string): Evaluation {
      const nextParagraphs = new Map<string, SentenceResult>();
      const results: SentenceResult[] = [];
      for (const paragraph of splitParagraphs(clip(text))) {
        let result = nextParagraphs.get(paragraph) ?? paragraphs.get(paragraph);
        if (result === undefined) {
          if (sentences.size > SENTENCE_CACHE_LIMIT) sentences.clear();
          result = evaluateParagraph(pack, paragraph, sentences);
        }
        nextParagraphs.set(paragraph, result);
        results.push(result);
      }
      paragraphs = nextParagraphs;
      return aggregate(pack, results);
    },
  };
}

/** Blank lines always end a sentence, so paragraphs can be segmented independently. */
function splitParagraphs(text: string): string[] {
  return text.split(/\n[ \t\r\u00a0]*\n/);
}

function evaluateParagraph(
  pack: CompiledPackInternals,
  paragraph: string,
  cache: Map<string, SentenceResult> | undefined,
): SentenceResult {
  const rules = new Set<number>();
  const pending = new Set<number>();
  const sentences: SentenceResult[] = [];
  for (const segment of segmentNote(paragraph)) {
    let result = cache?.get(segment);
    if (result === undefined) {
      result = evaluateSegment(pack, segment);
      cache?.set(segment, result);
    }
    sentences.push(result);
    for (const rule of result.rules) rules.add(rule);
    for (const rule of result.pendingNoteRules) pending.add(rule);
  }
  sentences.forEach((result, index) => {
    for (const rule of result.pendingNearbyRules) {
      if (!rules.has(rule) && nearbyNeedMet(pack, rule, sentences, index)) rules.add(rule);
    }
  });
  const scores = pack.model === undefined ? undefined : bestWindow(pack.model.concerns.length, sentences);
  // Repeats are harmless: applyModel reads these into a set.
  const rejected = sentences.flatMap((s) => s.rejected ?? []);
  return { rules: [...rules], pendingNoteRules: [...pending], pendingNearbyRules: [], scores, rejected: rejected.length === 0 ? undefined : rejected };
}

/**
 * Per model concern, the highest sum over any run of MODEL_WINDOW_SENTENCES sentences in the
 * paragraph (each concern may peak in a different run); undefined when no sentence scored.
 */
function bestWindow(count: number, sentences: readonly SentenceResult[]): number[] | undefined {
  if (sentences.length === 1) return sentences[0]?.scores as number[] | undefined;
  if (!sentences.some((s) => s.scores !== undefined)) return undefined;
  const best = new Array<number>(count).fill(Number.NEGATIVE_INFINITY);
  const running = new Array<number>(count).fill(0);
  sentences.forEach((sentence, index) => {
    const entering = sentence.scores;
    const leaving = index >= MODEL_WINDOW_SENTENCES ? sentences[index - MODEL_WINDOW_SENTENCES]?.scores : undefined;
    for (let k = 0; k < count; k++) {
      running[k] = (running[k] as number) + (entering?.[k] ?? 0) - (leaving?.[k] ?? 0);
      // Until the first window is full, the run so far is the window.
      if (index >= MODEL_WINDOW_SENTENCES - 1 || index === sentences.length - 1) best[k] = Math.max(best[k] as number, running[k] as number);
    }
  });
  return best;
}

/**
 * Someone telling the worker about harm often says who told in one sentence and what in the next
 * ("Aunt rang MASH. She says ..."), or states the harm first ("Fresh cuts. Said she did it last
 * night"): the sentence before and the two after count, within the paragraph.
 */
const NEARBY_BEFORE = 1;
const NEARBY_AFTER = 2;

function nearbyNeedMet(pack: CompiledPackInternals, ruleIndex: number, sentences: readonly SentenceResult[], at: number): boolean {
  const need = pack.rules[ruleIndex]?.requiresConcerns;
  if (need === undefined) return false;
  const concerns = new Set<ConcernId>();
  const last = Math.min(sentences.length - 1, at + NEARBY_AFTER);
  for (let i = Math.max(0, at - NEARBY_BEFORE); i <= last; i++) {
    for (const index of (sentences[i] as SentenceResult).rules) {
      const rule = pack.rules[index];
      if (rule !== undefined && rule.requiresConcerns === undefined) concerns.add(rule.concern);
    }
  }
  return needMet(need, concerns);
}

function clip(text: string): string {
  if (typeof text !== 'string') return '';
  return text.length > MAX_NOTE_CHARS ? text.slice(0, MAX_NOTE_CHARS) : text;
}

/**
 * The word model's say (see model.ts). A concern with a `phrase` weight is decided by the phrases
 * and the words together: raised when its logit (bias, the note's weights, and the phrase weight
 * when the phrases raised it) is above `addAbove`. Otherwise a concern the rules raised is dropped
 * only when the note's words count clearly against it, and one they missed is added when the
 * model is confident. Either way: a concern the phrases ruled out by context is never added back,
 * a rule switched off by policy is never added, and a `neverDrop` concern the phrases raised stays
 * (with `phrase`, unless its probability is below `neverDropBelow`); with `phrase`, so does one whose
 * words count for it by at least `keepFor`.
 */
function applyModel(pack: CompiledPackInternals, model: CompiledModel, results: readonly SentenceResult[], fired: Set<number>, concerns: Set<ConcernId>): void {
  for (const reading of readModel(model, results, concerns)) {
    const { concern, logit, evidence, raised, ruledOut, k } = reading;
    const { rule, neverDrop, phrase } = model.concerns[k] as CompiledModel['concerns'][number];
    const keep =
      phrase === undefined
        ? neverDrop || evidence >= model.dropBelow
        : logit + phrase > model.addLogit ||
          // Short, plain notes carry little evidence either way: their words need only lean towards it.
          evidence >= model.keepFor ||
          (neverDrop && logit + phrase >= model.neverDropLogit) ||
          firedByNewRule(pack, model, fired, concern);
    if (raised && !keep) {
      concerns.delete(concern);
      for (const index of fired) if (pack.rules[index]?.concern === concern) fired.delete(index);
    } else if (!raised && !ruledOut && logit > model.addLogit && rule >= 0) {
      concerns.add(concern);
      fired.add(rule);
    }
  }
}

/** A rule the phrase weights were not learned beside (added since) fired for this concern. */
function firedByNewRule(pack: CompiledPackInternals, model: CompiledModel, fired: ReadonlySet<number>, concern: ConcernId): boolean {
  const known = model.phraseRules;
  if (known === undefined) return false;
  for (const index of fired) if (!known.has(index) && pack.rules[index]?.concern === concern) return true;
  return false;
}

/**
 * After the model's say, a concern whose rules need other concerns ("a disclosure is someone
 * telling about harm") stands only while the note's final concerns still meet that need: the
 * model may have dropped the harm a disclosure relied on, or added a disclosure with no harm
 * beside it, and a disclosure prompt about nothing is noise.
 */
function settleNeeds(pack: CompiledPackInternals, fired: Set<number>, concerns: Set<ConcernId>): void {
  const unmet: number[] = [];
  for (const index of fired) {
    const need = pack.rules[index]?.requiresConcerns;
    if (need !== undefined && !needMet(need, concerns)) unmet.push(index);
  }
  if (unmet.length === 0) return;
  for (const index of unmet) fired.delete(index);
  const standing = new Set<ConcernId>();
  for (const index of fired) {
    const rule = pack.rules[index];
    if (rule !== undefined) standing.add(rule.concern);
  }
  for (const concern of concerns) if (!standing.has(concern)) concerns.delete(concern);
}

/** What the model read of a note, per model concern, before the phrases' verdict is applied. */
export interface ModelReading {
  readonly concern: ConcernId;
  /** The note's most concerning window of weights. */
  readonly evidence: number;
  /** Bias plus evidence; no phrase weight. */
  readonly logit: number;
  /** The phrases raised the concern. */
  readonly raised: boolean;
  /** The phrases matched the concern but context or an `unless` ruled it out. */
  readonly ruledOut: boolean;
  readonly k: number;
}

function readModel(model: CompiledModel, results: readonly SentenceResult[], concerns: ReadonlySet<ConcernId>): ModelReading[] {
  const ruledOut = new Set(results.flatMap((result) => result.rejected ?? []));
  return model.concerns.map(({ concern, bias }, k) => {
    let evidence = Number.NEGATIVE_INFINITY;
    for (const result of results) evidence = Math.max(evidence, result.scores?.[k] ?? 0);
    if (results.length === 0) evidence = 0;
    return { concern, evidence, logit: bias + evidence, raised: concerns.has(concern), ruledOut: ruledOut.has(concern), k };
  });
}

/**
 * The model's reading of a note against the phrases' verdict, for learning how to combine them
 * (train.ts): numbers and concern ids only. Empty when the pack has no model.
 */
export function readNote(compiled: CompiledPack, text: string): ModelReading[] {
  const pack = internalsOf(compiled);
  if (pack.model === undefined) return [];
  const results = splitParagraphs(clip(text)).map((paragraph) => evaluateParagraph(pack, paragraph, undefined));
  const { concerns } = phraseVerdict(pack, results);
  return readModel(pack.model, results, concerns);
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

/** The rules fired and the concerns raised by the phrases alone. */
function phraseVerdict(pack: CompiledPackInternals, results: readonly SentenceResult[]): { fired: Set<number>; concerns: Set<ConcernId> } {
  const fired = new Set<number>();
  const pending = new Set<number>();
  for (const result of results) {
    for (const rule of result.rules) fired.add(rule);
    for (const rule of result.pendingNoteRules) pending.add(rule);
  }
  const concerns = new Set<ConcernId>();
  for (const index of fired) {
    const rule = pack.rules[index];
    if (rule !== undefined && rule.requiresConcerns?.scope !== 'nearby') concerns.add(rule.concern);
  }
  for (const index of fired) {
    const rule = pack.rules[index];
    // A nearby rule is a fallback too: a sentence that already raised its concern says it better.
    if (rule?.requiresConcerns?.scope === 'nearby' && concerns.has(rule.concern)) fired.delete(index);
    else if (rule !== undefined) concerns.add(rule.concern);
  }
  for (const index of pending) {
    const rule = pack.rules[index];
    // A note-scoped rule is a fallback for its concern: when a sentence-level rule already raised
    // the concern, showing the same prompt twice would only add noise.
    if (rule?.requiresConcerns === undefined || fired.has(index) || concerns.has(rule.concern)) continue;
    if (needMet(rule.requiresConcerns, concerns)) fired.add(index);
  }
  for (const index of fired) {
    const rule = pack.rules[index];
    if (rule !== undefined) concerns.add(rule.concern);
  }
  return { fired, concerns };
}

function aggregate(pack: CompiledPackInternals, results: readonly SentenceResult[]): Evaluation {
  const { fired, concerns } = phraseVerdict(pack, results);
  if (pack.model !== undefined) {
    applyModel(pack, pack.model, results, fired, concerns);
    settleNeeds(pack, fired, concerns);
  }

  const hits: RuleHit[] = [];
  for (const index of [...fired].sort((a, b) => a - b)) {
    const rule = pack.rules[index];
    if (rule === undefined) continue;
    hits.push({ ruleId: rule.id, concern: rule.concern, severity: rule.severity, cards: rule.cards as PromptCard[] });
  }
  for (const combination of pack.combinations) {
    if (combination.all.every((need) => needMet({ concerns: [need] }, concerns))) {
      hits.push({ ruleId: combination.id, concern: combination.concern, severity: combination.severity, cards: combination.cards as PromptCard[] });
    }
  }
  hits.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { concerns: [...concerns].sort(), hits };
}
