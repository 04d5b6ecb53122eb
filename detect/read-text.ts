import { isHtmlElement, isTextArea } from './dom.ts';

/** Elements that start a new line when a rich editor renders them. */
const blockTags = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE',
]);

/**
 * Upper bound on what is read from one field, so a pasted 10 MB document cannot stall the page.
 * Twice the 1 MB a long chronology reaches, so what the worker types at the end of one is read.
 */
export const maxNoteChars = 2_000_000;

/**
 * The plain text of a note field. Rich editors hold paragraphs as elements, so block boundaries
 * and <br> become line breaks (sentences must not run together across paragraphs). Reads the DOM
 * without forcing layout (no innerText).
 */
export function readFieldText(field: HTMLElement): string {
  if (isTextArea(field)) return field.value.slice(0, maxNoteChars);
  const parts: string[] = [];
  appendText(field, parts, maxNoteChars);
  return parts.join('').slice(0, maxNoteChars);
}

/** Appends `node`'s children's text to `parts`; returns how many characters were added. */
export function appendText(node: Node, parts: string[], budget: number): number {
  let length = 0;
  for (let child = node.firstChild; child && length < budget; child = child.nextSibling) {
    length += appendNodeText(child, parts, budget - length);
  }
  return length;
}

/** Appends one node's own text (with its block line breaks); returns how many characters. */
export function appendNodeText(child: Node, parts: string[], budget: number): number {
  if (child.nodeType === 3) {
    const text = child.nodeValue ?? '';
    parts.push(text);
    return text.length;
  }
  if (!isHtmlElement(child)) return 0;
  const tag = child.tagName;
  if (tag === 'BR') {
    parts.push('\n');
    return 1;
  }
  if (tag === 'SCRIPT' || tag === 'STYLE') return 0;
  const block = blockTags.has(tag);
  if (block) parts.push('\n');
  const inner = appendText(child, parts, budget);
  if (block) parts.push('\n');
  return inner + (block ? 2 : 0);
}
