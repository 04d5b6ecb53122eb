import { z } from '../validation/zod.ts';
import { concernIds } from './concerns.ts';

/**
 * The rule pack format. Packs are data written by us or by an administrator: nothing in them is
 * executed. Cross-references (source ids, contact ids, lexicon names, unique ids, safe patterns)
 * are checked in load.ts, where every problem can be reported with its path.
 */

export const Jurisdiction = z.enum(['england', 'wales', 'scotland', 'northern-ireland']);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const ResponseCode = z.enum([
  'shared',
  'will-share',
  'seeking-advice',
  'emergency-services',
  'not-relevant',
  'already-known',
]);
export type ResponseCode = z.infer<typeof ResponseCode>;

export const Concern = z.enum(concernIds);

/** ConText modifier categories; "pseudo" and "terminator" only shape the others. */
export const ContextCategory = z.enum([
  'negation',
  'hypothetical',
  'historical',
  'experiencer',
  'pseudo',
  'terminator',
]);
export type ContextCategory = z.infer<typeof ContextCategory>;

/** Modifiers that can cancel a trigger (the ones a rule may choose to ignore). */
export const CancellingCategory = z.enum(['negation', 'hypothetical', 'historical', 'experiencer']);
export type CancellingCategory = z.infer<typeof CancellingCategory>;

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and hyphens (max 80)'));
const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https URL' });
const plain = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** A card summary: shown in the prompt, so it must fit on a line or two. */
const summary = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(139, 'summary must be under 140 characters'));
/** A list with at least one entry; `message` says why, where the pack format has a reason. */
const someOf = <T extends z.core.SomeType>(item: T, message?: string) => z.array(item).check(z.minLength(1, message));

/**
 * A phrase is a sequence of space-separated tokens matched against the normalised words of one
 * sentence: `word`, `prefix*` (3+ letters), `a|b*|c` alternatives, `@lexicon`, `~N` a gap of up to
 * N words (N ≤ 8). Tokens, not regex, so a phrase can never backtrack catastrophically.
 */
export const Phrase = z.string().check(z.trim(), z.minLength(1), z.maxLength(600));

