import type { ConcernId } from './concerns.ts';
import { isRiskConcern } from './concerns.ts';
import type { CompiledModel, CompiledPackInternals, ConcernNeed, IndexedPhrase, Scratch, WordEntry } from './compiled.ts';
import type { ContextMatch, Span } from './context.ts';
import { buildSentenceContext, isCancelled } from './context.ts';
import { entryFor } from './lookup.ts';
import type { Sentence } from './normalise.ts';
import { normaliseSegment } from './normalise.ts';
import { matchFrom } from './phrase.ts';

/** What one sentence contributes to the note; cached per segment by the incremental evaluator. */
export interface SentenceResult {
  /** Rules whose triggers held in this sentence (including sentence-scoped concern requirements). */
  readonly rules: readonly number[];
  /** Rules whose triggers held but whose concern requirement is judged over the whole note. */
  readonly pendingNoteRules: readonly number[];
  /** Rules whose triggers held but whose concern requirement is judged over the nearby sentences. */
  readonly pendingNearbyRules: readonly number[];
  /**
   * The word model's sums for this sentence, per model concern (for a paragraph: its most
   * concerning window of sentences); undefined when the pack has no model or nothing scored.
   */
  readonly scores?: readonly number[] | undefined;
  /**
   * Concerns whose triggers matched here but were ruled out: by one of their `unless` look-alikes
   * ("refused the flu vaccine", "a surprise party") or by context (negated, hypothetical, resolved,
   * someone else's childhood). The model must not add such a concern back: that is the context
   * handling workers rely on. A trigger still waiting for its `requires` does not count: the rule
   * only lacked support, which is what the model's wider reading can supply.
   */
  readonly rejected?: readonly ConcernId[] | undefined;
}

const EMPTY: SentenceResult = { rules: [], pendingNoteRules: [], pendingNearbyRules: [] };

export function evaluateSegment(pack: CompiledPackInternals, segment: string): SentenceResult {
  const sentence = normaliseSegment(segment, pack.wordTable);
  if (sentence.words.length === 0) return EMPTY;
  const result = evaluateSentence(pack, sentence);
  const scores = pack.model === undefined ? undefined : scoreSentence(pack.model, sentence, pack.scratch.row);
  return scores === undefined ? result : { ...result, scores };
}

/** Adds a feature's weights once per sentence (feature -1: none). */
function count(model: CompiledModel, feature: number, scores: number[] | undefined): number[] | undefined {
  if (feature < 0 || model.stamp[feature] === model.generation) return scores;
  model.stamp[feature] = model.generation;
  const { concernOf, weightOf } = model;
  // A plain array: cheaper to allocate than a typed one, and there is one per sentence.
  const sums = scores ?? new Array<number>(model.concerns.length).fill(0);
  const end = model.start[feature + 1] as number;
  for (let k = model.start[feature] as number; k < end; k++) {
    const index = concernOf[k] as number;
    sums[index] = (sums[index] as number) + (weightOf[k] as number);
  }
  return sums;
}

/**
 * Sums the weights of the sentence's features per model concern; undefined when none has one.
 * The features are model.ts's sentenceFeatures, found through each word's entry (which
 * evaluateSentence has just put in `row`) rather than by building and hashing strings.
 */
function scoreSentence(model: CompiledModel, sentence: Sentence, row: readonly WordEntry[]): number[] | undefined {
  model.generation = (model.generation + 1) >>> 0;
  if (model.generation === 0) {
    model.stamp.fill(0);
    model.generation = 1;
  }
  const { words, breakBefore } = sentence;
  let scores: number[] | undefined;
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    if (breakBefore[i] === true) negated = 0;
    const entry = (row[i] as WordEntry).model;
    if (entry.negation) {
      scores = count(model, entry.plain, scores);
      negated = model.features.negationReach;
      continue;
    }
    const previous = i > 0 ? (row[i - 1] as WordEntry).model : undefined;
    if (negated > 0) {
      negated--;
      scores = count(model, entry.negated, scores);
      if (previous?.negatedNext !== undefined) scores = count(model, previous.negatedNext.get(words[i] as string) ?? -1, scores);
    } else {
      scores = count(model, entry.plain, scores);
      if (previous?.next !== undefined) scores = count(model, previous.next.get(words[i] as string) ?? -1, scores);
    }
  }
  return scores;
}

