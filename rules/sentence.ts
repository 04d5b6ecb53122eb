import type { ConcernId } from './concerns.ts';
import { isRiskConcern } from './concerns.ts';
import type { CompiledPackInternals, ConcernNeed, IndexedPhrase, PhraseIndex } from './compiled.ts';
import type { ContextMatch, Span } from './context.ts';
import { buildSentenceContext, isCancelled } from './context.ts';
import { candidatesFor } from './lookup.ts';
import type { Sentence } from './normalise.ts';
import { normaliseSegment } from './normalise.ts';
import { matchPhraseAt } from './phrase.ts';

/** What one sentence contributes to the note; cached per segment by the incremental evaluator. */
export interface SentenceResult {
  /** Rules whose triggers held in this sentence (including sentence-scoped concern requirements). */
  readonly rules: readonly number[];
  /** Rules whose triggers held but whose concern requirement is judged over the whole note. */
  readonly pendingNoteRules: readonly number[];
}

const EMPTY: SentenceResult = { rules: [], pendingNoteRules: [] };

export function evaluateSegment(pack: CompiledPackInternals, segment: string): SentenceResult {
  const sentence = normaliseSegment(segment, pack.wordTable);
  if (sentence.words.length === 0) return EMPTY;
  return evaluateSentence(pack, sentence);
}

export function evaluateSentence(pack: CompiledPackInternals, sentence: Sentence): SentenceResult {
  const { words } = sentence;
  const triggerSpans = new Map<number, Span[]>();
  const requiresMet = new Set<number>();
  const unlessMet = new Set<number>();
  const contextMatches: ContextMatch[] = [];

  const present = new Set(words);
  const mayMatch = (required: ReadonlySet<string>): boolean => {
    for (const word of required) if (present.has(word)) return true;
    return false;
  };
  const visit = (candidate: IndexedPhrase, start: number): void => {
    const { owner } = candidate;
    if (candidate.required !== undefined && !mayMatch(candidate.required)) return;
    // requires/unless phrases only matter for triggers that matched in this sentence.
    if (owner.kind === 'requires' && (requiresMet.has(owner.trigger) || !triggerSpans.has(owner.trigger))) return;
    if (owner.kind === 'unless' && (unlessMet.has(owner.trigger) || !triggerSpans.has(owner.trigger))) return;
    const end = matchPhraseAt(candidate.elements, words, start);
    if (end < 0) return;
    switch (owner.kind) {
      case 'trigger':
        addSpan(triggerSpans, owner.trigger, { start, end });
        break;
      case 'requires':
        requiresMet.add(owner.trigger);
        break;
      case 'unless':
        unlessMet.add(owner.trigger);
        break;
      case 'context': {
        const group = pack.contextGroups[owner.group];
        if (group !== undefined) contextMatches.push({ start, end, group });
        break;
      }
    }
  };
  const scan = (index: PhraseIndex): void => {
    for (let start = 0; start < words.length; start++) {
      const candidates = candidatesFor(index, words[start] as string);
      for (const candidate of candidates.any) visit(candidate, start);
      const following = words[start + 1];
      const next = following === undefined ? undefined : candidates.next?.get(following);
      if (next !== undefined) for (const candidate of next) visit(candidate, start);
    }
  };
  // Most sentences trigger nothing; their context phrases are never read.
  scan(pack.triggerIndex);
  if (pack.patternTriggers.length > 0) matchPatterns(pack, words, triggerSpans);
  if (triggerSpans.size === 0) return EMPTY;
  scan(pack.supportIndex);

  const context = buildSentenceContext(contextMatches, sentence.breakBefore);
  const firedRules = new Set<number>();
  for (const [triggerIndex, spans] of triggerSpans) {
    const trigger = pack.triggers[triggerIndex];
    if (trigger === undefined || firedRules.has(trigger.rule)) continue;
    if (trigger.hasRequires && !requiresMet.has(triggerIndex)) continue;
    if (unlessMet.has(triggerIndex)) continue;
    if (spans.some((span) => !isCancelled(span, context, trigger.ignore))) firedRules.add(trigger.rule);
  }
  return resolveRequirements(pack, firedRules);
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
  for (const index of conditional) {
    const need = pack.rules[index]?.requiresConcerns;
    if (need !== undefined && needMet(need, concerns)) rules.push(index);
  }
  return { rules, pendingNoteRules: pending };
}

export function needMet(need: Pick<ConcernNeed, 'concerns'>, found: ReadonlySet<ConcernId>): boolean {
  return need.concerns.some((c) => (c === 'any-risk' ? [...found].some(isRiskConcern) : found.has(c)));
}

function matchPatterns(pack: CompiledPackInternals, words: readonly string[], spans: Map<number, Span[]>): void {
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
}

function addSpan(map: Map<number, Span[]>, key: number, span: Span): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [span]);
  else list.push(span);
}
