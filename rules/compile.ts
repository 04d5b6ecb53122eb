import type {
  CompiledCombination,
  CompiledContextGroup,
  CompiledModel,
  CompiledPackInternals,
  CompiledRule,
  CompiledTrigger,
  IndexedPhrase,
  PhraseOwner,
} from './compiled.ts';
import type { PromptCard, ResolvedSource } from './evaluate.ts';
import { buildWordTable } from './normalise.ts';
import { buildIndex } from './lookup.ts';
import type { AlternativesCache, PhraseElement, Requirement } from './phrase.ts';
import { collectPrefixes, createAlternativesCache, indexedElements, maxSpan, parsePhrase, requirementSets } from './phrase.ts';
import type { ConcernId } from './concerns.ts';
import { logitOf } from './model.ts';
import type { Card, Jurisdiction, Model, ModelConcern, RulePack } from './schema.ts';

export interface CompileOptions {
  /** Cards and rules limited to other nations are left out. Unset: nothing is filtered. */
  jurisdiction?: Jurisdiction;
  /** Rule or combination ids switched off by policy. */
  disabledRules?: readonly string[];
  /** false: rules only, the pack's word model unused (rule examples test the phrases alone). */
  model?: boolean;
}

/** Opaque to callers: pass it to evaluateNote / createNoteEvaluator. */
export interface CompiledPack {
  readonly packId: string;
  readonly packVersion: string;
}

/**
 * Compiles a pack that parseRulePack accepted. A phrase that does not parse is a bug in the
 * caller (it skipped validation), so it throws rather than silently dropping the trigger.
 */
export function compilePack(pack: RulePack, options: CompileOptions = {}): CompiledPack {
  const disabled = new Set(options.disabledRules ?? []);
  const inNation = (nations: readonly Jurisdiction[] | undefined): boolean =>
    options.jurisdiction === undefined || nations === undefined || nations.includes(options.jurisdiction);
  const lexicon = (name: string): readonly string[] | undefined => pack.lexicons[name];
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const resolveCard = (card: Card): PromptCard =>
    deepFreeze({
      id: card.id,
      summary: card.summary,
      detail: card.detail,
      ...(card.cy === undefined ? {} : { cy: { ...card.cy } }),
      sources: card.sources.map((ref): ResolvedSource => {
        const source = sources.get(ref.source);
        if (source === undefined) throw new Error(`card ${card.id} cites unknown source ${ref.source}; validate the pack with parseRulePack first`);
        return {
          id: source.id,
          title: source.title,
          publisher: source.publisher,
          url: source.url,
          ...(ref.locator === undefined ? {} : { locator: ref.locator }),
        };
      }),
      links: card.links.map((l) => ({ title: l.title, url: l.url })),
      contactCategories: [...card.contactCategories],
      responses: [...card.responses],
      ...(card.status === undefined ? {} : { status: card.status }),
    });
  const cardsFor = (cards: readonly Card[]): PromptCard[] => cards.filter((c) => inNation(c.jurisdictions)).map(resolveCard);

  const triggerPhrases: IndexedPhrase[] = [];
  const supportPhrases: IndexedPhrase[] = [];
  const requirements = createRequirements();
  const alternatives: AlternativesCache = createAlternativesCache();
  const prefixes = new Set<string>();
  const addPhrase = (source: string, owner: PhraseOwner): void => {
    const parsed = parsePhrase(source, lexicon, true, alternatives);
    if (!parsed.ok) throw new Error(`phrase "${source}": ${parsed.message}; validate the pack with parseRulePack first`);
    collectPrefixes(parsed.elements, prefixes);
    for (const elements of splitLeadingAlternatives(parsed.elements)) {
      const indexed = indexedElements(elements);
      (owner.kind === 'trigger' ? triggerPhrases : supportPhrases).push({
        elements,
        owner,
        requires: requirements.numbersOf(requirementSets(elements, indexed)),
        span: maxSpan(elements),
        indexed,
      });
    }
  };

  const rules: CompiledRule[] = [];
  const triggers: CompiledTrigger[] = [];
  const patternTriggers: number[] = [];
  for (const rule of pack.rules) {
    if (disabled.has(rule.id) || !inNation(rule.jurisdictions)) continue;
    const ruleIndex = rules.length;
    rules.push({
      id: rule.id,
      concern: rule.concern,
      severity: rule.severity,
      requiresConcerns: rule.requiresConcerns,
      cards: cardsFor(rule.cards),
    });
    for (const trigger of rule.triggers) {
      const index = triggers.length;
      const pattern = trigger.pattern === undefined ? undefined : new RegExp(trigger.pattern, 'gu');
      triggers.push({ rule: ruleIndex, pattern, hasRequires: trigger.requires !== undefined, ignore: new Set(trigger.ignoreContext ?? []) });
      if (pattern !== undefined) patternTriggers.push(index);
      for (const phrase of trigger.phrases ?? []) addPhrase(phrase, { kind: 'trigger', trigger: index });
      for (const phrase of trigger.requires ?? []) addPhrase(phrase, { kind: 'requires', trigger: index });
      for (const phrase of trigger.unless ?? []) addPhrase(phrase, { kind: 'unless', trigger: index });
    }
  }
  const contextGroups: CompiledContextGroup[] = pack.context.map((group, index) => {
    for (const phrase of group.phrases) addPhrase(phrase, { kind: 'context', group: index });
    return { category: group.category, direction: group.direction, scope: group.scope, acrossClauses: group.acrossClauses === true };
  });
  const combinations: CompiledCombination[] = pack.combinations
    .filter((c) => !disabled.has(c.id) && inNation(c.jurisdictions))
    .map((c) => ({ id: c.id, concern: c.concern, severity: c.severity, all: c.all, cards: cardsFor(c.cards) }));

  const internals: CompiledPackInternals = {
    packId: pack.id,
    packVersion: pack.version,
    wordTable: buildWordTable(pack.normalisation.words),
    rules,
    triggers,
    contextGroups,
    combinations,
    triggerIndex: buildIndex(triggerPhrases),
    supportIndex: buildIndex(supportPhrases),
    patternTriggers,
    model: options.model === false || pack.model === undefined ? undefined : compileModel(pack.model, rules),
    requirementsOf: requirements.byWord,
    requirementsOfPrefix: requirements.byPrefix,
    prefixes,
    prefixLengths: [...new Set([...prefixes].map((prefix) => prefix.length))].sort((a, b) => a - b),
    scratch: {
      entries: new Map(),
      met: new Uint32Array(requirements.count()),
      first: new Int32Array(requirements.count()),
      last: new Int32Array(requirements.count()),
      generation: 0,
      row: [],
    },
  };
  return internals;
}

