import { randomId } from './random-id.ts';

/**
 * A random key per note field, so the log can group prompts by note without anything derived
 * from the note's text. A field that is emptied and written again counts as a new note.
 */
export class NoteKeys {
  readonly #keys = new WeakMap<HTMLElement, string>();

  keyFor(field: HTMLElement): string {
    let key = this.#keys.get(field);
    if (!key) {
      key = randomId();
      this.#keys.set(field, key);
    }
    return key;
  }

  /** Starts a fresh note for this field (after it was cleared or saved). */
  renew(field: HTMLElement): string {
    const key = randomId();
    this.#keys.set(field, key);
    return key;
  }
}