export const Source = z.strictObject({
  id,
  title: plain(300),
  publisher: plain(200),
  url: httpsUrl,
  date: z.optional(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'))),
  jurisdictions: z.optional(someOf(Jurisdiction)),
});
export type Source = z.infer<typeof Source>;

export const ContactCategory = z.strictObject({
  id,
  name: plain(200),
  /** Only national numbers ship as facts; local contacts are filled in by an administrator. */
  nationalNumber: z.optional(z.string().check(z.regex(/^[0-9 ]{3,20}$/))),
  jurisdictions: z.optional(someOf(Jurisdiction)),
});
export type ContactCategory = z.infer<typeof ContactCategory>;

export const CardSourceRef = z.strictObject({
  source: id,
  /** Step, paragraph or section within the source. */
  locator: z.optional(plain(200)),
});
export type CardSourceRef = z.infer<typeof CardSourceRef>;

export const Link = z.strictObject({ title: plain(200), url: httpsUrl });
export type Link = z.infer<typeof Link>;

export const Card = z.strictObject({
  id,
  summary: summary(),
  detail: plain(4000),
  cy: z.optional(
    z.strictObject({
      summary: z.optional(summary()),
      detail: z.optional(plain(4000)),
    }),
  ),
  sources: someOf(CardSourceRef, 'every card cites at least one source'),
  links: z.array(Link),
  contactCategories: z.array(id),
  responses: someOf(ResponseCode),
  /** Duties enacted but not yet commenced are shown as "coming". */
  status: z.optional(z.enum(['in-force', 'coming'])),
  /** Shown only in these nations (e.g. the FGM duty is not Scottish law). */
  jurisdictions: z.optional(someOf(Jurisdiction)),
});
export type Card = z.infer<typeof Card>;

export const Trigger = z
  .strictObject({
    /** Any phrase matching raises the trigger. */
    phrases: z.optional(someOf(Phrase)),
    /** A regular expression over the normalised sentence (lower case, single spaces); checked for safety. */
    pattern: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
    /** At least one of these phrases must also occur in the same sentence. */
    requires: z.optional(someOf(Phrase)),
    /** None of these phrases may occur in the same sentence (LanguageTool-style antipatterns). */
    unless: z.optional(someOf(Phrase)),
    /** Context modifiers that do not cancel this trigger (e.g. a phrase that contains its own negation). */
    ignoreContext: z.optional(z.array(CancellingCategory)),
  })
  .check(
    z.refine((t) => t.phrases !== undefined || t.pattern !== undefined, {
      message: 'a trigger needs phrases or a pattern',
    }),
  );
export type Trigger = z.infer<typeof Trigger>;

export const ConcernRequirement = z.strictObject({
  /** "any-risk" means any of the risk concerns. */
  concerns: someOf(z.union([Concern, z.literal('any-risk')])),
  /**
   * "sentence": a required concern must be raised in the same sentence as the trigger; "nearby":
   * in the same sentence or one of the next two of the same paragraph; "note": anywhere.
   */
  scope: z.enum(['sentence', 'nearby', 'note']),
});
export type ConcernRequirement = z.infer<typeof ConcernRequirement>;

const exampleText = z.string().check(z.minLength(1), z.maxLength(2000));

export const Examples = z.strictObject({
  match: someOf(exampleText, 'every rule needs text it must match'),
  noMatch: someOf(exampleText, 'every rule needs text it must not match'),
});

export const Rule = z.strictObject({
  id,
  concern: Concern,
  severity: Severity,
  description: z.optional(plain(500)),
  jurisdictions: z.optional(someOf(Jurisdiction)),
  triggers: someOf(Trigger),
  requiresConcerns: z.optional(ConcernRequirement),
  cards: someOf(Card),
  examples: Examples,
});
export type Rule = z.infer<typeof Rule>;

/** A prompt raised by a combination of concerns found in the note (and optionally the nation). */
export const Combination = z.strictObject({
  id,
  /** The concern the prompt is about; reported as the hit's concern. */
  concern: Concern,
  severity: Severity,
  description: z.optional(plain(500)),
  /** Every entry must be present; "any-risk" is satisfied by any risk concern. */
  all: someOf(z.union([Concern, z.literal('any-risk')])),
  jurisdictions: z.optional(someOf(Jurisdiction)),
  cards: someOf(Card),
  examples: Examples,
});
export type Combination = z.infer<typeof Combination>;

export const ContextGroup = z.strictObject({
  category: ContextCategory,
  direction: z.enum(['forward', 'backward', 'both']),
  /** How many words the modifier reaches, unless a terminator comes first. */
  scope: z.int().check(z.minimum(1), z.maximum(60)),
  /**
   * Reach past clause breaks (";", brackets, a spaced dash), stopping only at a terminator or the
   * end of the sentence: a closing verdict ("; closed as unfounded") or a joke ("- said with a
   * grin") is usually written as an afterthought in its own clause.
   */
  acrossClauses: z.optional(z.boolean()),
  phrases: someOf(Phrase),
});
export type ContextGroup = z.infer<typeof ContextGroup>;

export const Normalisation = z.strictObject({
  /** Whole-word replacements after lower-casing: spellings, misspellings, shorthand. */
  words: z.record(
    z.string().check(z.regex(/^[a-z0-9']+$/, 'keys are single lower-case words')),
    z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  ),
});

export const MAX_MODEL_WEIGHT = 100;
const Weight = z.number().check(z.minimum(-MAX_MODEL_WEIGHT), z.maximum(MAX_MODEL_WEIGHT));
/**
 * Feature -> weight. A model has tens of thousands, and every frame with a case note checks its
 * pack, where Zod's per-entry record parsing cost tens of milliseconds: here only the record is
 * checked, and load.ts checks every entry in one plain pass, reporting each bad one by path.
 */
const Weights = z.custom<Record<string, number>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'weights must be an object mapping features to numbers',
);

export const ModelConcern = z.strictObject({
  /** The rule whose cards are shown when the model alone raises this concern. */
  rule: id,
  bias: Weight,
  weights: Weights,
  /**
   * Log-odds added to the concern's score when the pack's phrases raised it. With it, phrases and
   * words decide together: the concern is raised when bias + the note's weights + this (if the
   * phrases raised it) is above `addAbove`, so the model learns how far to trust each concern's
   * phrases. Without it, the model only adds and drops by `addAbove` and `dropAgainst`.
   */
  phrase: z.optional(Weight),
});
export type ModelConcern = z.infer<typeof ModelConcern>;

/**
 * The word model (see rules/model.ts): learned weights, not code. Optional: a pack without one is
 * judged by its rules alone.
 */
export const Model = z.strictObject({
  kind: z.literal('linear-words-v1'),
  description: z.optional(plain(2000)),
  /** Words that start a negated run ("no", "not", "denies"). */
  negation: someOf(z.string().check(z.regex(/^[\p{L}\p{N}']+$/u, 'a single word'))),
  negationReach: z.int().check(z.minimum(1), z.maximum(10)),
  /**
   * A concern no rule raised is added when the model's probability is above this; with `phrase`
   * weights, a concern is raised when the combined probability is (see ModelConcern.phrase).
   */
  addAbove: z.number().check(z.minimum(0.3), z.maximum(1)),
  /**
   * A concern a rule raised is dropped when the note's words count against it by more than this
   * (their summed weights, in log-odds, below minus this). Evidence, not absence of it: a short,
   * plain note that a rule caught keeps its concern. Unset: rules are never overruled.
   */
  dropAgainst: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** Concerns the model never drops: a statistical model must not silence a risk to life. */
  neverDrop: z.optional(z.array(Concern)),
  /**
   * For concerns with a `phrase` weight: a `neverDrop` concern the phrases raised stays unless its
   * probability is below this (default 0: it always stays).
   */
  neverDropBelow: z.optional(z.number().check(z.minimum(0), z.maximum(0.5))),
  /**
   * For concerns with a `phrase` weight: a concern the phrases raised also stays while the note's
   * words count for it by at least this (their summed weights, in log-odds). A short, plain note
   * carries little evidence either way, and an explicit phrase should not need more.
   */
  keepFor: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /**
   * The rules whose hits the `phrase` weights were learned from. A hit of any other rule (one an
   * administrator added since) is never overruled: the model has never seen how far to trust it.
   */
  phraseRules: z.optional(z.array(id)),
  concerns: z.partialRecord(Concern, ModelConcern),
});
export type Model = z.infer<typeof Model>;

export const RulePack = z.strictObject({
  id,
  name: plain(200),
  version: z
    .string()
    .check(z.regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9a-z.-]+)?$/i, 'must be a semantic version')),
  effectiveDate: z.iso.date(),
  jurisdictions: someOf(Jurisdiction),
  description: z.optional(plain(2000)),
  sources: someOf(Source),
  contactCategories: z.array(ContactCategory),
  lexicons: z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), someOf(Phrase)),
  normalisation: Normalisation,
  context: z.array(ContextGroup),
  rules: someOf(Rule),
  combinations: z.array(Combination),
  model: z.optional(Model),
});
export type RulePack = z.infer<typeof RulePack>;
