import { h, render } from 'preact';
import { CaseNoteUi, type CaseNoteUiProps } from '../components/CaseNoteUi.tsx';
import { frameOffset } from './frames.ts';
import { indicatorPosition } from './indicator-position.ts';
import { createUiHost, type UiHost } from './ui-host.ts';

/** What the session knows; the view works out where things go and renders them. */
export type ViewModel = Omit<CaseNoteUiProps, 'indicator'> & {
  /** The note field the prompts are about, to place the indicator beside it. */
  field: HTMLElement | undefined;
};

/**
 * Renders the worker's UI for one frame. Touches no DOM until there is something to show, and
 * follows the field on scroll, resize and zoom (passive listeners, one update per frame).
 */
export class CaseNoteView {
  #host: UiHost | undefined;
  #model: ViewModel | undefined;
  #frame = 0;
  /** The field's own size changes (a dragged resize grip, an editor growing) move the indicator too. */
  readonly #fieldResize: ResizeObserver;
  #observedField: HTMLElement | undefined;

  constructor(
    private readonly win: Window,
    signal: AbortSignal,
  ) {
    const listen = { capture: true, passive: true, signal } as const;
    win.addEventListener('scroll', () => this.#schedule(), listen);
    win.addEventListener('resize', () => this.#schedule(), listen);
    this.#fieldResize = new ResizeObserver(() => this.#schedule());
    signal.addEventListener('abort', () => this.#fieldResize.disconnect(), { once: true });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  update(model: ViewModel): void {
    this.#model = model;
    if (model.field !== this.#observedField) {
      this.#fieldResize.disconnect();
      this.#observedField = model.field;
      if (model.field) this.#fieldResize.observe(model.field);
    }
    this.#render();
  }

  #schedule(): void {
    if (this.#frame || !this.#model || this.#model.prompts.length === 0) return;
    this.#frame = this.win.requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render(): void {
    const model = this.#model;
    if (!model) return;
    if (model.prompts.length === 0 && !model.sidebarOpen && !this.#host) return; // Nothing shown yet: touch no DOM.
    this.#host ??= createUiHost(this.win.document);
    this.#host.show();
    const { field, ...props } = model;
    const indicator =
      field?.isConnected && model.prompts.length > 0
        ? indicatorPosition(
            field.getBoundingClientRect(),
            { width: this.win.innerWidth, height: this.win.innerHeight },
            // A field in a same-origin child document is measured in that frame's viewport.
            frameOffset(field.ownerDocument, this.win),
          )
        : undefined;
    render(h(CaseNoteUi, { ...props, indicator }), this.#host.container);
  }

  destroy(): void {
    if (!this.#host) return;
    render(null, this.#host.container);
    this.#host.remove();
    this.#host = undefined;
  }
}
