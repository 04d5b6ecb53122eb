import { isHtmlElement, isShadowRoot } from './dom.ts';

/** Opens any shadow root, closed ones included, as only an extension may. */
export type ShadowRootOpener = (host: HTMLElement) => ShadowRoot | null;

interface ChromeDomApi {
  dom?: { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
}

/**
 * Chrome gives content scripts `chrome.dom.openOrClosedShadowRoot`; Firefox puts
 * `openOrClosedShadowRoot` on the element itself. Elsewhere only open roots are reachable.
 */
export const openOrClosedShadowRoot: ShadowRootOpener = (host) => {
  const chromeDom = (globalThis as { chrome?: ChromeDomApi }).chrome?.dom?.openOrClosedShadowRoot;
  if (chromeDom) return chromeDom(host);
  const firefox = (host as HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  return host.shadowRoot;
};

/** Shadow roots nest (a component inside a component); no real page goes this deep. */
const maxShadowDepth = 16;

/**
 * The element an event really happened on. Composed events are retargeted at each shadow
 * boundary: for open roots composedPath()[0] is the inner target, but a closed root stops the
 * path at its host, so from there follow the focused element down through each root.
 */
export function realTarget(event: Event, openRoot: ShadowRootOpener = openOrClosedShadowRoot): EventTarget | null {
  let target: EventTarget | null = event.composedPath()[0] ?? event.target;
  for (let depth = 0; depth < maxShadowDepth && isHtmlElement(target); depth++) {
    const root = target.shadowRoot ?? safeOpen(openRoot, target);
    if (!root || !isShadowRoot(root)) break;
    const inner = root.activeElement;
    if (!inner || inner === target) break;
    target = inner;
  }
  return target;
}

function safeOpen(openRoot: ShadowRootOpener, host: HTMLElement): ShadowRoot | null {
  // Only custom elements and a few built-ins can host a root; asking for others is wasted work.
  if (!host.localName.includes('-') && !/^(div|span|section|article|aside|main|nav|header|footer|p|blockquote|body|h[1-6])$/.test(host.localName)) {
    return null;
  }
  try {
    return openRoot(host);
  } catch (error) {
    // The API refuses elements from a frame the extension has no access to: nothing to reach.
    console.warn('Share to Protect: could not open a shadow root', error);
    return null;
  }
}
