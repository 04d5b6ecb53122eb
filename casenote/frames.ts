import { isIframe } from '../detect/dom.ts';

/**
 * How deep the frame tree is followed. Dynamics puts its note two frames down; nothing real goes
 * past a handful, and a hostile page nesting frames without end must not cost without end.
 */
export const maxFrameDepth = 10;

/** Attaches one document's listeners; they must all stop when `signal` aborts. */
export type AttachDocument = (doc: Document, signal: AbortSignal) => void;

/**
 * Follows the same-origin documents of a frame tree from its top frame. Chromium does not inject
 * content scripts into iframes whose document was written with document.open/write (CKEditor 4,
 * RadEditor-style designMode editors), so the frame that does run reaches into them itself:
 * existing frames now, frames added or reloaded later through their `load` event, and a frame the
 * worker moves into (its document may have been rewritten since, and document.open drops every
 * listener on it, so attaching again is always safe: the old listeners are aborted first).
 * Cross-origin frames are left to their own content script.
 */
export class SameOriginFrames {
  readonly #attached = new WeakMap<Document, AbortController>();

  constructor(
    private readonly signal: AbortSignal,
    private readonly attachDocument: AttachDocument,
  ) {}

  /** Starts with the frame's own document. */
  follow(doc: Document): void {
    this.#attach(doc, 0);
  }

  #attach(doc: Document, depth: number): void {
    if (this.signal.aborted) return;
    this.#attached.get(doc)?.abort();
    const controller = new AbortController();
    this.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    this.#attached.set(doc, controller);
    const listen = { capture: true, passive: true, signal: controller.signal } as const;

    this.attachDocument(doc, controller.signal);
    if (depth >= maxFrameDepth) return;
    // `load` does not bubble, but a capturing listener on the document still sees it for every
    // iframe below: that covers frames added later, navigated, or rewritten and closed.
    doc.addEventListener('load', (event) => isIframe(event.target) && this.#attachFrame(event.target, depth + 1), listen);
    // Focus moving into a child frame blurs this window; the frame is then document.activeElement.
    doc.defaultView?.addEventListener(
      'blur',
      () => {
        const active = doc.activeElement;
        if (isIframe(active)) this.#attachFrame(active, depth + 1);
      },
      listen,
    );
    for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
      if (isIframe(frame)) this.#attachFrame(frame, depth + 1);
    }
  }

  #attachFrame(frame: HTMLIFrameElement, depth: number): void {
    let child: Document | null = null;
    try {
      child = frame.contentDocument;
    } catch {
      // Some browsers throw rather than return null for a cross-origin frame: that frame's own
      // content script handles its note, so there is nothing to do here.
      return;
    }
    if (child) this.#attach(child, depth);
  }
}

/**
 * Whether this frame's note fields are handled by a same-origin parent frame's content script
 * (see SameOriginFrames): it must then stay silent, or prompts would be shown and logged twice.
 * `frameElement` is null at the top and under a cross-origin parent.
 */
export function handledByParentFrame(win: Pick<Window, 'frameElement'>): boolean {
  try {
    return win.frameElement !== null;
  } catch {
    return false; // A cross-origin parent: this frame is on its own.
  }
}

/**
 * Where a document's viewport sits in the top window's viewport: the sum of the iframe boxes
 * (inside their borders) between them, so the indicator can be drawn beside a field that lives
 * in a child document handled from the top.
 */
export function frameOffset(doc: Document, top: Window): { top: number; left: number } {
  const offset = { top: 0, left: 0 };
  let win = doc.defaultView;
  for (let depth = 0; win && win !== top && depth <= maxFrameDepth; depth++) {
    const frame = win.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    offset.top += box.top + frame.clientTop + (style ? parseFloat(style.paddingTop) || 0 : 0);
    offset.left += box.left + frame.clientLeft + (style ? parseFloat(style.paddingLeft) || 0 : 0);
    win = frame.ownerDocument.defaultView;
  }
  return offset;
}
