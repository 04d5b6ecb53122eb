import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCaseNote } from '../casenote/start.ts';

/**
 * The case-note content script. Release builds run it on known case systems only; test and
 * demo builds add loopback (see wxt.config.ts). It runs in every frame because rich editors
 * live in iframes.
 */
export default defineContentScript({
  matches: ['*://*.cpoms.net/*', '*://*.lightning.force.com/*', '*://*.crm11.dynamics.com/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startCaseNote(ctx, 'generic').catch((error: unknown) => {
      // "Extension context invalidated" after an update is expected; anything else is reported.
      if (!ctx.isInvalid) console.warn('Share to Protect could not start on this page:', error);
    });
  },
});
