/** Elements that start a new line when a rich editor renders them. */
const blockTags = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE',
]);

/** Upper bound on what is read from one field, so a pasted 10 MB document cannot stall the page. */
export const maxNoteChars = 1_000_000;

/**
 * The plain text of a note field. Rich editors hold paragraphs as elements, so block boundaries
 * and <br> become line breaks (sentences must not run together across paragraphs). Reads the DOM
 * without forcing layout (no innerText).
 */
export function readFieldText(field: HTMLElement): string {
  if (field instanceof HTMLTextAreaElement) return field.value.slice(0, maxNoteChars);
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length < maxNoteChars; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.nodeValue ?? '';
        parts.push(text);
        length += text.length;
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') {
          parts.push('\n');
          continue;
        }
        if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
        const block = blockTags.has(child.tagName);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(field);
  return parts.join('').slice(0, maxNoteChars);
}
