import { isTextArea } from './dom.ts';
import { appendNodeText, maxNoteChars, readFieldText } from './read-text.ts';

/**
 * Reads a rich note field again after an edit by re-reading only the paragraphs that changed.
 * A worker types into one paragraph at a time, so on a long note (a 1 MB paste) each pause costs
 * one paragraph's walk rather than the whole document's. Caches the text per top-level child of
 * the editing host; a MutationObserver on the host marks the children an edit touched.
 * Textareas need none of this: `value` is already one string.
 */
export class IncrementalFieldReader {
  readonly #field: HTMLElement;
  #cache = new WeakMap<Node, string>();
  readonly #dirty = new Set<Node>();
  #observer: MutationObserver | undefined;

  constructor(field: HTMLElement) {
    this.#field = field;
    if (isTextArea(field)) return;
    this.#observer = new MutationObserver((records) => {
      for (const record of records) this.#markDirty(record.target);
    });
    this.#observer.observe(field, { childList: true, subtree: true, characterData: true });
  }

  read(): string {
    const field = this.#field;
    if (!this.#observer) return readFieldText(field);
    const parts: string[] = [];
    let length = 0;
    for (let child = field.firstChild; child && length < maxNoteChars; child = child.nextSibling) {
      let text = this.#dirty.has(child) ? undefined : this.#cache.get(child);
      if (text === undefined) {
        const own: string[] = [];
        appendNodeText(child, own, maxNoteChars - length);
        text = own.join('');
        this.#cache.set(child, text);
      }
      parts.push(text);
      length += text.length;
    }
    this.#dirty.clear();
    return parts.join('').slice(0, maxNoteChars);
  }

  disconnect(): void {
    this.#observer?.disconnect();
    this.#cache = new WeakMap();
    this.#dirty.clear();
  }

  /** Marks the top-level child of the field that contains `node` as needing a fresh read. */
  #markDirty(node: Node): void {
    let current: Node | null = node;
    while (current && current.parentNode !== this.#field) {
      if (current === this.#field) return; // The host's own child list changed: new children are uncached.
      current = current.parentNode;
    }
    if (current) this.#dirty.add(current);
  }
}
