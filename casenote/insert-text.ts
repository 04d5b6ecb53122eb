import { readFieldText } from '../detect/read-text.ts';

/**
 * Inserting text into the worker's note at their caret: the only place the extension ever writes
 * to a note, and only on an explicit click.
 *
 * Rich editors first get a `beforeinput` of type insertText, as typing gives them: editors that
 * own their model (CKEditor 5, Lexical) take the text through their own command and cancel the
 * event, so their model and undo stack have it. Otherwise `document.execCommand('insertText')` in
 * the field's own document edits "as the user": editors that watch the DOM (CKEditor 4, TinyMCE,
 * Quill, ProseMirror) and textareas take it, and the browser's undo covers it. execCommand fires
 * `input` but never `beforeinput`, which is why the first step is needed. Setting a textarea's
 * value or `setRangeText` would bypass undo, so they are only a last resort.
 */

/** Where the caret was in a note field, kept while the worker uses the sidebar. */
export type SavedCaret =
  | { kind: 'text-control'; start: number; end: number }
  | { kind: 'range'; range: Range };

export type InsertOutcome = 'inserted' | 'field-gone' | 'not-inserted';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/** By tag, not `instanceof`: a field in an iframe has that frame's constructors. */
function asTextControl(field: HTMLElement): TextControl | undefined {
  return field.tagName === 'TEXTAREA' || field.tagName === 'INPUT' ? (field as TextControl) : undefined;
}

/** The selection that can see into the field: open shadow roots keep their own in Chromium. */
function selectionFor(field: HTMLElement): Selection | null {
  const root = field.getRootNode() as (Node & { getSelection?: () => Selection | null }) | undefined;
  if (root && root !== field.ownerDocument && typeof root.getSelection === 'function') return root.getSelection();
  return field.ownerDocument.getSelection();
}

/** The field's caret now, if it is in the field. */
export function saveCaret(field: HTMLElement): SavedCaret | undefined {
  const control = asTextControl(field);
  if (control) {
    const { selectionStart, selectionEnd } = control;
    return selectionStart === null || selectionEnd === null ? undefined : { kind: 'text-control', start: selectionStart, end: selectionEnd };
  }
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  return field.contains(range.startContainer) && field.contains(range.endContainer) ? { kind: 'range', range: range.cloneRange() } : undefined;
}

/** Puts focus and the saved caret back in the field (its end when the caret was lost). */
export function restoreCaret(field: HTMLElement, saved: SavedCaret | undefined): void {
  const doc = field.ownerDocument;
  // A field in an iframe: its window must have focus before the field can. Windows are compared,
  // not documents: reading `top.document` throws in a frame under a cross-origin top.
  if (doc.defaultView && doc.defaultView !== doc.defaultView.top) doc.defaultView.focus();
  field.focus({ preventScroll: true });
  const control = asTextControl(field);
  if (control) {
    const end = control.value.length;
    if (saved?.kind === 'text-control') control.setSelectionRange(Math.min(saved.start, end), Math.min(saved.end, end));
    else control.setSelectionRange(end, end);
    return;
  }
  const selection = selectionFor(field);
  if (!selection) return;
  let range = saved?.kind === 'range' && field.contains(saved.range.startContainer) && field.contains(saved.range.endContainer) ? saved.range : undefined;
  if (!range) {
    const current = selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (current && field.contains(current.startContainer)) return; // The editor put it back itself.
    range = doc.createRange();
    range.selectNodeContents(field);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A space before the record when the caret sits right after a word. */
function separatorBefore(field: HTMLElement): string {
  const control = asTextControl(field);
  let before = '';
  if (control) {
    before = control.value.charAt((control.selectionStart ?? 0) - 1);
  } else {
    const range = selectionFor(field)?.getRangeAt(0);
    if (range?.startContainer.nodeType === Node.TEXT_NODE) before = (range.startContainer.textContent ?? '').charAt(range.startOffset - 1);
  }
  return before !== '' && !/\s/.test(before) ? ' ' : '';
}

/**
 * Offers the text to an editor that handles `beforeinput` itself; true when it took it (it
 * cancelled the event). Built from the field's own window so an editor in a frame sees its own
 * kind of event.
 */
function offerToEditor(field: HTMLElement, text: string): boolean {
  const view = field.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const selection = selectionFor(field);
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  const InputEventOfField = view?.InputEvent ?? InputEvent;
  const StaticRangeOfField = view?.StaticRange ?? StaticRange;
  const event = new InputEventOfField('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType: 'insertText',
    data: text,
    targetRanges: range ? [new StaticRangeOfField(range)] : [],
  });
  field.dispatchEvent(event);
  return event.defaultPrevented;
}

const flat = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

/** Editors such as Lexical update their DOM a moment after the input event. */
function nextFrame(win: Window | null): Promise<void> {
  return new Promise((resolve) => {
    if (win) win.requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 16);
  });
}

/**
 * Editors group consecutive typing into one undo step (CKEditor 5 by a character count, ProseMirror
 * by time) and a caret move ends the group. Moving the caret away and back, as a person would,
 * makes the record its own undo step, so undoing it never takes the worker's last words with it.
 */
async function endTypingRun(field: HTMLElement, win: Window | null): Promise<void> {
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0) return;
  const caret = selection.getRangeAt(0).cloneRange();
  const start = field.ownerDocument.createRange();
  start.selectNodeContents(field);
  start.collapse(true);
  selection.removeAllRanges();
  selection.addRange(start);
  await nextFrame(win); // Editors learn of a caret move from the async selectionchange event.
  selection.removeAllRanges();
  selection.addRange(caret);
  await nextFrame(win);
}

/**
 * Inserts `text` at the saved caret in `field`, as if typed. Resolves once the field shows it,
 * or says why not (the caller then offers the text to copy).
 */
export async function insertAtCaret(field: HTMLElement, text: string, saved: SavedCaret | undefined): Promise<InsertOutcome> {
  if (!field.isConnected) return 'field-gone';
  const doc = field.ownerDocument;
  restoreCaret(field, saved);
  if (!asTextControl(field)) await endTypingRun(field, doc.defaultView);
  const insertion = separatorBefore(field) + text;
  const control = asTextControl(field);
  const takenByEditor = !control && offerToEditor(field, insertion);
  // execCommand is deprecated but is still the one way to edit "as the user" that editors and undo follow.
  const accepted = takenByEditor || doc.execCommand('insertText', false, insertion);
  await nextFrame(doc.defaultView);
  if (flat(readFieldText(field)).includes(flat(text))) return 'inserted';
  if (!accepted && control && field.isConnected) {
    // Last resort for a browser without insertText in text controls: undo will not cover it.
    control.setRangeText(insertion, control.selectionStart ?? control.value.length, control.selectionEnd ?? control.value.length, 'end');
    control.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insertion }));
    return 'inserted';
  }
  return field.isConnected ? 'not-inserted' : 'field-gone';
}
