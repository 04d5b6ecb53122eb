import { z } from '../validation/zod.ts';
import type { PromptEvent } from '../log/event.ts';

export interface OutboxOptions {
  /** Sends one event; resolves once the background has stored it (or already had it). */
  send: (event: PromptEvent) => Promise<void>;
  /** Ends retries when the content script is torn down. */
  signal: AbortSignal;
  /** Waits between attempts; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Attempts per event before it is given up with a warning. */
  maxAttempts?: number;
  /** Unacknowledged events kept; beyond this the oldest is given up, so memory stays bounded. */
  capacity?: number;
  /** True for a failure that no retry can fix (the background refused the event itself). */
  isPermanent?: (error: unknown) => boolean;
}

interface Pending {
  event: PromptEvent;
  attempts: number;
}

/**
 * The background refused the event itself (it failed the log schema): sending it again cannot
 * help. Its reply is `{ error }` naming the refusal, or no reply at all for a malformed message,
 * which the client reports as a response that fails its schema.
 */
export function isRefusedEvent(error: unknown): boolean {
  // The response schemas are Zod Mini, which throws core's $ZodError, not classic's ZodError.
  if (error instanceof z.core.$ZodError) return true;
  return error instanceof Error && /refused because it does not match the log schema/.test(error.message);
}

const defaultDelays = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * Log events not yet acknowledged by the background, retried with backoff while the service
 * worker is stopped or restarting. Each retry carries the event's own id, and the store ignores a
 * second copy, so every event is logged exactly once.
 *
 * Holds events in memory only: they are ids and codes, never note text, and a content script's
 * storage belongs to the host page.
 */
export class EventOutbox {
  readonly #options: Required<OutboxOptions>;
  readonly #pending = new Map<string, Pending>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing = false;

  constructor(options: OutboxOptions) {
    this.#options = {
      retryDelaysMs: defaultDelays,
      maxAttempts: 40,
      capacity: 500,
      isPermanent: isRefusedEvent,
      ...options,
    };
    options.signal.addEventListener('abort', () => clearTimeout(this.#timer), { once: true });
  }

  /** Unacknowledged events, oldest first (for tests and diagnostics). */
  get pending(): number {
    return this.#pending.size;
  }

  /** Queues an event and tries to send it straight away. */
  enqueue(event: PromptEvent): void {
    if (this.#options.signal.aborted) return;
    this.#pending.set(event.id, { event, attempts: 0 });
    while (this.#pending.size > this.#options.capacity) {
      const [oldestId] = this.#pending.keys();
      if (oldestId === undefined) break;
      this.#pending.delete(oldestId);
      console.warn(`Share to Protect: gave up logging event ${oldestId}: too many events waiting for the background.`);
    }
    void this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#flushing || this.#options.signal.aborted) return;
    this.#flushing = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    let nextDelay: number | undefined;
    try {
      // In order, one at a time: a stopped worker wakes on the first message, and a burst from
      // a restarting one would only fail together.
      for (const [id, pending] of [...this.#pending]) {
        if (this.#options.signal.aborted) return;
        try {
          await this.#options.send(pending.event);
          this.#pending.delete(id);
        } catch (error) {
          pending.attempts += 1;
          if (this.#options.isPermanent(error) || pending.attempts >= this.#options.maxAttempts) {
            this.#pending.delete(id);
            console.warn(`Share to Protect: gave up logging event ${id} after ${pending.attempts} attempts:`, error);
            continue;
          }
          const delays = this.#options.retryDelaysMs;
          nextDelay = delays[Math.min(pending.attempts - 1, delays.length - 1)] ?? 1000;
          console.warn(`Share to Protect: could not log event ${id} yet (attempt ${pending.attempts}); retrying in ${nextDelay} ms.`);
          break;
        }
      }
    } finally {
      this.#flushing = false;
    }
    if (nextDelay !== undefined) {
      this.#timer = setTimeout(() => void this.#flush(), nextDelay);
    } else if (this.#pending.size > 0) {
      // Events queued while this flush was sending.
      void this.#flush();
    }
  }
}
