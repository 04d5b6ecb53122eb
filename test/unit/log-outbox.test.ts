import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventOutbox } from '../../casenote/event-outbox.ts';
import type { PromptEvent } from '../../log/event.ts';
import { responseSchemas } from '../../messaging/protocol.ts';
import { logEvent } from './log-events.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A background that is down for the first `downFor` sends, storing by id like the real store. */
function flakyBackground(downFor: number) {
  const stored = new Map<string, PromptEvent>();
  let calls = 0;
  const send = vi.fn(async (event: PromptEvent) => {
    calls += 1;
    if (calls <= downFor) throw new Error('Could not establish connection. Receiving end does not exist.');
    stored.set(event.id, event);
  });
  return { stored, send };
}

describe('content-script event outbox', () => {
  it('keeps events while the background is down and delivers each once it is back', async () => {
    const background = flakyBackground(3);
    const outbox = new EventOutbox({ send: background.send, signal: new AbortController().signal, retryDelaysMs: [10, 20, 40] });
    const events = [logEvent(), logEvent(), logEvent()];
    for (const event of events) outbox.enqueue(event);
    expect(outbox.pending).toBe(3);
    await vi.runAllTimersAsync();
    expect(outbox.pending).toBe(0);
    expect([...background.stored.keys()]).toEqual(events.map((e) => e.id));
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/retrying in/));
  });

  it('gives up an event the background refuses, with a warning, and carries on', async () => {
    const refused = logEvent();
    const good = logEvent();
    const send = vi.fn(async (event: PromptEvent) => {
      // What requestBackground throws when the background sends no reply to a malformed message.
      if (event.id === refused.id) responseSchemas['log-event'].parse(undefined);
    });
    const outbox = new EventOutbox({ send, signal: new AbortController().signal });
    outbox.enqueue(refused);
    outbox.enqueue(good);
    await vi.runAllTimersAsync();
    expect(outbox.pending).toBe(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining(`gave up logging event ${refused.id}`), expect.anything());
  });

  it('stays bounded and stops when the content script goes away', async () => {
    const controller = new AbortController();
    const send = vi.fn(async () => {
      throw new Error('message port closed');
    });
    const outbox = new EventOutbox({ send, signal: controller.signal, capacity: 5 });
    for (let i = 0; i < 8; i++) outbox.enqueue(logEvent());
    expect(outbox.pending).toBe(5);
    controller.abort();
    const calls = send.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(send.mock.calls.length).toBe(calls);
  });
});
