import Dexie, { type EntityTable } from 'dexie';
import type { PromptEvent } from './event.ts';

/**
 * The prompt log. Opened only in the extension's own origin (background and extension pages):
 * a content script's IndexedDB belongs to the host page, which could read it.
 */
export class PromptLogDb extends Dexie {
  events!: EntityTable<PromptEvent, 'id'>;

  constructor(name = 'share-to-protect-log') {
    super(name);
    // Version 1: indexed only on what is queried (time for paging and retention).
    this.version(1).stores({ events: 'id, at' });
  }
}