export function evaluateSentence(pack: CompiledPackInternals, sentence: Sentence): SentenceResult {
  const { words } = sentence;
  lookUpWords(pack, words);
  // Most sentences trigger nothing; their context phrases are never read, and nothing is allocated.
  let triggerSpans = scanTriggers(pack, words);
  if (pack.patternTriggers.length > 0) triggerSpans = matchPatterns(pack, words, triggerSpans ?? new Map());
  if (triggerSpans === undefined || triggerSpans.size === 0) return EMPTY;

  const support = scanSupport(pack, words, triggerSpans);
  const context = buildSentenceContext(support.contextMatches, sentence.breakBefore);
  const firedRules = new Set<number>();
  const excluded = new Set<number>();
  for (const [triggerIndex, spans] of triggerSpans) {
    const trigger = pack.triggers[triggerIndex];
    if (trigger === undefined || firedRules.has(trigger.rule)) continue;
    if (trigger.hasRequires && !support.requiresMet.has(triggerIndex)) continue;
    // Past its requirements, the words were this concern's until an `unless` or the context said no.
    excluded.add(trigger.rule);
    if (support.unlessMet.has(triggerIndex)) continue;
    if (spans.some((span) => !isCancelled(span, context, trigger.ignore))) firedRules.add(trigger.rule);
  }
  const result = resolveRequirements(pack, firedRules);
  const rejected = new Set<ConcernId>();
  for (const rule of excluded) {
    const concern = pack.rules[rule]?.concern;
    if (concern !== undefined && !firedRules.has(rule)) rejected.add(concern);
  }
  return rejected.size === 0 ? result : { ...result, rejected: [...rejected] };
}

/**
 * Fills the scratch row with each word's entry and marks where the requirements are met, under a
 * new generation, so that no per-sentence set is built.
 */
function lookUpWords(pack: CompiledPackInternals, words: readonly string[]): void {
  const scratch = pack.scratch;
  scratch.generation = (scratch.generation + 1) >>> 0;
  if (scratch.generation === 0) {
    // After 2^32 sentences the marks wrap; old marks must not read as current.
    scratch.met.fill(0);
    scratch.generation = 1;
  }
  const { row, met, first, last, generation } = scratch;
  for (let i = 0; i < words.length; i++) {
    const entry = entryFor(pack, words[i] as string);
    row[i] = entry;
    const meets = entry.meets;
    for (let k = 0; k < meets.length; k++) {
      const n = meets[k] as number;
      if (met[n] !== generation) {
        met[n] = generation;
        first[n] = i;
      }
      last[n] = i;
    }
  }
}

/**
 * The cheap test before a full match from word `start`: does the sentence meet each of the
 * phrase's requirements after `start` and within the phrase's span? (First and last positions
 * only: necessary, not sufficient.)
 */
function mayMatch(candidate: IndexedPhrase, scratch: Scratch, start: number): boolean {
  const requires = candidate.requires;
  if (requires === undefined) return true;
  const { met, first, last, generation } = scratch;
  const reach = start + candidate.span;
  for (let i = 0; i < requires.length; i++) {
    const n = requires[i] as number;
    if (met[n] !== generation || (last[n] as number) <= start || (first[n] as number) >= reach) return false;
  }
  return true;
}

function scanTriggers(pack: CompiledPackInternals, words: readonly string[]): Map<number, Span[]> | undefined {
  const { scratch } = pack;
  const { row } = scratch;
  let spans: Map<number, Span[]> | undefined;
  for (let start = 0; start < words.length; start++) {
    const candidates = (row[start] as WordEntry).trigger;
    const any = candidates.any;
    for (let k = 0; k < any.length; k++) {
      spans = tryTrigger(any[k] as IndexedPhrase, scratch, words.length, start, spans);
    }
    const following = words[start + 1];
    const next = following === undefined ? undefined : candidates.next?.get(following);
    if (next === undefined) continue;
    for (let k = 0; k < next.length; k++) {
      spans = tryTrigger(next[k] as IndexedPhrase, scratch, words.length, start, spans);
    }
  }
  return spans;
}

function tryTrigger(
  candidate: IndexedPhrase,
  scratch: Scratch,
  length: number,
  start: number,
  spans: Map<number, Span[]> | undefined,
): Map<number, Span[]> | undefined {
  const { owner } = candidate;
  if (owner.kind !== 'trigger' || !mayMatch(candidate, scratch, start)) return spans;
  const end = matchFrom(candidate.elements, candidate.indexed, scratch.row, length, start + candidate.indexed);
  return end < 0 ? spans : addSpan(spans, owner.trigger, { start, end });
}

interface Support {
  readonly requiresMet: Set<number>;
  readonly unlessMet: Set<number>;
  readonly contextMatches: ContextMatch[];
}

