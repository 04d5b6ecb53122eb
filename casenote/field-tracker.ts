import { caseNoteField } from '../detect/case-note-field.ts';

export interface FieldTrackerOptions {
  /** Field selectors an administrator set for this site (policy `sites[].fieldSelectors`). */
  fieldSelectors: () => readonly string[];
  /** The worker focused or changed a case-note field: its text may have changed. */
  onActivity: (field: HTMLElement) => void;
}

/**
 * Follows which case-note field the worker is writing in. Listens at the document (capture,
 * passive) so no editor can hide its events, and reads nothing but the event target until a
 * field is known to be a case note.
 */
export class FieldTracker {
  #active: HTMLElement | undefined;
  #observer: MutationObserver | undefined;

  constructor(
    private readonly win: Window,
    private readonly signal: AbortSignal,
    private readonly options: FieldTrackerOptions,
  ) {
    const listen = { capture: true, passive: true, signal } as const;
    const doc = win.document;
    // composedPath()[0] is the real target inside open shadow roots (Lightning, web components).
    doc.addEventListener('focusin', (event) => this.#consider(event.composedPath()[0] ?? event.target), listen);
    doc.addEventListener('input', (event) => this.#consider(event.composedPath()[0] ?? event.target), listen);
    signal.addEventListener('abort', () => this.#observer?.disconnect(), { once: true });
  }

  /** The case-note field last written in, if it is still in the page. */
  get active(): HTMLElement | undefined {
    return this.#active?.isConnected ? this.#active : undefined;
  }

  #consider(target: EventTarget | null): void {
    const field = caseNoteField(target, this.options.fieldSelectors());
    if (!field) return;
    if (field !== this.#active) this.#attach(field);
    this.options.onActivity(field);
  }

  #attach(field: HTMLElement): void {
    this.#active = field;
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (field.isContentEditable) {
      // Some editors change their DOM without an input event (paste handlers, collaborative
      // edits, toolbar commands): watch the editing host itself, nothing wider.
      this.#observer = new MutationObserver(() => this.options.onActivity(field));
      this.#observer.observe(field, { childList: true, subtree: true, characterData: true });
    }
  }
}
