import { saveCaret, type SavedCaret } from './insert-text.ts';

/**
 * Remembers where the worker's caret was in the note, so that "Insert into note" puts the decision
 * record there even after they clicked and typed in the sidebar's form (which moves the page's
 * selection). Taken when the sidebar opens and whenever focus leaves the note: focus moves out
 * before a click changes the selection, so the note's caret is still there to read. Nothing runs
 * while the worker types.
 */
export class CaretKeeper {
  #field: HTMLElement | undefined;
  #caret: SavedCaret | undefined;
  readonly #documents = new WeakSet<Document>();

  constructor(private readonly signal: AbortSignal) {}

  /** Takes the caret of `field` now (if it is in the field) and keeps watching that field. */
  remember(field: HTMLElement): void {
    this.#watch(field.ownerDocument);
    const caret = saveCaret(field);
    if (field !== this.#field) {
      this.#field = field;
      this.#caret = caret;
    } else if (caret) {
      this.#caret = caret;
    }
  }

  /** The caret last seen in `field`, if it is the field being watched. */
  caretFor(field: HTMLElement): SavedCaret | undefined {
    return field === this.#field ? this.#caret : undefined;
  }

  #watch(doc: Document): void {
    if (this.#documents.has(doc)) return;
    this.#documents.add(doc);
    doc.addEventListener(
      'focusout',
      (event) => {
        const field = this.#field;
        // Duck-typed: a node in another frame fails `instanceof Node` of this one.
        const target = event.composedPath()[0] as Node | undefined;
        if (field && target && typeof target.nodeType === 'number' && (target === field || field.contains(target))) {
          const caret = saveCaret(field);
          if (caret) this.#caret = caret;
        }
      },
      { capture: true, passive: true, signal: this.signal },
    );
  }
}
