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

/** Marks where a block element ends on the walk's stack. */
const endOfBlock = Symbol('end of block');

/**
 * Appends one node's own text (with its block line breaks); returns how many characters. Walks
 * with an explicit stack, not recursion: a page can nest elements deeper than the call stack.
 */
export function appendNodeText(start: Node, parts: string[], budget: number): number {
  let length = 0;
  const stack: Array<Node | typeof endOfBlock> = [start];
  while (stack.length > 0 && length < budget) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === endOfBlock) {
      parts.push('\n');
      length += 1;
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      continue;
    }
    if (!isHtmlElement(node)) continue;
    const tag = node.tagName;
    if (tag === 'BR') {
      parts.push('\n');
      length += 1;
      continue;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE') continue;
    if (blockTags.has(tag)) {
      parts.push('\n');
      length += 1;
      stack.push(endOfBlock);
    }
    // Children go on in reverse so the first child is read first.
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return length;
}
