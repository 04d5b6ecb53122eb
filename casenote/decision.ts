import type { MessageKey, Translate } from '../i18n/t.ts';

/**
 * The worker's record of an information-sharing decision (golden rule 7: record the decision and
 * the reasons, whether or not you share). It lives only in the form and, on an explicit click, in
 * the note: it is never logged, stored or sent anywhere.
 */
export type DecisionOutcome = 'shared' | 'will-share' | 'not-sharing';

export const lawfulBases = [
  'public-task',
  'public-task-safeguarding',
  'legal-obligation',
  'vital-interests',
  'legitimate-interests',
  'consent',
  'seeking-advice',
] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

export interface DecisionRecord {
  outcome: DecisionOutcome;
  /** ISO date (yyyy-mm-dd) of the decision, from the form's date field. */
  date: string;
  /** What was (or will be) shared. */
  what: string;
  /** With whom. */
  withWhom: string;
  /** Why: the reasons for sharing, or for not sharing. */
  why: string;
  /** Blank when not sharing. */
  lawfulBasis: LawfulBasis | '';
}

export type DecisionField = 'date' | 'what' | 'withWhom' | 'why' | 'lawfulBasis';

/** Longest text one form field takes: a decision record is a few lines, not a document. */
export const maxFieldLength = 1000;

export function outcomeKey(outcome: DecisionOutcome): MessageKey {
  return `decision_outcome_${outcome.replace(/-/g, '_')}` as MessageKey;
}

export function lawfulBasisKey(basis: LawfulBasis): MessageKey {
  return `decision_basis_${basis.replace(/-/g, '_')}` as MessageKey;
}

/** Which fields still need an answer, in form order (the first gets focus). */
export function missingDecisionFields(record: DecisionRecord): DecisionField[] {
  const missing: DecisionField[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.date)) missing.push('date');
  if (record.outcome !== 'not-sharing') {
    if (clean(record.what) === '') missing.push('what');
    if (clean(record.withWhom) === '') missing.push('withWhom');
  }
  if (clean(record.why) === '') missing.push('why');
  if (record.outcome !== 'not-sharing' && record.lawfulBasis === '') missing.push('lawfulBasis');
  return missing;
}

/**
 * One line of plain text made only from the form's fields and fixed labels. One line because
 * every editor takes an inserted line the same way, while line breaks become <br>, paragraphs or
 * nothing depending on the editor.
 */
export function decisionText(record: DecisionRecord, t: Translate): string {
  const parts = [`${t('decision_record_heading', record.date)}: ${t(outcomeKey(record.outcome))}.`];
  if (record.outcome !== 'not-sharing') {
    parts.push(`${t('decision_record_what')}: ${clean(record.what)}.`);
    parts.push(`${t('decision_record_with')}: ${clean(record.withWhom)}.`);
    parts.push(`${t('decision_record_why')}: ${clean(record.why)}.`);
    if (record.lawfulBasis !== '') parts.push(`${t('decision_record_basis')}: ${t(lawfulBasisKey(record.lawfulBasis))}.`);
  } else {
    parts.push(`${t('decision_record_why_not')}: ${clean(record.why)}.`);
  }
  return parts.join(' ').replace(/\.\.(\s|$)/g, '.$1');
}

/** Collapses line breaks and control characters, and trims, so the record stays one line. */
function clean(text: string): string {
  return text
    .slice(0, maxFieldLength)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
