import type { Frame, Page } from '@playwright/test';
import { ExtensionUi } from './extension-ui.ts';

/** The extension's UI inside a cross-origin frame (see ExtensionUi's `inFrame`). */
export class FrameUi extends ExtensionUi {
  constructor(page: Page, frame: Frame, frameSelector: string) {
    super(page, { frame, selector: frameSelector });
  }
}
