import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentRequestSchema, TabMessageSchema } from '../../messaging/protocol.ts';
import { parseMessage } from '../../messaging/receive.ts';
import { logEvent } from './log-events.ts';

// The shared builder, pinned to one id and an https origin so the cases are the same every run.
const event = logEvent({ id: '3b241101-e2bb-4255-8caf-4136c566a962', origin: 'https://example.cpoms.net' });

describe('message protocol', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts a well-formed log event', () => {
    expect(parseMessage(ContentRequestSchema, { type: 'log-event', event }, 'test')).toEqual({ type: 'log-event', event });
  });

  it('refuses a malformed message with a warning and no content echoed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseMessage(ContentRequestSchema, { type: 'log-event', event: { ...event, kind: 'typed' } }, 'test')).toBeUndefined();
    expect(parseMessage(TabMessageSchema, { type: 'unknown' }, 'test')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('leaves no room for free text from a content script', () => {
    const sentence = 'She told me her dad hit her with a belt';
    const attempts = [
      { ...event, note: sentence },
      { ...event, ruleId: sentence },
      { ...event, origin: `https://example.org/${encodeURIComponent(sentence)}` },
      { ...event, concern: sentence.replace(/ /g, '-').toLowerCase().padEnd(90, 'x') },
    ];
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const attempt of attempts) {
      expect(parseMessage(ContentRequestSchema, { type: 'log-event', event: attempt }, 'test')).toBeUndefined();
    }
  });
});