/** Context, requires and unless phrases, read only once a trigger has matched. */
function scanSupport(pack: CompiledPackInternals, words: readonly string[], triggerSpans: ReadonlyMap<number, Span[]>): Support {
  const { row } = pack.scratch;
  const support: Support = { requiresMet: new Set(), unlessMet: new Set(), contextMatches: [] };
  for (let start = 0; start < words.length; start++) {
    const candidates = (row[start] as WordEntry).support;
    for (const candidate of candidates.any) visitSupport(pack, candidate, words, start, triggerSpans, support);
    const following = words[start + 1];
    const next = following === undefined ? undefined : candidates.next?.get(following);
    if (next !== undefined) for (const candidate of next) visitSupport(pack, candidate, words, start, triggerSpans, support);
  }
  return support;
}

function visitSupport(
  pack: CompiledPackInternals,
  candidate: IndexedPhrase,
  words: readonly string[],
  start: number,
  triggerSpans: ReadonlyMap<number, Span[]>,
  support: Support,
): void {
  const { owner } = candidate;
  const { scratch } = pack;
  if (!mayMatch(candidate, scratch, start)) return;
  // requires/unless phrases only matter for triggers that matched in this sentence, and only once.
  if (owner.kind === 'requires' && (support.requiresMet.has(owner.trigger) || !triggerSpans.has(owner.trigger))) return;
  if (owner.kind === 'unless' && (support.unlessMet.has(owner.trigger) || !triggerSpans.has(owner.trigger))) return;
  const end = matchFrom(candidate.elements, candidate.indexed, scratch.row, words.length, start + candidate.indexed);
  if (end < 0) return;
  switch (owner.kind) {
    case 'requires':
      support.requiresMet.add(owner.trigger);
      break;
    case 'unless':
      support.unlessMet.add(owner.trigger);
      break;
    case 'context': {
      const group = pack.contextGroups[owner.group];
      if (group !== undefined) support.contextMatches.push({ start, end, group });
      break;
    }
    case 'trigger':
      // Trigger phrases live in the trigger index; one here would be a compiler bug.
      throw new Error('trigger phrase found in the support index');
  }
}

/** Sentence-scoped requirements ("a disclosure is telling about harm") are settled here. */
function resolveRequirements(pack: CompiledPackInternals, fired: ReadonlySet<number>): SentenceResult {
  const rules: number[] = [];
  const pending: number[] = [];
  const conditional: number[] = [];
  const concerns = new Set<ConcernId>();
  for (const index of [...fired].sort((a, b) => a - b)) {
    const rule = pack.rules[index];
    if (rule === undefined) continue;
    if (rule.requiresConcerns === undefined) {
      rules.push(index);
      concerns.add(rule.concern);
    } else if (rule.requiresConcerns.scope === 'note') {
      pending.push(index);
    } else {
      conditional.push(index);
    }
  }
  const nearby: number[] = [];
  for (const index of conditional) {
    const need = pack.rules[index]?.requiresConcerns;
    if (need !== undefined && needMet(need, concerns)) rules.push(index);
    // Met in its own sentence it needs no look around; otherwise the paragraph settles it.
    else if (need?.scope === 'nearby') nearby.push(index);
  }
  return { rules, pendingNoteRules: pending, pendingNearbyRules: nearby };
}

export function needMet(need: Pick<ConcernNeed, 'concerns'>, found: ReadonlySet<ConcernId>): boolean {
  return need.concerns.some((c) => (c === 'any-risk' ? [...found].some(isRiskConcern) : found.has(c)));
}

function matchPatterns(pack: CompiledPackInternals, words: readonly string[], spans: Map<number, Span[]>): Map<number, Span[]> {
  // Patterns see the words joined by single spaces; offsets map back to word indexes for context.
  const text = words.join(' ');
  const wordAt: number[] = [];
  words.forEach((word, index) => {
    for (let k = 0; k <= word.length; k++) wordAt.push(index);
  });
  for (const triggerIndex of pack.patternTriggers) {
    const pattern = pack.triggers[triggerIndex]?.pattern;
    if (pattern === undefined) continue;
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match === null) continue;
    const start = wordAt[match.index] ?? 0;
    const end = (wordAt[Math.max(match.index, match.index + match[0].length - 1)] ?? start) + 1;
    addSpan(spans, triggerIndex, { start, end });
  }
  return spans;
}

function addSpan(map: Map<number, Span[]> | undefined, key: number, span: Span): Map<number, Span[]> {
  const spans = map ?? new Map<number, Span[]>();
  const list = spans.get(key);
  if (list === undefined) spans.set(key, [span]);
  else list.push(span);
  return spans;
}
