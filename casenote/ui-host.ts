import styles from '../components/case-note-ui.css?inline';

/**
 * The page element that holds the extension's UI: a closed shadow root (the page cannot reach
 * in, styles cannot leak either way) shown in the browser's top layer as a manual popover, so no
 * z-index on the page can cover it and showing it never moves focus.
 */
export interface UiHost {
  readonly container: HTMLElement;
  /** Attaches the host to the page (once) and keeps it in the top layer. */
  show(): void;
  remove(): void;
}

const hostStyle = [
  'all: initial !important',
  'position: fixed !important',
  'inset: 0 auto auto 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'margin: 0 !important',
  'padding: 0 !important',
  'border: 0 !important',
  'overflow: visible !important',
  'background: transparent !important',
  'z-index: 2147483647 !important',
  'display: block !important',
].join(';');

export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement('share-to-protect');
  host.setAttribute('style', hostStyle);
  host.setAttribute('popover', 'manual');
  host.setAttribute('data-stp-ignore', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = styles;
  const container = doc.createElement('div');
  shadow.append(style, container);

  return {
    container,
    show() {
      if (!host.isConnected) doc.documentElement.append(host);
      if (typeof host.showPopover !== 'function') return; // No popover support: the z-index still holds.
      const open = host.matches(':popover-open');
      // Re-showing moves it above anything the page put in the top layer since; but hiding it for
      // a moment would throw away the focus of a worker using the sidebar, so not then.
      if (open && shadow.activeElement) return;
      if (open) host.hidePopover();
      host.showPopover();
    },
    remove() {
      host.remove();
    },
  };
}
