import { z } from 'zod';
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

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and hyphens (max 80)');
const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https URL' });
const plain = (max: number) => z.string().trim().min(1).max(max);

/**
 * A phrase is a sequence of space-separated tokens matched against the normalised words of one
 * sentence: `word`, `prefix*` (3+ letters), `a|b*|c` alternatives, `@lexicon`, `~N` a gap of up to
 * N words (N ≤ 8). Tokens, not regex, so a phrase can never backtrack catastrophically.
 */
export const Phrase = z.string().trim().min(1).max(600);

export const Source = z.strictObject({
  id,
  title: plain(300),
  publisher: plain(200),
  url: httpsUrl,
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
});
export type Source = z.infer<typeof Source>;

export const ContactCategory = z.strictObject({
  id,
  name: plain(200),
  /** Only national numbers ship as facts; local contacts are filled in by an administrator. */
  nationalNumber: z.string().regex(/^[0-9 ]{3,20}$/).optional(),
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
});
export type ContactCategory = z.infer<typeof ContactCategory>;

export const CardSourceRef = z.strictObject({
  source: id,
  /** Step, paragraph or section within the source. */
  locator: plain(200).optional(),
});
export type CardSourceRef = z.infer<typeof CardSourceRef>;

export const Link = z.strictObject({ title: plain(200), url: httpsUrl });
export type Link = z.infer<typeof Link>;

export const Card = z.strictObject({
  id,
  summary: z.string().trim().min(1).max(139, 'summary must be under 140 characters'),
  detail: plain(4000),
  cy: z
    .strictObject({
      summary: z.string().trim().min(1).max(139, 'summary must be under 140 characters').optional(),
      detail: plain(4000).optional(),
    })
    .optional(),
  sources: z.array(CardSourceRef).min(1, 'every card cites at least one source'),
  links: z.array(Link),
  contactCategories: z.array(id),
  responses: z.array(ResponseCode).min(1),
  /** Duties enacted but not yet commenced are shown as "coming". */
  status: z.enum(['in-force', 'coming']).optional(),
  /** Shown only in these nations (e.g. the FGM duty is not Scottish law). */
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
});
export type Card = z.infer<typeof Card>;

export const Trigger = z
  .strictObject({
    /** Any phrase matching raises the trigger. */
    phrases: z.array(Phrase).min(1).optional(),
    /** A regular expression over the normalised sentence (lower case, single spaces); checked for safety. */
    pattern: z.string().min(1).max(500).optional(),
    /** At least one of these phrases must also occur in the same sentence. */
    requires: z.array(Phrase).min(1).optional(),
    /** None of these phrases may occur in the same sentence (LanguageTool-style antipatterns). */
    unless: z.array(Phrase).min(1).optional(),
    /** Context modifiers that do not cancel this trigger (e.g. a phrase that contains its own negation). */
    ignoreContext: z.array(CancellingCategory).optional(),
  })
  .refine((t) => t.phrases !== undefined || t.pattern !== undefined, {
    message: 'a trigger needs phrases or a pattern',
  });
export type Trigger = z.infer<typeof Trigger>;

export const ConcernRequirement = z.strictObject({
  /** "any-risk" means any of the risk concerns. */
  concerns: z.array(z.union([Concern, z.literal('any-risk')])).min(1),
  /** "sentence": a required concern must be raised in the same sentence as the trigger. */
  scope: z.enum(['sentence', 'note']),
});
export type ConcernRequirement = z.infer<typeof ConcernRequirement>;

export const Examples = z.strictObject({
  match: z.array(z.string().min(1).max(2000)).min(1, 'every rule needs text it must match'),
  noMatch: z.array(z.string().min(1).max(2000)).min(1, 'every rule needs text it must not match'),
});

export const Rule = z.strictObject({
  id,
  concern: Concern,
  severity: Severity,
  description: plain(500).optional(),
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
  triggers: z.array(Trigger).min(1),
  requiresConcerns: ConcernRequirement.optional(),
  cards: z.array(Card).min(1),
  examples: Examples,
});
export type Rule = z.infer<typeof Rule>;

/** A prompt raised by a combination of concerns found in the note (and optionally the nation). */
export const Combination = z.strictObject({
  id,
  /** The concern the prompt is about; reported as the hit's concern. */
  concern: Concern,
  severity: Severity,
  description: plain(500).optional(),
  /** Every entry must be present; "any-risk" is satisfied by any risk concern. */
  all: z.array(z.union([Concern, z.literal('any-risk')])).min(1),
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
  cards: z.array(Card).min(1),
  examples: Examples,
});
export type Combination = z.infer<typeof Combination>;

export const ContextGroup = z.strictObject({
  category: ContextCategory,
  direction: z.enum(['forward', 'backward', 'both']),
  /** How many words the modifier reaches, unless a terminator comes first. */
  scope: z.int().min(1).max(60),
  phrases: z.array(Phrase).min(1),
});
export type ContextGroup = z.infer<typeof ContextGroup>;

export const Normalisation = z.strictObject({
  /** Whole-word replacements after lower-casing: spellings, misspellings, shorthand. */
  words: z.record(z.string().regex(/^[a-z0-9']+$/, 'keys are single lower-case words'), z.string().trim().min(1).max(100)),
});

export const RulePack = z.strictObject({
  id,
  name: plain(200),
  version: z
    .string()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9a-z.-]+)?$/i, 'must be a semantic version'),
  effectiveDate: z.iso.date(),
  jurisdictions: z.array(Jurisdiction).min(1),
  description: plain(2000).optional(),
  sources: z.array(Source).min(1),
  contactCategories: z.array(ContactCategory),
  lexicons: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(Phrase).min(1)),
  normalisation: Normalisation,
  context: z.array(ContextGroup),
  rules: z.array(Rule).min(1),
  combinations: z.array(Combination),
});
export type RulePack = z.infer<typeof RulePack>;
