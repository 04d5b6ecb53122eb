import { describe, expect, it } from 'vitest';
import { NotePromptState } from '../../casenote/prompt-state.ts';

const hit = (ruleId: string, severity: 'info' | 'warning' | 'critical') => ({ ruleId, severity });
const ids = (hits: readonly { ruleId: string }[]) => hits.map((h) => h.ruleId);

describe('NotePromptState', () => {
  it('reports a rule as newly shown once per note', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    expect(ids(state.select([hit('a', 'warning')]).newlyShown)).toEqual(['a']);
    const again = state.select([hit('a', 'warning')]);
    expect(ids(again.visible)).toEqual(['a']);
    expect(again.newlyShown).toEqual([]);
  });

  it('does not prompt again for a rule that stopped matching and matches again', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    state.select([hit('a', 'warning')]);
    state.select([]);
    expect(state.select([hit('a', 'warning')]).newlyShown).toEqual([]);
  });

  it('caps non-critical prompts but always shows critical ones', () => {
    const state = new NotePromptState('k', { maxPrompts: 2 });
    const selection = state.select([hit('c1', 'critical'), hit('c2', 'critical'), hit('w1', 'warning'), hit('w2', 'warning'), hit('i1', 'info')]);
    expect(ids(selection.visible)).toEqual(['c1', 'c2', 'w1', 'w2']);
    expect(selection.heldBack).toBe(1);
  });

  it('counts the cap over the life of the note, not just what matches now', () => {
    const state = new NotePromptState('k', { maxPrompts: 2 });
    state.select([hit('w1', 'warning'), hit('w2', 'warning')]);
    const later = state.select([hit('w3', 'warning'), hit('c1', 'critical')]);
    expect(ids(later.visible)).toEqual(['c1']);
    expect(ids(later.newlyShown)).toEqual(['c1']);
  });

  it('puts critical prompts first whatever order they arrive in', () => {
    const state = new NotePromptState('k', { maxPrompts: 1 });
    const selection = state.select([hit('i1', 'info'), hit('w1', 'warning'), hit('c1', 'critical')]);
    expect(ids(selection.visible)).toEqual(['c1', 'w1']);
  });

  it('keeps a snoozed rule quiet for this note only; a critical one too, as the worker asked', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    state.select([hit('a', 'warning'), hit('c', 'critical')]);
    state.snooze('a');
    state.snooze('c');
    expect(state.isSnoozed('a')).toBe(true);
    expect(state.select([hit('a', 'warning'), hit('c', 'critical')]).visible).toEqual([]);
    expect(new NotePromptState('other', { maxPrompts: 5 }).select([hit('a', 'warning')]).visible).toHaveLength(1);
  });

  it('shows a rule that appears twice in the hits once', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    expect(ids(state.select([hit('a', 'warning'), hit('a', 'warning')]).visible)).toEqual(['a']);
  });
});
