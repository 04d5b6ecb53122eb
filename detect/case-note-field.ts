import { isElement, isHtmlElement, isInput, isTextArea } from './dom.ts';

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

/**
 * The editor's root for a node being edited. Editors of every kind put the editing host on a
 * contenteditable element; legacy editors (Telerik RadEditor and the like, Capita One) instead
 * switch a whole iframe document into designMode, where the body is the host with no attribute.
 */
export function editingHost(node: Node | null): HTMLElement | undefined {
  const doc = node?.ownerDocument ?? (node?.nodeType === 9 ? (node as Document) : null);
  if (doc?.designMode === 'on') return doc.body ?? undefined;
  let element: Element | null = isElement(node) ? node : (node?.parentElement ?? null);
  if (!isHtmlElement(element) || !element.isContentEditable) return undefined;
  // Walk up to the outermost editable element: that is the editor's root.
  while (element.parentElement?.isContentEditable) element = element.parentElement;
  return isHtmlElement(element) ? element : undefined;
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
  if (isTextArea(field)) {
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

/** Frames a hidden-check climbs through; deeper nesting is treated as out of sight. */
const maxFrameDepth = 10;

function isHidden(field: HTMLElement): boolean {
  let element: Element | null = field;
  // A field inside a hidden iframe is hidden too: climb through same-origin frame elements.
  for (let depth = 0; element && depth <= maxFrameDepth; depth++) {
    if (elementHidden(element)) return true;
    element = element.ownerDocument.defaultView?.frameElement ?? null;
  }
  return element !== null;
}

function elementHidden(element: Element): boolean {
  if ((element as Partial<HTMLElement>).hidden === true || element.closest('[hidden], [aria-hidden="true"]')) return true;
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * The case-note field that `target` belongs to, or undefined when it is not one.
 * `extraSelectors` are field selectors an adapter or administrator set for this site: a match is
 * a note field whatever its label says. `noteLabels` are the labels the system gives its note
 * fields: a field so labelled is a note even if the label holds a word such as "message".
 */
export function caseNoteField(
  target: EventTarget | null,
  extraSelectors: readonly string[] = [],
  noteLabels: readonly string[] = [],
): HTMLElement | undefined {
  if (!isNode(target)) return undefined;
  let field: HTMLElement | undefined;
  if (isTextArea(target)) {
    if (target.readOnly || target.disabled) return undefined;
    field = target;
  } else if (isInput(target)) {
    return undefined; // Single-line inputs (search, password, hidden, titles) are never notes.
  } else {
    field = editingHost(target);
  }
  if (!field) return undefined;
  if (extraSelectors.some((selector) => safeMatches(field, selector))) return field;
  if (isHidden(field) || field.closest(notANoteContainers) || inLoginForm(field) || inDialogComposer(field)) return undefined;
  if (field.getAttribute('aria-readonly') === 'true' || field.getAttribute('aria-multiline') === 'false') return undefined;
  const label = fieldLabel(field);
  if (notANoteWords.test(label) && !hasNoteLabel(label, noteLabels)) return undefined;
  return field;
}

function hasNoteLabel(label: string, noteLabels: readonly string[]): boolean {
  const lower = ` ${label.toLowerCase()} `;
  return noteLabels.some((note) => lower.includes(` ${note.toLowerCase()} `));
}

function isNode(target: EventTarget | null): target is Node {
  return typeof target === 'object' && target !== null && typeof (target as Partial<Node>).nodeType === 'number';
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
