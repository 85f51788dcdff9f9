// The IndexedDB database behind shortlists: its versioned schema, the upgrade chain and opening it.
// Extension pages only (side panel, full-page view); never a content script (it would open the
// website's IndexedDB, not the extension's).
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Shortlist, StoredShortlistItem } from './schema';
import { StorageError, toStorageError } from './errors';

import { DB_NAME } from './peek';

export { DB_NAME };

/** The schema at the current version (what the repository code may rely on). */
export interface ShortlistDbSchema extends DBSchema {
  shortlists: { key: string; value: Shortlist };
  items: {
    key: string;
    value: StoredShortlistItem;
    indexes: {
      shortlistId: string;
      /** Items with providerId null (custom clinics) are simply not in this index. */
      providerId: string;
      /** [shortlistId, position]: a list's items in display order; the last one gives the next position. */
      shortlistPosition: [string, number];
    };
  };
}

export type ShortlistConnection = IDBPDatabase<ShortlistDbSchema>;

export interface UpgradeContext {
  /** Untyped on purpose: a step sees the database as the previous version left it, not as it is today. */
  db: IDBPDatabase<unknown>;
  tx: IDBPTransaction<unknown, string[], 'versionchange'>;
  /** The version the database had before this open (0 when it is being created). */
  oldVersion: number;
}

export interface UpgradeStep {
  /** The version this step upgrades the database to. */
  readonly version: number;
  readonly description: string;
  /**
   * Runs inside the versionchange transaction. It may await requests on `ctx.tx` (cursors, gets,
   * puts) but nothing else: any other await lets the transaction commit half-way. Throwing or
   * rejecting aborts the whole upgrade; the database stays at its old version, data untouched.
   */
  readonly run: (ctx: UpgradeContext) => void | Promise<void>;
}

/*
 * THE UPGRADE CHAIN. One step per version, in order; `openShortlistDb` runs every step whose version
 * is above the stored one (`if (oldVersion < step.version)`), all in the one versionchange
 * transaction, so an upgrade either fully happens or not at all.
 *
 * Rules:
 *  - A released step is frozen: never edit or reorder it (users' databases went through it as is).
 *    tests/unit/shortlist/upgrade.test.ts checks that running the chain up to version N yields exactly
 *    the stores and indexes recorded in tests/fixtures/shortlist-db/vN.json.
 *  - Never delete user data in a step. Migrate records in place (cursor over the store, put the new
 *    shape); if a record can't be migrated, keep it as is rather than dropping it.
 *
 * To add version N+1:
 *  1. Append `{ version: N + 1, description, run }` here (and update ShortlistDbSchema / schema.ts).
 *  2. Add tests/fixtures/shortlist-db/v{N+1}.json: a dump of a database at version N+1 with realistic
 *     records (`dumpShortlistDb()` writes exactly that format). Keep vN.json and older ones: the
 *     fixture test upgrades every one of them to the current version and checks no record is lost.
 *  3. Add one test in upgrade.test.ts for what the step changes (e.g. the new field's default).
 */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  {
    version: 1,
    description: 'shortlists and items stores, items indexed by shortlistId, providerId and [shortlistId, position]',
    run({ db }) {
      db.createObjectStore('shortlists', { keyPath: 'id' });
      const items = db.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('shortlistId', 'shortlistId');
      items.createIndex('providerId', 'providerId');
      items.createIndex('shortlistPosition', ['shortlistId', 'position']);
    },
  },
  {
    version: 2,
    description: 'items get a revision (1 for every existing item), so a write of user text can detect a change it did not see',
    async run({ tx }) {
      let cursor = await tx.objectStore('items').openCursor();
      while (cursor) {
        const value: unknown = cursor.value;
        // A record that is not an object is kept exactly as it is (reads set it aside, never delete it).
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('revision' in value)) {
          await cursor.update({ ...value, revision: 1 });
        }
        cursor = await cursor.continue();
      }
    },
  },
  {
    version: 3,
    description:
      'items get change tracking: facts (the decision snapshot, null until the first check after the upgrade), changeHistory ([]) and removed (null)',
    async run({ tx }) {
      let cursor = await tx.objectStore('items').openCursor();
      while (cursor) {
        const value: unknown = cursor.value;
        // As in v2: a record that is not an object is kept exactly as it is.
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('changeHistory' in value)) {
          // No snapshot here: the upgrade can't know what the user saw. The first check after it takes one
          // from the dataset of that day and marks it "since <date>" (lib/changes/tracking.ts, firstRun).
          await cursor.update({ facts: null, removed: null, ...value, changeHistory: [] });
        }
        cursor = await cursor.continue();
      }
    },
  },
];

