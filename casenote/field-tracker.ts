import { caseNoteField } from '../detect/case-note-field.ts';
import { isElement } from '../detect/dom.ts';
import { IncrementalFieldReader } from '../detect/incremental-read.ts';
import { openOrClosedShadowRoot, realTarget, type ShadowRootOpener } from '../detect/shadow.ts';
import { SameOriginFrames } from './frames.ts';

export interface FieldTrackerOptions {
  /** What marks a note field on this page (adapter and policy hints), read when focus moves. */
  hints: () => { fieldSelectors: readonly string[]; noteLabels: readonly string[] };
  /** The worker focused or changed a case-note field: its text may have changed. */
  onActivity: (field: HTMLElement) => void;
  /**
   * Something scrolled in a child document this frame handles: the browser tells only that
   * document, so the indicator drawn from here would otherwise stay behind while the field moves.
   */
  onChildScroll?: () => void;
  /** Reaches into closed shadow roots; tests pass a fake. */
  openShadowRoot?: ShadowRootOpener;
}

/**
 * Follows which case-note field the worker is writing in, in this frame's document and every
 * same-origin document below it (editors in iframes the browser does not inject into). Listens
 * at each document (capture, passive) so no editor can hide its events. The keystroke path does
 * nothing but compare the event's target with the last one and schedule: deciding whether a
 * field is a note (labels, styles) happens when focus moves, not on every key.
 */
export class FieldTracker {
  #active: HTMLElement | undefined;
  #reader: IncrementalFieldReader | undefined;
  #observer: MutationObserver | undefined;
  /** The raw target of the last focus or input event and what it was decided to be. */
  #lastTarget: EventTarget | null = null;
  #lastField: HTMLElement | undefined;

  constructor(
    win: Window,
    signal: AbortSignal,
    private readonly options: FieldTrackerOptions,
  ) {
    const frames = new SameOriginFrames(signal, (doc, docSignal) => {
      const listen = { capture: true, passive: true, signal: docSignal } as const;
      doc.addEventListener('focusin', (event) => this.#consider(event, true), listen);
      doc.addEventListener('input', (event) => this.#consider(event, false), listen);
      // Capturing at the document also hears scrolling boxes inside it (scroll does not bubble).
      const onChildScroll = this.options.onChildScroll;
      if (doc !== win.document && onChildScroll) doc.addEventListener('scroll', () => onChildScroll(), listen);
    });
    frames.follow(win.document);
    signal.addEventListener('abort', () => this.#detach(), { once: true });
  }

  /** The case-note field last written in, if it is still in the page. */
  get active(): HTMLElement | undefined {
    return this.#active?.isConnected ? this.#active : undefined;
  }

  /** The active field's text, re-reading only what changed since the last read. */
  readText(field: HTMLElement): string {
    if (field !== this.#active || !this.#reader) {
      this.#attach(field);
    }
    return (this.#reader as IncrementalFieldReader).read();
  }

  #consider(event: Event, focusMoved: boolean): void {
    try {
      const raw = event.composedPath()[0] ?? event.target;
      if (!event.isTrusted) {
        // A page can fire fake focus and typing at any field: only the worker's own actions
        // move us to another field. A page's own input event on the note being written (a
        // template inserted, a framework syncing its model) still means its text changed.
        const active = this.active;
        if (!focusMoved && active && isElement(raw) && (raw === active || active.contains(raw))) {
          this.options.onActivity(active);
        }
        return;
      }
      let field: HTMLElement | undefined;
      if (!focusMoved && raw === this.#lastTarget) {
        field = this.#lastField;
      } else {
        const target = realTarget(event, this.options.openShadowRoot ?? openOrClosedShadowRoot);
        const hints = this.options.hints();
        field = caseNoteField(target, hints.fieldSelectors, hints.noteLabels);
        this.#lastTarget = raw;
        this.#lastField = field;
      }
      if (!field) return;
      if (field !== this.#active) this.#attach(field);
      this.options.onActivity(field);
    } catch (error) {
      // A page can hand us anything (throwing getters, detached nodes): never throw into it.
      console.warn('Share to Protect: could not follow a field', error);
    }
  }

  #attach(field: HTMLElement): void {
    this.#detach();
    this.#active = field;
    this.#reader = new IncrementalFieldReader(field);
    if (field.isContentEditable) {
      // Some editors change their DOM without an input event (paste handlers, collaborative
      // edits, toolbar commands): watch the editing host itself, nothing wider.
      this.#observer = new MutationObserver(() => this.options.onActivity(field));
      this.#observer.observe(field, { childList: true, subtree: true, characterData: true });
    }
  }

  #detach(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#reader?.disconnect();
    this.#reader = undefined;
  }
}
