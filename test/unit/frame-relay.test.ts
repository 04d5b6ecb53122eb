/**
 * Issue #4: a cross-origin child frame's prompts relayed to the top frame's sidebar. The
 * background relays only between a tab's child frames and its top frame, in the direction each
 * message is for, with the frames taken from the sender; the top frame rebuilds cards from its
 * own pack by rule id; the child sends only when something changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { browser } from 'wxt/browser';
import { routeFrameRelay } from '../../background/relay.ts';
import { ChildFrameRelay } from '../../casenote/frame-relay.ts';
import { hitsForRelayedPrompts } from '../../casenote/frame-relay-hits.ts';
import { RelayedNotes } from '../../casenote/frame-relay-top.ts';
import type { FramePromptsRequest } from '../../messaging/protocol.ts';
import { createNoteEvaluator } from '../../rules/evaluate.ts';
import { compileDefault } from './rules-helpers.ts';

const noteKey = '9b2a8f5e-7d1c-4e0a-9f3b-2c6d8e1a4b5c';
const prompts = [{ ruleId: 'physical-abuse', severity: 'warning' as const }];
const tab = { id: 7 } as Parameters<typeof routeFrameRelay>[1]['tab'];

describe('the background relay', () => {
  let send: MockInstance;
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it('carries a child frame\'s prompts to the top frame, naming the child from the sender', async () => {
    const reply = await routeFrameRelay({ type: 'frame-prompts', noteKey, prompts, open: 'keyboard' }, { tab, frameId: 12 });
    expect(reply).toEqual({ relayed: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'frame-prompts', noteKey, prompts, open: 'keyboard', frameId: '12' }, { frameId: 0 });
  });

  it('carries the top frame\'s action to the child frame it names, and only from the top frame', async () => {
    const action = { type: 'frame-action', frameId: '12', noteKey, ruleId: 'physical-abuse', action: 'responded', response: 'shared' };
    expect(await routeFrameRelay(action, { tab, frameId: 0 })).toEqual({ relayed: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'frame-action', noteKey, ruleId: 'physical-abuse', action: 'responded', response: 'shared' }, { frameId: 12 });
    send.mockClear();
    // A child frame (which the page may have navigated anywhere) cannot act on a sibling's note.
    expect(await routeFrameRelay(action, { tab, frameId: 3 })).toEqual({ relayed: false });
    // Nor does the top frame relay to itself.
    expect(await routeFrameRelay({ type: 'frame-prompts', noteKey, prompts }, { tab, frameId: 0 })).toEqual({ relayed: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses text, unknown fields and senders outside a tab; leaves other messages to the router', async () => {
    const withText = { type: 'frame-prompts', noteKey, prompts: [{ ruleId: 'she told me', severity: 'warning' }] };
    expect(await routeFrameRelay(withText, { tab, frameId: 2 })).toEqual({ relayed: false });
    expect(await routeFrameRelay({ type: 'frame-prompts', noteKey, prompts, note: 'x' }, { tab, frameId: 2 })).toEqual({ relayed: false });
    expect(await routeFrameRelay({ type: 'frame-prompts', noteKey, prompts }, { frameId: 2 })).toEqual({ relayed: false });
    expect(send).not.toHaveBeenCalled();
    expect(routeFrameRelay({ type: 'get-state' }, { tab, frameId: 0 })).toBeUndefined();
  });

  it('says "not relayed" when no content script listens in the target frame', async () => {
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await routeFrameRelay({ type: 'frame-prompts', noteKey, prompts }, { tab, frameId: 2 })).toEqual({ relayed: false });
  });
});

describe('the top frame\'s view of a child frame\'s note', () => {
  it('rebuilds hits from its own pack by rule id, dropping ids the pack does not know', () => {
    const compiled = compileDefault();
    const { hits } = createNoteEvaluator(compiled).evaluate('She told me her dad hit her with a belt last night');
    expect(hits.length).toBeGreaterThan(0);
    const relayed = [...hits.map((hit) => ({ ruleId: hit.ruleId, severity: hit.severity })), { ruleId: 'forged-rule', severity: 'critical' as const }];
    expect(hitsForRelayedPrompts(compiled, relayed)).toEqual(hits);
  });

  it('shows the note active last: a child\'s report, until the worker writes in the top frame', () => {
    const notes = new RelayedNotes();
    expect(notes.latest).toBeUndefined();
    notes.receive({ type: 'frame-prompts', frameId: '4', noteKey, prompts });
    expect(notes.latest?.frameId).toBe('4');
    const note = notes.latest;
    if (!note) throw new Error('expected a relayed note');
    expect(notes.action(note, 'physical-abuse', 'responded', 'shared')).toEqual({
      type: 'frame-action', frameId: '4', noteKey, ruleId: 'physical-abuse', action: 'responded', response: 'shared',
    });
    // The same note reported again keeps what the worker answered.
    notes.receive({ type: 'frame-prompts', frameId: '4', noteKey, prompts });
    expect(notes.latest?.responses.get('physical-abuse')).toBe('shared');
    notes.localActivity();
    expect(notes.latest).toBeUndefined();
  });
});

describe('a child frame publishing its prompts', () => {
  it('sends only when the prompts or the note change, or the worker comes back to the frame', async () => {
    const sent: FramePromptsRequest[] = [];
    const win = new EventTarget() as unknown as Window;
    const relay = new ChildFrameRelay(win, new AbortController().signal, async (request) => {
      sent.push(request);
      return { relayed: true };
    });
    const hits = createNoteEvaluator(compileDefault()).evaluate('She told me her dad hit her with a belt last night').hits;
    await relay.publish(noteKey, hits);
    await relay.publish(noteKey, hits);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0] ?? {}).sort()).toEqual(['noteKey', 'prompts', 'type']);
    expect(JSON.stringify(sent)).not.toMatch(/belt|dad/);
    await relay.publish(noteKey, hits, 'pointer');
    expect(sent[1]?.open).toBe('pointer');
    win.dispatchEvent(new Event('blur'));
    await relay.publish(noteKey, hits);
    expect(sent).toHaveLength(3);
    await relay.publish(noteKey, []);
    expect(sent).toHaveLength(4);
  });
});
