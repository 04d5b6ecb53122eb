import { describe, expect, it } from 'vitest';
import { NotePromptState } from '../../casenote/prompt-state.ts';

const hit = (ruleId: string, severity: 'info' | 'warning' | 'critical') => ({ ruleId, severity });

describe('NotePromptState', () => {
  it('reports a rule as newly shown once per note', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    expect(state.select([hit('a', 'warning')]).newlyShown.map((h) => h.ruleId)).toEqual(['a']);
    const again = state.select([hit('a', 'warning')]);
    expect(again.visible.map((h) => h.ruleId)).toEqual(['a']);
    expect(again.newlyShown).toEqual([]);
  });

  it('caps non-critical prompts but always shows critical ones', () => {
    const state = new NotePromptState('k', { maxPrompts: 2 });
    const { visible } = state.select([hit('c1', 'critical'), hit('c2', 'critical'), hit('w1', 'warning'), hit('w2', 'warning'), hit('i1', 'info')]);
    expect(visible.map((h) => h.ruleId)).toEqual(['c1', 'c2', 'w1', 'w2']);
  });

  it('keeps a snoozed rule quiet for this note only', () => {
    const state = new NotePromptState('k', { maxPrompts: 5 });
    state.select([hit('a', 'warning')]);
    state.snooze('a');
    expect(state.select([hit('a', 'warning')]).visible).toEqual([]);
    expect(new NotePromptState('other', { maxPrompts: 5 }).select([hit('a', 'warning')]).visible).toHaveLength(1);
  });
});
