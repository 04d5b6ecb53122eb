/**
 * Realm-independent element checks. The parent frame reaches into same-origin child documents
 * (CKEditor 4, designMode editors) whose elements come from another window, where
 * `instanceof HTMLTextAreaElement` is false; node types and tag names hold in every realm.
 */

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

export function isHtmlElement(node: unknown): node is HTMLElement {
  // SVG and MathML elements have no isContentEditable/hidden; they are never note fields.
  return isElement(node) && (node as Partial<HTMLElement>).isContentEditable !== undefined && node.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

export function isTextArea(node: unknown): node is HTMLTextAreaElement {
  return isHtmlElement(node) && node.localName === 'textarea';
}

export function isInput(node: unknown): node is HTMLInputElement {
  return isHtmlElement(node) && node.localName === 'input';
}

export function isIframe(node: unknown): node is HTMLIFrameElement {
  return isHtmlElement(node) && (node.localName === 'iframe' || node.localName === 'frame');
}

export function isShadowRoot(node: unknown): node is ShadowRoot {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 11 && 'host' in node;
}
