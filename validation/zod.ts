import en from 'zod/v4/locales/en.js';
import { z } from 'zod/mini';

/**
 * The one Zod the project's schemas are built with: Zod Mini, whose functional API lets the
 * bundler keep only the checks a schema uses. Zod classic bundled ~55 KB gzipped into the
 * content script, which loads on every page of every case system (issue #4); Mini validates
 * exactly the same way for a fraction of that.
 *
 * Mini ships no messages of its own (every problem would read "Invalid input"), and
 * administrators read these on the options page and from `npm run rules -- check`: so the
 * English messages Zod classic gives are switched on here, once, before any schema parses. Every
 * schema module imports `z` from this file, never from 'zod' directly, so no bundle can miss it.
 */
z.config(en());

export { z };