/** The version this code opens the database at. */
export const DB_VERSION: number = latestVersion(UPGRADE_STEPS);

function latestVersion(steps: readonly UpgradeStep[]): number {
  const last = steps[steps.length - 1];
  if (!last) throw new Error('shortlist db: the upgrade chain is empty');
  return last.version;
}

function checkChain(steps: readonly UpgradeStep[]): void {
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.version) || step.version !== i + 1) {
      throw new Error(`shortlist db: upgrade step ${i} has version ${step.version}, expected ${i + 1}`);
    }
  });
}

export interface OpenConnectionOptions {
  /** Defaults to the global `indexedDB`; tests pass a fresh fake-indexeddb IDBFactory. */
  indexedDB?: IDBFactory;
  /** Database name; defaults to DB_NAME. */
  name?: string;
  /** Open at this version (default: the chain's last). Steps above it are not run. */
  version?: number;
  /** The upgrade chain (default UPGRADE_STEPS); tests inject failing steps. */
  steps?: readonly UpgradeStep[];
  /**
   * How long to wait for other connections (an older Clinic Scout page that doesn't close) before
   * failing with kind 'blocked'. Default 5000 ms. If the open succeeds later, that connection is closed.
   */
  blockedTimeoutMs?: number;
  /** Called when the open is blocked by another connection (it keeps waiting until the timeout). */
  onBlocked?: () => void;
  /**
   * Called when this connection was closed because another page wants to upgrade the database
   * (versionchange) or the browser closed it (e.g. site data cleared). The repository reopens on
   * its next call; after a versionchange the page should reload to get the new code.
   */
  onClose?: (reason: 'versionchange' | 'terminated') => void;
}

function getFactory(options: { indexedDB?: IDBFactory }): IDBFactory {
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (!factory) throw new StorageError('unavailable', { detail: 'indexedDB is not defined' });
  return factory;
}

