/**
 * Runs a job one at a time, coalescing requests: however often a policy changes (ten times a
 * second while an administrator types into a console), there is at most one run going and one
 * waiting, and the waiting one reads the newest values when it starts.
 */
export class SerialRunner {
  readonly #job: () => Promise<void>;
  readonly #delayMs: number;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  constructor(job: () => Promise<void>, delayMs: number) {
    this.#job = job;
    this.#delayMs = delayMs;
  }

  /** Resolves when a run that started after this call has finished. Never rejects: failures are reported. */
  request(): Promise<void> {
    if (this.#queued) return this.#queued;
    const previous = this.#running ?? Promise.resolve();
    const next = previous
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, this.#delayMs)))
      .then(() => {
        this.#queued = undefined;
        this.#running = next;
        return this.#job();
      })
      .catch((error: unknown) => console.error('Share to Protect: applying the policy failed', error))
      .finally(() => {
        if (this.#running === next) this.#running = undefined;
      });
    this.#queued = next;
    return next;
  }
}
