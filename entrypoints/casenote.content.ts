import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCaseNote } from '../casenote/start.ts';
import { knownSystemMatches } from '../detect/adapters/index.ts';

/**
 * The case-note content script. Declared statically on known hosted case systems (from the
 * adapter registry); sites listed by policy or turned on by the worker are registered at run time
 * by background/activation.ts. Test and demo builds add loopback (see wxt.config.ts). It runs in
 * every frame because rich editors live in iframes.
 */
export default defineContentScript({
  matches: [...knownSystemMatches],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startCaseNote(ctx, import.meta.env.MODE !== 'production').catch((error: unknown) => {
      // "Extension context invalidated" after an update is expected; anything else is reported.
      if (!ctx.isInvalid) console.warn('Share to Protect could not start on this page:', error);
    });
  },
});
