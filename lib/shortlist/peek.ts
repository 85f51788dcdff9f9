// A read-only look at the stored shortlists without idb or zod, for the background's badge count
// (lib/changes/count.ts): the worker stays small, and it never creates, upgrades or writes the database.
// Everything that writes, and every read the UI shows, goes through the page's ShortlistStore
// (lib/shortlist/repository.ts, validated).
export const DB_NAME = 'clinic-scout-shortlists';

export interface PeekedRecords {
  shortlists: unknown[];
  items: unknown[];
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * Every stored list and item as raw values, or null when there is no database (nothing saved yet) or it
 * lacks the stores. Opening without a version never upgrades; if the database does not exist, the
 * creation is aborted in `upgradeneeded`, so nothing is left behind.
 */
export function peekShortlistRecords(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<PeekedRecords | null> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name);
    } catch (err) {
      reject(err);
      return;
    }
    let creating = false;
    req.onupgradeneeded = () => {
      creating = true;
      req.transaction?.abort(); // no database yet: don't make one
    };
    req.onerror = (e) => {
      e.preventDefault();
      if (creating) resolve(null);
      else reject(req.error);
    };
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close(); // never hold up a page's upgrade
      void (async () => {
        try {
          if (!db.objectStoreNames.contains('shortlists') || !db.objectStoreNames.contains('items')) return resolve(null);
          const tx = db.transaction(['shortlists', 'items'], 'readonly');
          const [shortlists, items] = await Promise.all([done(tx.objectStore('shortlists').getAll()), done(tx.objectStore('items').getAll())]);
          resolve({ shortlists, items });
        } catch (err) {
          reject(err);
        } finally {
          db.close();
        }
      })();
    };
  });
}
