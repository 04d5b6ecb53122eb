/**
 * Runs work after the worker pauses typing, off the keystroke path: a debounce, then an idle
 * callback (with a deadline so prompts still arrive within ~300 ms on a busy page).
 */
export interface IdleScheduler {
  /** Asks for one run after the next pause; repeated calls while waiting coalesce. */
  request(): void;
  cancel(): void;
}

export function idleScheduler(run: () => void, signal: AbortSignal, pauseMs = 100, idleTimeoutMs = 80): IdleScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    timer = idle = undefined;
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    request() {
      if (signal.aborted) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (typeof requestIdleCallback === 'function') {
          idle = requestIdleCallback(() => {
            idle = undefined;
            run();
          }, { timeout: idleTimeoutMs });
        } else {
          run();
        }
      }, pauseMs);
    },
    cancel,
  };
}