function compileModel(model: Model, rules: readonly CompiledRule[]): CompiledModel {
  const concerns: CompiledModel['concerns'][number][] = [];
  const neverDrop = new Set(model.neverDrop ?? []);
  const entries = (Object.entries(model.concerns) as [ConcernId, ModelConcern | undefined][]).filter(
    (pair): pair is [ConcernId, ModelConcern] => pair[1] !== undefined,
  );
  // Features are looked up by their words, never by building "word word" strings per sentence.
  const unigram = new Map<string, number>();
  const negatedUnigram = new Map<string, number>();
  const bigram = new Map<string, Map<string, number>>();
  const negatedBigram = new Map<string, Map<string, number>>();
  const numbers = new Map<string, number>();
  const counts: number[] = [];
  // First pass: number each feature and count its weights. The weights then go into three flat
  // arrays rather than one small array per feature: a model has tens of thousands of features,
  // and every frame that reads notes compiles it.
  for (const [, entry] of entries) {
    for (const feature in entry.weights) {
      const known = numbers.get(feature);
      if (known !== undefined) {
        counts[known] = (counts[known] as number) + 1;
        continue;
      }
      const number = counts.length;
      numbers.set(feature, number);
      counts.push(1);
      const negated = feature.charCodeAt(0) === 33;
      const words = negated ? feature.slice(1) : feature;
      const space = words.indexOf(' ');
      if (space < 0) (negated ? negatedUnigram : unigram).set(words, number);
      else {
        const byFirst = negated ? negatedBigram : bigram;
        const first = words.slice(0, space);
        let next = byFirst.get(first);
        if (next === undefined) byFirst.set(first, (next = new Map()));
        next.set(words.slice(space + 1), number);
      }
    }
  }
  const start = new Int32Array(counts.length + 1);
  for (let f = 0; f < counts.length; f++) start[f + 1] = (start[f] as number) + (counts[f] as number);
  const concernOf = new Uint8Array(start[counts.length] as number);
  const weightOf = new Float64Array(start[counts.length] as number);
  const filled = start.slice(0, counts.length);
  for (const [concern, entry] of entries) {
    const index = concerns.length;
    concerns.push({ concern, rule: rules.findIndex((rule) => rule.id === entry.rule), bias: entry.bias, neverDrop: neverDrop.has(concern), phrase: entry.phrase });
    for (const feature in entry.weights) {
      const number = numbers.get(feature) as number;
      const at = filled[number] as number;
      filled[number] = at + 1;
      concernOf[at] = index;
      weightOf[at] = entry.weights[feature] as number;
    }
  }
  return {
    features: { negation: new Set(model.negation), negationReach: model.negationReach },
    concerns,
    start,
    concernOf,
    weightOf,
    unigram,
    negatedUnigram,
    bigram,
    negatedBigram,
    stamp: new Uint32Array(counts.length),
    generation: 0,
    addLogit: logitOf(model.addAbove),
    dropBelow: model.dropAgainst === undefined ? Number.NEGATIVE_INFINITY : -model.dropAgainst,
    neverDropLogit: logitOf(model.neverDropBelow ?? 0),
    keepFor: model.keepFor ?? Number.POSITIVE_INFINITY,
    phraseRules: model.phraseRules === undefined ? undefined : new Set(model.phraseRules.map((id) => rules.findIndex((rule) => rule.id === id))),
  };
}

