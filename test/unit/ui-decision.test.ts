import { describe, expect, it } from 'vitest';
import { decisionText, missingDecisionFields, type DecisionRecord } from '../../casenote/decision.ts';
import { translator } from '../../i18n/t.ts';

const shared: DecisionRecord = {
  outcome: 'shared',
  date: '2026-11-26',
  what: 'Disclosure of a belt injury',
  withWhom: 'MASH duty social worker',
  why: 'Child at risk of significant harm',
  lawfulBasis: 'public-task',
};

describe('decision record', () => {
  it('is one line built from the form fields and fixed labels', () => {
    const text = decisionText(shared, translator('en'));
    expect(text).toBe(
      'Information-sharing decision (2026-11-26): I shared information. What: Disclosure of a belt injury. ' +
        'With: MASH duty social worker. Why: Child at risk of significant harm. Lawful basis: UK GDPR Article 6(1)(e): public task.',
    );
  });

  it('records why not, and nothing about what or with whom, when the worker did not share', () => {
    const text = decisionText({ ...shared, outcome: 'not-sharing', why: 'Already known to MASH.' }, translator('en'));
    expect(text).toBe('Information-sharing decision (2026-11-26): I decided not to share. Why not shared: Already known to MASH.');
  });

  it('keeps the record on one line and markup as plain text', () => {
    const text = decisionText({ ...shared, why: 'line one\nline two\r\n\t<script>alert(1)</script>' }, translator('en'));
    expect(text).not.toMatch(/[\n\r\t]/);
    expect(text).toContain('line one line two <script>alert(1)</script>');
  });

  it('uses Welsh labels in Welsh', () => {
    expect(decisionText(shared, translator('cy'))).toMatch(/^Penderfyniad rhannu gwybodaeth \(2026-11-26\): Rhannais wybodaeth\./);
  });

  it('asks for what the seventh golden rule needs, and only that', () => {
    expect(missingDecisionFields(shared)).toEqual([]);
    expect(missingDecisionFields({ ...shared, what: ' ', withWhom: '', why: '\n', lawfulBasis: '', date: '' })).toEqual([
      'date',
      'what',
      'withWhom',
      'why',
      'lawfulBasis',
    ]);
    expect(missingDecisionFields({ ...shared, outcome: 'not-sharing', what: '', withWhom: '', lawfulBasis: '' })).toEqual([]);
  });
});