/** Opens (creating or upgrading as needed) a connection. Rejects only with StorageError. */
export function openConnection(options: OpenConnectionOptions = {}): Promise<ShortlistConnection> {
  const steps = options.steps ?? UPGRADE_STEPS;
  checkChain(steps);
  const version = options.version ?? latestVersion(steps);
  if (!Number.isInteger(version) || version < 1 || version > latestVersion(steps)) {
    throw new Error(`shortlist db: can't open at version ${version}; the chain ends at ${latestVersion(steps)}`);
  }
  const name = options.name ?? DB_NAME;
  const blockedTimeoutMs = options.blockedTimeoutMs ?? 5000;

  return new Promise<ShortlistConnection>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = getFactory(options).open(name, version);
    } catch (err) {
      reject(toStorageError(err, 'open'));
      return;
    }
    let settled = false;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    let upgrade: { from: number; failedStep: UpgradeStep | null; error: unknown } | null = null;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (blockedTimer !== undefined) clearTimeout(blockedTimer);
      fn();
    };

    request.addEventListener('upgradeneeded', (event) => {
      const rawTx = request.transaction;
      if (!rawTx) return;
      const state = { from: event.oldVersion, failedStep: null as UpgradeStep | null, error: undefined as unknown };
      upgrade = state;
      const ctx: UpgradeContext = {
        db: wrap(request.result) as IDBPDatabase<unknown>,
        tx: wrap(rawTx) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>,
        oldVersion: event.oldVersion,
      };
      // idb creates a `done` promise for every wrapped transaction; a failed upgrade rejects it and
      // the open request reports the failure, so keep this one from surfacing as unhandled.
      ctx.tx.done.catch(() => {});
      const pending = steps.filter((s) => s.version > event.oldVersion && s.version <= version);
      const fail = (step: UpgradeStep, error: unknown) => {
        state.failedStep = step;
        state.error = error;
        try {
          rawTx.abort();
        } catch {
          // Already aborted (e.g. by the browser); the open request fails either way.
        }
      };
      // Runs steps synchronously while they are synchronous, so the transaction never waits on a
      // microtask it doesn't need; an async step continues the chain when its promise settles.
      const runFrom = (i: number): void => {
        for (; i < pending.length; i++) {
          const step = pending[i]!;
          let result: void | Promise<void>;
          try {
            result = step.run(ctx);
          } catch (err) {
            fail(step, err);
            return;
          }
          if (result && typeof result.then === 'function') {
            const next = i + 1;
            result.then(
              () => runFrom(next),
              (err: unknown) => fail(step, err),
            );
            return;
          }
        }
      };
      runFrom(0);
    });

    request.addEventListener('blocked', () => {
      options.onBlocked?.();
      if (blockedTimer === undefined && !settled) {
        blockedTimer = setTimeout(() => {
          settle(() =>
            reject(new StorageError('blocked', { detail: `open of ${name} v${version} blocked by another connection` })),
          );
        }, blockedTimeoutMs);
      }
    });

    request.addEventListener('success', () => {
      const raw = request.result;
      if (settled) {
        raw.close(); // we already reported 'blocked'; don't leak the late connection
        return;
      }
      raw.addEventListener('versionchange', () => {
        raw.close();
        options.onClose?.('versionchange');
      });
      raw.addEventListener('close', () => options.onClose?.('terminated'));
      settle(() => resolve(wrap(raw) as ShortlistConnection));
    });

    request.addEventListener('error', (event) => {
      event.preventDefault(); // handled here; don't surface as an uncaught error
      const err = request.error;
      settle(() => {
        if (upgrade) {
          const { from, failedStep, error } = upgrade;
          const cause = error ?? err;
          const where = failedStep ? `step v${failedStep.version} (${failedStep.description})` : 'the upgrade transaction';
          reject(
            new StorageError('upgrade-failed', {
              cause,
              detail: `upgrade ${name} v${from} → v${version} failed in ${where}: ${String((cause as Error | null)?.message ?? cause)}`,
            }),
          );
        } else {
          reject(toStorageError(err, 'open'));
        }
      });
    });
  });
}

export interface IndexDump {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface StoreDump {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexDump[];
  /** Raw records as stored (not validated). */
  records: unknown[];
}

/** Everything in the database, raw: the format of tests/fixtures/shortlist-db/v*.json. */
export interface DbDump {
  version: number;
  stores: Record<string, StoreDump>;
}

/**
 * Reads the whole database as stored, at whatever version it is, without upgrading it. Returns null
 * when there is no database. Meant as the last-resort backup when an upgrade fails (export the raw
 * records so nothing is lost) and to write fixtures.
 */
export function dumpShortlistDb(options: { indexedDB?: IDBFactory; name?: string } = {}): Promise<DbDump | null> {
  return new Promise<DbDump | null>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = getFactory(options).open(options.name ?? DB_NAME);
    } catch (err) {
      reject(toStorageError(err, 'open'));
      return;
    }
    let missing = false;
    request.addEventListener('upgradeneeded', () => {
      // No database yet: opening without a version would create an empty v1 one. Abort instead.
      missing = true;
      request.transaction?.abort();
    });
    request.addEventListener('error', (event) => {
      event.preventDefault();
      if (missing) resolve(null);
      else reject(toStorageError(request.error, 'open'));
    });
    request.addEventListener('success', () => {
      const db = request.result;
      const names = Array.from(db.objectStoreNames);
      const dump: DbDump = { version: db.version, stores: {} };
      if (names.length === 0) {
        db.close();
        resolve(dump);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      for (const storeName of names) {
        const store = tx.objectStore(storeName);
        const indexes = Array.from(store.indexNames)
          .sort()
          .map((indexName): IndexDump => {
            const index = store.index(indexName);
            return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          });
        const storeDump: StoreDump = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records: [] };
        dump.stores[storeName] = storeDump;
        const get = store.getAll();
        get.onsuccess = () => {
          storeDump.records = get.result;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(dump);
      };
      tx.onabort = () => {
        db.close();
        reject(toStorageError(tx.error ?? new DOMException('dump aborted', 'AbortError')));
      };
    });
  });
}