/**
 * A phrase that starts with several-word alternatives ("(the police|the school) ~2 told") would
 * be offered at every "the" and fail there nearly always. Indexed as one phrase per alternative,
 * each is offered only where its first two words stand, and its later words become requirements.
 * The variants match what the phrase matched; for a trigger every matching variant adds its span.
 */
function splitLeadingAlternatives(elements: readonly PhraseElement[]): (readonly PhraseElement[])[] {
  const first = elements[0];
  if (first?.kind !== 'alt' || first.multi.length === 0) return [elements];
  const rest = elements.slice(1);
  const variants: PhraseElement[][] = [];
  if (first.single.exact.size > 0 || first.single.prefixes.length > 0) variants.push([{ kind: 'word', test: first.single }, ...rest]);
  for (const option of first.multi) variants.push([...option.map((test): PhraseElement => ({ kind: 'word', test })), ...rest]);
  return variants;
}

/** Numbers each distinct requirement and lists, per word and per prefix, those it meets. */
function createRequirements(): {
  numbersOf(sets: readonly Requirement[]): Int32Array | undefined;
  count(): number;
  readonly byWord: Map<string, number[]>;
  readonly byPrefix: Map<string, number[]>;
} {
  const byWord = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  // Shared lexicon elements repeat the same object; equal requirements written out again share a key.
  const bySet = new Map<Requirement, number>();
  const byKey = new Map<string, number>();
  let count = 0;
  const list = (map: Map<string, number[]>, key: string, number: number): void => {
    const numbers = map.get(key);
    if (numbers === undefined) map.set(key, [number]);
    else numbers.push(number);
  };
  const numberOf = (set: Requirement): number => {
    let number = bySet.get(set);
    if (number !== undefined) return number;
    const key = `${[...set.exact].sort().join(' ')}|${[...set.prefixes].sort().join(' ')}`;
    number = byKey.get(key);
    if (number === undefined) {
      number = count++;
      byKey.set(key, number);
      for (const word of set.exact) list(byWord, word, number);
      for (const prefix of new Set(set.prefixes)) list(byPrefix, prefix, number);
    }
    bySet.set(set, number);
    return number;
  };
  return {
    numbersOf: (sets) => (sets.length === 0 ? undefined : Int32Array.from(new Set(sets.map(numberOf)))),
    count: () => count,
    byWord,
    byPrefix,
  };
}

/** The compiler's own output is the only thing that satisfies this. */
export function internalsOf(compiled: CompiledPack): CompiledPackInternals {
  return compiled as CompiledPackInternals;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
