import Dexie, { type EntityTable } from 'dexie';
import type { PromptEvent } from './event.ts';
import { v1Stores } from './migrations/v1.ts';
import { upgradeToV2, v2Stores } from './migrations/v2-filter-indexes.ts';

/** Name of the prompt log database in the extension's origin. */
export const promptLogDbName = 'share-to-protect-log';

/** The schema version this build writes; bump it only together with a migration in `migrations/`. */
export const promptLogSchemaVersion = 2;

/**
 * The prompt log. Opened only in the extension's own origin (background and extension pages):
 * a content script's IndexedDB belongs to the host page, which could read it.
 *
 * Every version stays declared so Dexie can upgrade a database from any older release; a failed
 * upgrade throws and leaves the old data untouched (never reset the log to get past it).
 */
export class PromptLogDb extends Dexie {
  events!: EntityTable<PromptEvent, 'id'>;

  constructor(name = promptLogDbName) {
    super(name);
    this.version(1).stores(v1Stores);
    this.version(2).stores(v2Stores).upgrade(upgradeToV2);
  }
}
