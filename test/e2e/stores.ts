import type { Page, Worker } from '@playwright/test';

/**
 * Everything the extension has stored, as one string: every IndexedDB database of the extension
 * origin (every store, every record), and storage.local, .session and .sync. Tests search it for
 * note text that must never be there.
 */
export async function dumpExtensionStores(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        out.push({ db: info.name, storeName, records });
      }
      db.close();
    }
    const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome;
    for (const area of ['local', 'session', 'sync']) out.push({ area, items: await c.storage[area]?.get(null) });
    return JSON.stringify(out);
  });
}

/** The page origin's own storage (localStorage, sessionStorage, IndexedDB), as one string. */
export async function dumpPageStores(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: unknown[] = [{ local: { ...localStorage } }, { session: { ...sessionStorage } }];
    for (const info of await indexedDB.databases()) out.push({ db: info.name });
    return JSON.stringify(out);
  });
}

/** The log events the background stored, read straight from IndexedDB in the worker. */
export async function storedEvents(worker: Worker): Promise<Array<Record<string, unknown>>> {
  return worker.evaluate(async () => {
    // Opening a database that does not exist yet would create an empty one at version 1 and
    // get in the way of the background's own schema: read only what the background made.
    const exists = (await indexedDB.databases()).some((info) => info.name === 'share-to-protect-log');
    if (!exists) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('share-to-protect-log');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('events')) return [];
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}
