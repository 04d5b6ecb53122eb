import { describe, expect, it } from 'vitest';
import type { ConcernId } from '../../rules/concerns.ts';
import { evaluateNote } from '../../rules/evaluate.ts';
import { segmentNote } from '../../rules/segment.ts';
import { compileDefault } from './rules-helpers.ts';

const compiled = compileDefault();
const concerns = (text: string): ConcernId[] => evaluateNote(compiled, text).concerns;

describe('context that reaches across clauses', () => {
  it('a bracketed year does not stop "resolved" reaching back to the concern', () => {
    expect(concerns('Previous neglect concerns (2022) resolved at the last review.')).not.toContain('neglect');
    expect(concerns('Previous neglect concerns (see chronology) and the house is filthy again.')).toContain('neglect');
  });

  it('a closing verdict after a semicolon cancels what came before it', () => {
    expect(concerns('Open to CSC for neglect in 2019; closed after sustained improvement.')).not.toContain('neglect');
  });

  it('a terminator still stops a modifier that reaches across clauses', () => {
    expect(concerns('Open to CSC for neglect in 2019. Today he is hungry most days and his uniform is dirty, but the plan ended in 2020.')).toContain('neglect');
  });

  it('a joke written after a dash belongs to the threat before it', () => {
    expect(concerns("Ethan says Mum 'will murder me' if he spills paint – said with a big grin.")).not.toContain('immediate-danger');
  });
});

describe('quoted speech and its attribution', () => {
  it('keeps "!\' - Bea, laughing" in the sentence it belongs to', () => {
    expect(segmentNote("'Mum's going to kill me!' - Bea, laughing. Next sentence.")).toEqual(["'Mum's going to kill me!' - Bea, laughing.", 'Next sentence.']);
    expect(segmentNote("'Stop!' she shouted.")).toEqual(["'Stop!' she shouted."]);
  });

  it('still ends a sentence at an unquoted exclamation', () => {
    expect(segmentNote('She was scared! - then she left.')).toEqual(['She was scared!', '- then she left.']);
  });
});
