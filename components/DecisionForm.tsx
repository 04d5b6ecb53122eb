import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../i18n/t.ts';
import {
  decisionText,
  lawfulBases,
  lawfulBasisKey,
  maxFieldLength,
  missingDecisionFields,
  outcomeKey,
  type DecisionField,
  type DecisionOutcome,
  type DecisionRecord,
} from '../casenote/decision.ts';
import type { InsertOutcome } from '../casenote/insert-text.ts';

export interface DecisionFormProps {
  t: Translate;
  /** The card the decision is about, to remind the worker (its summary, as text). */
  about: string;
  /** Today, as yyyy-mm-dd, to start the date field. */
  today: string;
  onInsert: (text: string) => Promise<InsertOutcome>;
  /** The form is finished: `inserted` when the record went into the note (focus is there now). */
  onDone: (inserted: boolean) => void;
}

const outcomes: DecisionOutcome[] = ['shared', 'will-share', 'not-sharing'];

/**
 * Golden rule 7: record the decision and the reasons, whether or not you share. A short form
 * whose contents go only into the note, and only when the worker clicks "Insert into note".
 */
export function DecisionForm({ t, about, today, onInsert, onDone }: DecisionFormProps) {
  const [record, setRecord] = useState<DecisionRecord>({ outcome: 'shared', date: today, what: '', withWhom: '', why: '', lawfulBasis: '' });
  const [missing, setMissing] = useState<DecisionField[]>([]);
  const [failed, setFailed] = useState<InsertOutcome | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);

  const sharing = record.outcome !== 'not-sharing';
  const set = <K extends keyof DecisionRecord>(key: K, value: DecisionRecord[K]) => {
    setRecord({ ...record, [key]: value });
    setFailed(undefined);
  };
  const invalid = (field: DecisionField) => missing.includes(field);
  const errorId = (field: DecisionField) => `stp-decision-${field}-error`;
  const describedBy = (field: DecisionField, hint?: string) => [hint, invalid(field) ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: DecisionField) =>
    invalid(field) ? (
      <p id={errorId(field)} class="stp-error">
        {t(`decision_missing_${field}`)}
      </p>
    ) : null;

  /** A one-line field of the record, with its label and error. */
  const textField = (field: 'what' | 'withWhom', id: string, label: string) => (
    <>
      <label class="stp-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        name={field}
        type="text"
        class="stp-input"
        maxLength={maxFieldLength}
        value={record[field]}
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(field)}
        onInput={(e) => set(field, e.currentTarget.value)}
      />
      {errorText(field)}
    </>
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const stillMissing = missingDecisionFields(record);
    setMissing(stillMissing);
    if (stillMissing.length > 0) {
      // Focus the first field to fix: its error is read out as its description.
      formRef.current?.querySelector<HTMLElement>(`[name="${stillMissing[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    const outcome = await onInsert(decisionText(record, t));
    setBusy(false);
    if (outcome === 'inserted') onDone(true);
    else setFailed(outcome);
  };

  const preview = missingDecisionFields(record).length === 0 ? decisionText(record, t) : '';

  return (
    <section class="stp-decision" aria-labelledby="stp-decision-heading">
      <h3 id="stp-decision-heading" class="stp-summary" tabIndex={-1} ref={headingRef}>
        {t('decision_heading')}
      </h3>
      <p class="stp-muted">{t('decision_intro')}</p>
      <p class="stp-about">
        <span class="stp-muted">{t('decision_about')} </span>
        {about}
      </p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <fieldset class="stp-fieldset">
          <legend>{t('decision_outcome')}</legend>
          {outcomes.map((outcome) => (
            <label key={outcome} class="stp-choice">
              <input type="radio" name="outcome" value={outcome} checked={record.outcome === outcome} onChange={() => set('outcome', outcome)} />
              {t(outcomeKey(outcome))}
            </label>
          ))}
        </fieldset>
        <label class="stp-label" for="stp-decision-date">
          {t('decision_date')}
        </label>
        <input
          id="stp-decision-date"
          name="date"
          type="date"
          class="stp-input"
          value={record.date}
          aria-invalid={invalid('date')}
          aria-describedby={describedBy('date')}
          onInput={(e) => set('date', e.currentTarget.value)}
        />
        {errorText('date')}
        {sharing ? (
          <>
            {textField('what', 'stp-decision-what', t('decision_what'))}
            {textField('withWhom', 'stp-decision-with', t('decision_with'))}
          </>
        ) : null}
        <label class="stp-label" for="stp-decision-why">
          {sharing ? t('decision_why') : t('decision_why_not')}
        </label>
        <textarea
          id="stp-decision-why"
          name="why"
          class="stp-input"
          rows={3}
          maxLength={maxFieldLength}
          value={record.why}
          aria-invalid={invalid('why')}
          aria-describedby={describedBy('why')}
          onInput={(e) => set('why', e.currentTarget.value)}
        />
        {errorText('why')}
        {sharing ? (
          <>
            <label class="stp-label" for="stp-decision-basis">
              {t('decision_basis')}
            </label>
            <select
              id="stp-decision-basis"
              name="lawfulBasis"
              class="stp-input"
              value={record.lawfulBasis}
              aria-invalid={invalid('lawfulBasis')}
              aria-describedby={describedBy('lawfulBasis', 'stp-decision-basis-hint')}
              onChange={(e) => set('lawfulBasis', e.currentTarget.value as DecisionRecord['lawfulBasis'])}
            >
              <option value="">{t('decision_basis_choose')}</option>
              {lawfulBases.map((basis) => (
                <option key={basis} value={basis}>
                  {t(lawfulBasisKey(basis))}
                </option>
              ))}
            </select>
            <p id="stp-decision-basis-hint" class="stp-hint">
              {t('decision_basis_hint')}
            </p>
            {errorText('lawfulBasis')}
          </>
        ) : null}
        {preview ? (
          <div class="stp-preview">
            <p class="stp-subheading">{t('decision_preview')}</p>
            <p class="stp-preview-text">{preview}</p>
          </div>
        ) : null}
        {failed ? (
          <div class="stp-error-box" role="alert">
            <p>{failed === 'field-gone' ? t('decision_field_gone') : t('decision_not_inserted')}</p>
            <label class="stp-label" for="stp-decision-copy">
              {t('decision_copy')}
            </label>
            <textarea id="stp-decision-copy" class="stp-input" readOnly rows={4} value={decisionText(record, t)} />
          </div>
        ) : null}
        <div class="stp-actions">
          <button type="submit" class="stp-primary" disabled={busy}>
            {t('decision_insert')}
          </button>
          <button type="button" class="stp-icon-button" onClick={() => onDone(false)}>
            {t('decision_cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
