import en from './options/en.json';
import cy from './options/cy.json';
import { baseCatalogues, translatorFor, type Catalogues, type MessageKey, type Translate, type UiLocale } from './t.ts';

/**
 * The options page's strings. Kept out of public/_locales because i18n/t.ts bundles those
 * catalogues into the content script, which never shows them (they took it from 50.6 to 57.1 KB
 * gzipped against a 60 KB budget). The page also uses some of the base catalogue's words: the
 * extension's name, and severities and responses as the sidebar words them.
 */
export type OptionsMessageKey = MessageKey | keyof typeof en;

const optionsCatalogues: Catalogues = { en, cy };

export function optionsTranslator(locale: UiLocale): Translate<OptionsMessageKey> {
  return translatorFor(locale, optionsCatalogues, baseCatalogues);
}
