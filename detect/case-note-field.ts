/**
 * Decides whether an element the worker is typing in is a case-note field. Only multi-line,
 * writable fields qualify; search boxes, login forms, chat and email composers, read-only notes
 * and anything hidden are never read.
 */

/** Words in a field's label or surroundings that mark it as something other than a case note. */
const notANoteWords =
  /\b(search|find|filter|password|passcode|log ?in|sign ?in|username|user ?name|chat|message|messages|reply|email|e-mail|subject|comment box|feedback)\b/i;

/** Containers whose contents are never a case note. */
const notANoteContainers = '[role="search"], form[role="search"], [data-stp-ignore], .chat, [role="log"]';

/** Editors of every kind put the editing host on one of these. */
export function editingHost(node: Node | null): HTMLElement | undefined {
  let element: Element | null = node instanceof Element ? node : (node?.parentElement ?? null);
  if (!(element instanceof HTMLElement) || !element.isContentEditable) return undefined;
  // Walk up to the outermost editable element: that is the editor's root.
  while (element.parentElement?.isContentEditable) element = element.parentElement;
  return element instanceof HTMLElement ? element : undefined;
}

/** The text a person would read as the field's name: label, aria, placeholder, name and id. */
export function fieldLabel(field: HTMLElement): string {
  const parts: string[] = [];
  const aria = field.getAttribute('aria-label');
  if (aria) parts.push(aria);
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      const text = field.ownerDocument.getElementById(id)?.textContent;
      if (text) parts.push(text);
    }
  }
  if (field instanceof HTMLTextAreaElement) {
    for (const label of Array.from(field.labels ?? [])) parts.push(label.textContent ?? '');
    parts.push(field.placeholder, field.name);
  }
  parts.push(field.id);
  const frame = field.ownerDocument.defaultView?.frameElement;
  if (frame) parts.push(frame.getAttribute('title') ?? '', frame.getAttribute('aria-label') ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function inDialogComposer(field: HTMLElement): boolean {
  const dialog = field.closest('[role="dialog"], dialog, [aria-modal="true"]');
  if (!dialog) return false;
  const name = `${dialog.getAttribute('aria-label') ?? ''} ${dialog.className}`;
  return notANoteWords.test(name);
}

function inLoginForm(field: HTMLElement): boolean {
  return field.closest('form')?.querySelector('input[type="password"]') != null;
}

function isHidden(field: HTMLElement): boolean {
  if (field.hidden || field.closest('[hidden], [aria-hidden="true"]')) return true;
  const view = field.ownerDocument.defaultView;
  const style = view?.getComputedStyle(field);
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * The case-note field that `target` belongs to, or undefined when it is not one.
 * `extraSelectors` are field selectors an administrator set for this site: a match is a note
 * field whatever its label says.
 */
export function caseNoteField(target: EventTarget | null, extraSelectors: readonly string[] = []): HTMLElement | undefined {
  if (!(target instanceof Node)) return undefined;
  let field: HTMLElement | undefined;
  if (target instanceof HTMLTextAreaElement) {
    if (target.readOnly || target.disabled) return undefined;
    field = target;
  } else if (target instanceof HTMLInputElement) {
    return undefined; // Single-line inputs (search, password, hidden, titles) are never notes.
  } else {
    field = editingHost(target);
  }
  if (!field) return undefined;
  if (extraSelectors.some((selector) => safeMatches(field, selector))) return field;
  if (isHidden(field) || field.closest(notANoteContainers) || inLoginForm(field) || inDialogComposer(field)) return undefined;
  if (field.getAttribute('aria-readonly') === 'true' || field.getAttribute('aria-multiline') === 'false') return undefined;
  if (notANoteWords.test(fieldLabel(field))) return undefined;
  return field;
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    // An administrator's selector that the browser cannot parse matches nothing; the policy
    // check reports it, so there is nothing more to do here.
    return false;
  }
}
