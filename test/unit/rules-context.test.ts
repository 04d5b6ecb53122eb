import { describe, expect, it } from 'vitest';
import type { ConcernId } from '../../rules/concerns.ts';
import { evaluateNote } from '../../rules/evaluate.ts';
import { buildWordTable, normaliseSegment } from '../../rules/normalise.ts';
import { segmentNote } from '../../rules/segment.ts';
import { compileDefault, defaultPack } from './rules-helpers.ts';

// Context handling is the phrases' job; the word model is judged on whole corpora (rules-model and
// rules-accuracy tests), and may overrule a phrase on a short sentence whose words barely lean.
const compiled = compileDefault({ model: false });
const concerns = (text: string): ConcernId[] => evaluateNote(compiled, text).concerns;

describe('ConText-style context handling', () => {
  it.each([
    ['negation', 'No marks seen on his arms or legs.', 'physical-abuse'],
    ['negation (child denies)', 'Naomi denies any self-harm and describes good support.', 'self-harm-suicide'],
    ['negation (backward)', 'Concerns about FGM were ruled out.', 'fgm'],
    ['hypothetical/training', 'Staff reminded what to do if a child discloses sexual abuse.', 'sexual-abuse'],
    ['hypothetical/training', 'FGM e-learning completed by the whole team.', 'fgm'],
    ['hypothetical/generic person', 'If a child says they are being hit at home, tell the DSL.', 'physical-abuse'],
    ['historical resolved', 'Historic domestic violence in 2015; no contact since.', 'domestic-abuse'],
    ['historical resolved (backward)', 'The allegation against the minibus driver was investigated and found to be unfounded.', 'allegation-against-staff'],
    ["other person's past", "Mum spoke about being sexually abused by her stepfather as a child; she is doing well.", 'sexual-abuse'],
    ["other person's past", 'Dad talked about his own childhood in care and how he was beaten by his father.', 'physical-abuse'],
  ])('%s: "%s" raises no %s', (_kind, text, concern) => {
    expect(concerns(text)).not.toContain(concern);
  });

  it.each([
    ['pseudo-negation', 'No food in the house and the children were hungry.', 'neglect'],
    ['pseudo-negation', 'Aaron no longer feels safe at home; his stepmum hits him with a slipper.', 'physical-abuse'],
    ['terminator', 'No concerns about online use. However Willow told me Grandad tickles her private bits.', 'sexual-abuse'],
    ['terminator in one sentence', 'No physical marks, but he told me Dad makes him kneel in the kitchen for hours.', 'emotional-abuse'],
    ["a carer's denial does not cancel a child's disclosure", 'Dad denied hitting Ruby. However she has a handprint on her arm and says Dad grabbed her by the arm.', 'physical-abuse'],
    ["a carer's denial does not cancel a child's disclosure", 'Mum denies hitting him but Leo says Mum hit him with a belt.', 'physical-abuse'],
    ['trigger containing its own negation', 'Agreed with the DSL not to refer to CSC at this stage.', 'decision-not-to-share'],
    ['child past harm still current', "Year 9 girl told me she was 'cut' when she was little and her mum plans the same for her sister.", 'fgm'],
  ])('%s: "%s" raises %s', (_kind, text, concern) => {
    expect(concerns(text)).toContain(concern);
  });

  it.each([
    ['historical: a previous relationship', 'Mum spoke about DV from a previous partner in 2014, before the children were born.', 'domestic-abuse'],
    ['historical: put right', 'The damp in the bedroom was fixed by the housing association in January.', 'neglect'],
    ['historical: a past episode', "Decision not to share Tamsin's past self-harm with the expedition provider.", 'self-harm-suicide'],
    ["experiencer: a carer's own upbringing", 'Dad said his own father beat him with a belt.', 'physical-abuse'],
    ['hypothetical: a quiz', "Safeguarding quiz: 'If a Y7 told you their older cousin had shown them porn, who would you go to?'", 'sexual-abuse'],
    ['hypothetical: fiction', "Y10 drama club's 'County Lines' production was powerful.", 'exploitation'],
    ['negation: recorded absence', 'Nil marks or injuries seen on the body map.', 'physical-abuse'],
  ])('%s: "%s" raises no %s', (_kind, text, concern) => {
    expect(concerns(text)).not.toContain(concern);
  });

  it.each([
    ['a negation inside a relative clause does not negate the clause it sits in', "Dad tells him people who don't pray are 'kuffar' who deserve to die.", 'radicalisation'],
    ['"routinely" describes a pattern of harm, not a screening question', 'The church youth leader routinely locks the Year 7s in the storeroom in the dark.', 'allegation-against-staff'],
    ['"past week" is a time span, not a past episode', 'She has been cutting her arms every night for the past week.', 'self-harm-suicide'],
    ['a bare "now" is a status, so a threat with "tonight" is still imminent', 'He said he would stab her tonight if she came home.', 'immediate-danger'],
  ])('%s: "%s" raises %s', (_kind, text, concern) => {
    expect(concerns(text)).toContain(concern);
  });

  it('"is now" alone does not make harm imminent', () => {
    expect(concerns('She was beaten by her brothers last month and is now living with her aunt.')).not.toContain('immediate-danger');
  });

  it('a negation in one sentence does not reach the next', () => {
    expect(concerns('No concerns. Dad punched him in the face.')).toContain('physical-abuse');
  });
});

describe('normalisation', () => {
  const table = buildWordTable(defaultPack.normalisation.words);
  const words = (text: string): string => normaliseSegment(text, table).words.join(' ');

  it('folds case, smart quotes, dashes and contractions', () => {
    expect(words('He DIDN’T say – “Mum’s” friend')).toBe('he did not say mum friend');
    expect(words("She won't, can't")).toBe('she will not can not');
  });
  it('maps American spellings, misspellings and -ize forms', () => {
    expect(words('sexualized behavior by neighbor')).toBe('sexualised behaviour by neighbour');
    expect(words('becuase of the bruse infront')).toBe('because of the bruise in front');
  });
  it('expands practitioner shorthand', () => {
    expect(words('DA DV CSE CCE HV SW c/o CP plan')).toBe(
      'domestic abuse domestic violence child sexual exploitation child criminal exploitation health visitor social worker complains of child protection plan',
    );
    expect(words('FGM MASH DSL')).toBe('fgm mash dsl');
  });
  it('keeps accents out and non-Latin letters as words', () => {
    expect(words('Zoë said café')).toBe('zoe said cafe');
    expect(normaliseSegment('قال 🙂 hit', table).words).toEqual(['قال', 'hit']);
  });

  it('treats soft line breaks from rich editors as spaces, and real breaks as boundaries', () => {
    expect(segmentNote('Dad said he would\nhit her if she told.')).toEqual(['Dad said he would\nhit her if she told.']);
    expect(segmentNote('Seen today\nNo concerns')).toEqual(['Seen today', 'No concerns']);
    expect(segmentNote('Mr J. Smith visited. All fine!')).toEqual(['Mr J. Smith visited.', 'All fine!']);
    expect(concerns('Dad said he would\nhit her with a belt.')).toContain('physical-abuse');
  });
  it('normalises misspelt and shorthand notes well enough to match', () => {
    expect(concerns('Mom says her bf hit her infront of the kids, DV ongoing')).toContain('domestic-abuse');
    expect(concerns('YP disclosed selfharm, cuting her arms')).toContain('self-harm-suicide');
  });
});
