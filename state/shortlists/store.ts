// The shortlists as the panel sees them: ONE ShortlistDb per page (opened by <ShortlistsProvider>, see
// ./context.tsx), kept live from every window through subscribeToChanges. Every read and write of the
// shortlists goes through this class, import and export included. Every action rejects only with StorageError.
// Plain TypeScript: no Preact here; the hooks are in ./context.tsx.
import type { DbDump, ItemField, ItemPatch, ShortlistDb, WriteAllInput, WriteAllOptions, UnreadableRecord } from '@/lib/shortlist';
// Not the '@/lib/shortlist' index: the repository (with idb) is a chunk loaded when the store starts, after
// the panel's first screen (docs/architecture.md, "Data loading").
import { isItemConflict } from '@/lib/shortlist/conflict';
import { StorageError, toStorageError } from '@/lib/shortlist/errors';
import { requestPersistence as defaultRequestPersistence } from '@/lib/shortlist/persistence';
import { subscribeToChanges } from '@/lib/shortlist/sync';
import type { CustomClinicInput } from '@/lib/shortlist/input';
import type { Records, SavedRecords } from '@/lib/shortlist/records';
import type { CustomClinic, Quote, Shortlist, ShortlistItem, StoredShortlistItem } from '@/lib/shortlist/schema';
import { UNTRACKED, hasUnseen, startTracking, trackingKey } from '@/lib/changes/unseen';
import type { ChangeCheckDeps } from '@/lib/changes/deps';

// The comparison (lib/changes/check.ts → reconcile, diff) is a chunk loaded when a check, "Mark as seen" or a
// count runs, after the panel has shown what it opened on; the start-up code holds only lib/changes/unseen.ts.
const changeCheck = () => import('@/lib/changes/check');

const openShortlistDb = () => import('@/lib/shortlist/repository').then((m) => m.openShortlistDb());
const dumpShortlistDb = () => import('@/lib/shortlist/db').then((m) => m.dumpShortlistDb());

/** Lists deleted longer ago than this are removed for good when a page opens the shortlists. */
export const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export interface ShortlistsSnapshot {
  /** 'error': storage could not be opened (see `error`); actions still try to open it again. */
  status: 'loading' | 'ready' | 'error';
  /** Why storage could not be opened or read. */
  error: StorageError | null;
  /** The last failed write of a kind the user must know about beyond the control that failed (quota, unavailable…). */
  writeError: StorageError | null;
  /** Lists that are not deleted, oldest first: the first is the default list. */
  lists: readonly Shortlist[];
  /** Soft-deleted lists, most recently deleted first ("Recently deleted"). */
  deleted: readonly Shortlist[];
  /** Items of every list (deleted ones too), in display order, each with the revision it was read at. */
  items: ReadonlyMap<string, readonly StoredShortlistItem[]>;
  /** Stored records that fail today's schema: set aside (never shown, changed or purged), offered raw for download. */
  unreadable: readonly UnreadableRecord[];
}

const EMPTY_ITEMS: ReadonlyMap<string, readonly StoredShortlistItem[]> = new Map();
const INITIAL: ShortlistsSnapshot = { status: 'loading', error: null, writeError: null, lists: [], deleted: [], items: EMPTY_ITEMS, unreadable: [] };

/**
 * A write of user text: the patch plus the revision of the item as the caller read it (required, so no
 * UI write can silently replace another window's newer text).
 */
export type ItemUpdate = ItemPatch & { expectedRevision: number };

/**
 * The values of the patched fields as the caller read them (at `expectedRevision`). With it, a conflict
 * caused only by another window changing OTHER fields (or other checklist questions) is not one: the
 * write is repeated against the new revision. Without it every revision change is a conflict.
 */
export type ItemBase = Partial<Pick<StoredShortlistItem, ItemField>>;

/** What the card needs to add a dataset provider. */
export interface ProviderRef {
  id: string;
  name: string;
  website: string | null;
}

export type { CustomClinicInput };

export interface ShortlistStoreOptions {
  /** Opens the database; tests inject `() => openShortlistDb({ indexedDB: new IDBFactory(), channelName })`. */
  open?: () => Promise<ShortlistDb>;
  /** Must match the channel the opened db broadcasts on (tests isolate with it). */
  channelName?: string;
  requestPersistence?: () => Promise<boolean>;
  purgeAfterMs?: number;
  /** Reads the raw database for the fallback export (default dumpShortlistDb); tests inject a dump. */
  dump?: () => Promise<DbDump | null>;
  /**
   * Change tracking (state/changes.ts panelChangeDeps in the panel): with it, the store runs the change
   * check when it opens and after an import, takes the facts snapshot when a provider is added, and
   * offers markSeen. Without it (most tests) none of that happens.
   */
  changes?: (db: ShortlistDb) => ChangeCheckDeps;
}

/** Kinds that say something about storage as a whole, not about the one control that failed. */
const STORAGE_WIDE = new Set<StorageError['kind']>(['quota', 'unavailable', 'blocked', 'upgrade-failed']);

function sameList(a: Shortlist, b: Shortlist): boolean {
  return a.id === b.id && a.updatedAt === b.updatedAt && a.deletedAt === b.deletedAt && a.name === b.name;
}

function sameItem(a: StoredShortlistItem, b: StoredShortlistItem): boolean {
  return (
    a.id === b.id &&
    a.updatedAt === b.updatedAt &&
    a.revision === b.revision &&
    a.position === b.position &&
    a.shortlistId === b.shortlistId &&
    trackingKey(a) === trackingKey(b) // the change check writes without touching updatedAt or revision
  );
}

/** Structural equality of JSON-like values (key order ignored; undefined and null alike). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether another window changed any of the values this write is about since `base` was read. */
function changedSince(stored: StoredShortlistItem, patch: ItemPatch, base: ItemBase): boolean {
  for (const field of ['notes', 'status', 'quote', 'plan'] as const) {
    if (patch[field] === undefined) continue;
    if (!(field in base) || !sameValue(stored[field], base[field])) return true;
  }
  if (patch.answers !== undefined) {
    // Answers are merged per question: only the questions this write touches matter.
    if (!base.answers) return true;
    for (const q of Object.keys(patch.answers)) if (!sameValue(stored.answers[q], base.answers[q])) return true;
  }
  return false;
}

/** Reuses unchanged records and arrays from `prev`, so memoised rows skip re-rendering. */
function share<T>(prev: readonly T[] | undefined, next: readonly T[], same: (a: T, b: T) => boolean): readonly T[] {
  if (!prev) return next;
  const byId = new Map(prev.map((r) => [(r as { id: string }).id, r]));
  let changed = prev.length !== next.length;
  const out = next.map((r, i) => {
    const old = byId.get((r as { id: string }).id);
    const kept = old !== undefined && same(old, r) ? old : r;
    if (kept !== prev[i]) changed = true;
    return kept;
  });
  return changed ? out : prev;
}

function errorOf(err: unknown): StorageError {
  return err instanceof StorageError ? err : toStorageError(err);
}

/** The first item of this provider (non-deleted lists, oldest first) with unseen changes, for the card's notice. */
export function unseenItemOf(snapshot: ShortlistsSnapshot, providerId: string): ShortlistItem | null {
  for (const list of snapshot.lists) {
    const item = (snapshot.items.get(list.id) ?? []).find((i) => i.providerId === providerId && hasUnseen(i));
    if (item) return item;
  }
  return null;
}

/** The non-deleted lists each provider is on, oldest list first; cached per snapshot. */
const membershipCache = new WeakMap<ShortlistsSnapshot, Map<string, Shortlist[]>>();
export function membershipOf(snapshot: ShortlistsSnapshot, providerId: string): Shortlist[] {
  let index = membershipCache.get(snapshot);
  if (!index) {
    index = new Map();
    for (const list of snapshot.lists) {
      for (const item of snapshot.items.get(list.id) ?? []) {
        if (item.providerId === null) continue;
        const on = index.get(item.providerId);
        if (on) {
          if (on[on.length - 1] !== list) on.push(list);
        } else index.set(item.providerId, [list]);
      }
    }
    membershipCache.set(snapshot, index);
  }
  return index.get(providerId) ?? [];
}

/** Notes typed but not saved yet, with the stored text and revision they were typed over. */
export interface NoteDraft {
  text: string;
  base: string;
  revision: number;
}

export class ShortlistStore {
  readonly #options: Required<Omit<ShortlistStoreOptions, 'channelName' | 'changes'>> & {
    channelName: string | undefined;
    changes: ShortlistStoreOptions['changes'];
  };
  #snapshot: ShortlistsSnapshot = INITIAL;
  readonly #listeners = new Set<() => void>();
  #db: Promise<ShortlistDb> | null = null;
  #unsubscribe: (() => void) | null = null;
  #started: Promise<void> | null = null;
  #stopped = false;
  /** Counts this page's completed writes, so a read that started before one is never shown. */
  #writes = 0;
  #reload: Promise<void> | null = null;
  #reloadAgain = false;
  #persistenceAsked = false;
  /**
   * Text typed but not saved yet (a failed save, a save still pending when its field went away), kept for
   * the life of the page so collapsing an item or switching views never drops it. Keyed by item id.
   */
  readonly noteDrafts = new Map<string, NoteDraft>();
  /** The "Add a clinic yourself" form as typed, until it is added or cancelled. */
  customClinicDraft: Record<string, string> | null = null;

  constructor(options: ShortlistStoreOptions = {}) {
    this.#options = {
      open: options.open ?? (() => openShortlistDb()),
      channelName: options.channelName,
      requestPersistence: options.requestPersistence ?? defaultRequestPersistence,
      purgeAfterMs: options.purgeAfterMs ?? PURGE_AFTER_MS,
      dump: options.dump ?? (() => dumpShortlistDb()),
      changes: options.changes,
    };
  }

  get snapshot(): ShortlistsSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(patch: Partial<ShortlistsSnapshot>): void {
    if (this.#stopped) return;
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const l of this.#listeners) l();
  }

  /** Opens storage, purges lists deleted over 30 days ago, loads, and starts following other windows. Idempotent. */
  start(): Promise<void> {
    if (!this.#started) {
      this.#unsubscribe = subscribeToChanges(
        (change) => {
          void this.#db?.then(
            (db) => {
              if (change.source !== db.connectionId) void this.reload();
            },
            () => void this.reload(),
          );
        },
        { channelName: this.#options.channelName },
      );
      this.#started = this.#connect().then(
        () => undefined,
        () => undefined,
      );
    }
    return this.#started;
  }

  /** Closes the connection and stops following changes. */
  stop(): void {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#db?.then((db) => db.close()).catch(() => {});
  }

  /** Tries to open storage again (after "unavailable", "blocked"…). */
  async retry(): Promise<void> {
    this.#db = null;
    this.#set({ status: 'loading', error: null });
    await this.#connect().catch(() => {});
  }

  async #connect(): Promise<ShortlistDb> {
    const db = await this.#getDb();
    try {
      await db.purgeDeleted(this.#options.purgeAfterMs);
    } catch {
      // Purging is housekeeping; the lists are still there to show.
    }
    await this.reload();
    void this.checkChanges();
    return db;
  }

  /**
   * The change check (lib/changes/check.ts): compares shortlisted providers with their snapshots when the
   * dataset changed since the last check (background or panel, whichever came first), or when some item
   * has no snapshot yet (saved before tracking, imported from an older file). Never throws.
   */
  async checkChanges(): Promise<void> {
    const deps = this.#options.changes;
    if (!deps || this.#stopped) return;
    try {
      const db = await this.#getDb();
      const { checkForChanges, needsSnapshot } = await changeCheck();
      const force = needsSnapshot([...this.#snapshot.items.values()].flat());
      const { compared } = await checkForChanges(deps(db), { force });
      if (compared) {
        this.#writes++;
        await this.reload();
      }
    } catch {
      // The badge and notices simply stay as they were; the next start tries again.
    }
  }

  /**
   * "Mark as seen" for these items (pass every item of the provider, so one click clears it on every list):
   * the snapshot becomes the current facts, the old values stay in each item's history.
   */
  markSeen(item: ShortlistItem): Promise<void> {
    const deps = this.#options.changes;
    const all = [...this.#snapshot.items.values()].flat();
    const ids = item.providerId === null ? [item.id] : all.filter((i) => i.providerId === item.providerId && hasUnseen(i)).map((i) => i.id);
    return this.#write(async (db) => {
      if (deps) await (await changeCheck()).markChangesSeen(deps(db), ids.includes(item.id) ? ids : [...ids, item.id]);
    });
  }

  #getDb(): Promise<ShortlistDb> {
    if (this.#db) return this.#db;
    const p = (async () => {
      try {
        return await this.#options.open();
      } catch (err) {
        throw toStorageError(err, 'open');
      }
    })();
    this.#db = p;
    p.catch((err: unknown) => {
      if (this.#db === p) this.#db = null; // the next action tries again
      this.#set({ status: 'error', error: errorOf(err) });
    });
    return p;
  }

  /** Re-reads everything (coalesced); a read overtaken by one of this page's writes is read again. */
  reload(): Promise<void> {
    this.#reloadAgain = true;
    if (!this.#reload) {
      this.#reload = (async () => {
        try {
          for (let round = 0; this.#reloadAgain && round < 10; round++) {
            this.#reloadAgain = false;
            const writesBefore = this.#writes;
            const db = await this.#getDb();
            const [lists, deleted] = await Promise.all([db.listShortlists(), db.listDeletedShortlists()]);
            const [entries, unreadable] = await Promise.all([
              Promise.all([...lists, ...deleted].map(async (l) => [l.id, await db.listItems(l.id)] as const)),
              db.listUnreadable().catch(() => this.#snapshot.unreadable),
            ]);
            if (this.#writes !== writesBefore) {
              this.#reloadAgain = true;
              continue;
            }
            const prev = this.#snapshot;
            const items = new Map<string, readonly StoredShortlistItem[]>();
            for (const [id, list] of entries) items.set(id, share(prev.items.get(id), list, sameItem));
            this.#set({
              status: 'ready',
              error: null,
              lists: share(prev.lists, lists, sameList),
              deleted: share(prev.deleted, deleted, sameList),
              items,
              unreadable: unreadable.length === 0 && prev.unreadable.length === 0 ? prev.unreadable : unreadable,
            });
          }
        } catch (err) {
          const error = errorOf(err);
          // Keep showing what was read before; say why it can't be refreshed.
          if (this.#snapshot.status === 'ready') this.#set({ writeError: error });
          else this.#set({ status: 'error', error });
        } finally {
          this.#reload = null;
        }
      })();
    }
    return this.#reload;
  }

  /** Runs one write; `local` applies its result at once (no re-read), otherwise everything is re-read. */
  async #write<T>(run: (db: ShortlistDb) => Promise<T>, local?: (result: T) => boolean): Promise<T> {
    let result: T;
    try {
      const db = await this.#getDb();
      result = await run(db);
    } catch (err) {
      const error = errorOf(err);
      if (STORAGE_WIDE.has(error.kind)) this.#set({ writeError: error });
      throw error;
    }
    this.#writes++;
    if (this.#snapshot.writeError) this.#set({ writeError: null });
    if (!local?.(result)) await this.reload();
    return result;
  }

  #totalItems(): number {
    let n = 0;
    for (const list of this.#snapshot.lists) n += this.#snapshot.items.get(list.id)?.length ?? 0;
    return n;
  }

  /** Asks the browser to keep storage (navigator.storage.persist) once, on the first item ever added. */
  #askPersistence(): void {
    if (this.#persistenceAsked || this.#totalItems() > 0) return;
    this.#persistenceAsked = true;
    void this.#options.requestPersistence().catch(() => false);
  }

  /** Adds a dataset provider to `listId`, or to the default list (created if there is none). */
  addProvider(provider: ProviderRef, listId?: string): Promise<StoredShortlistItem> {
    this.#askPersistence(); // synchronously, inside the click
    return this.#write(async (db) => {
      const target = listId ?? (await db.ensureDefaultShortlist()).id;
      // The decision facts as the user sees them now: what later changes are compared with.
      const deps = this.#options.changes?.(db);
      // In memory when the card was shown (nearly always); otherwise the packaged file. Not to be had: none,
      // and the next check takes the snapshot ("since <date>").
      const current = deps ? (deps.peekFacts?.(provider.id) ?? (await deps.loadFacts().then((f) => f(provider.id), () => undefined))) : undefined;
      const facts = deps ? startTracking(current, deps.version, Date.now()).facts : null;
      const item = await db.addItem(target, {
        providerId: provider.id,
        snapshot: { name: provider.name.slice(0, 200), website: provider.website },
        custom: null,
        facts,
      });
      void this.#recordUnseen(); // not awaited: the add is done
      return item;
    });
  }

  /** Stores the badge's count with this dataset version (see lib/changes/check.ts recount); never throws. */
  async #recordUnseen(): Promise<void> {
    const deps = this.#options.changes;
    if (!deps || this.#stopped) return;
    try {
      const db = await this.#getDb();
      await (await changeCheck()).recount(deps(db));
    } catch {
      // The next check stores it.
    }
  }

  /** Adds a clinic the user typed in, with its quote and notes, in one transaction. */
  addCustom(input: CustomClinicInput, listId?: string): Promise<ShortlistItem> {
    this.#askPersistence();
    return this.#write(async (db) => {
      const target = listId ?? (await db.ensureDefaultShortlist()).id;
      const existing = await db.listItems(target);
      const last = existing[existing.length - 1];
      const now = Date.now();
      const item: ShortlistItem = {
        id: crypto.randomUUID(),
        shortlistId: target,
        providerId: null,
        snapshot: { name: input.custom.name, website: input.custom.website },
        custom: input.custom,
        status: 'considering',
        notes: input.notes,
        quote: input.quote,
        answers: {},
        plan: null,
        position: last ? Math.floor(last.position) + 1 : 0,
        createdAt: now,
        updatedAt: now,
        ...UNTRACKED, // nothing to compare a clinic of the user's own with
        changeHistory: [],
      };
      await db.writeAll({ shortlists: [], items: [item] }); // validates; all or nothing
      return item;
    });
  }

  /**
   * Replaces the clinic details of one of the user's own entries ("Save this site" on a site saved before),
   * keeping its status and answers; notes typed in the form are added below the existing ones, a quote
   * typed there replaces the old one. Written through writeAll: validated, one transaction, and the item's
   * revision goes up, so a window editing it meanwhile gets a conflict rather than a silent overwrite.
   */
  updateCustom(itemId: string, custom: CustomClinic, add: { notes: string; quote: Quote | null } = { notes: '', quote: null }): Promise<ShortlistItem> {
    return this.#write(async (db) => {
      const current = [...this.#snapshot.items.values()].flat().find((i) => i.id === itemId);
      const fresh = current ? (await db.listItems(current.shortlistId)).find((i) => i.id === itemId) : undefined;
      if (!fresh || fresh.providerId !== null) {
        throw new StorageError('invalid', { field: 'id', message: 'That entry is no longer on your shortlist. Nothing was changed.', detail: `item ${itemId} not found` });
      }
      const notes = add.notes.trim() === '' ? fresh.notes : fresh.notes.trim() === '' ? add.notes : `${fresh.notes}\n\n${add.notes}`;
      const item: ShortlistItem = {
        ...fresh,
        custom,
        snapshot: { name: custom.name, website: custom.website },
        notes,
        quote: add.quote ?? fresh.quote,
        updatedAt: Date.now(),
      };
      await db.writeAll({ shortlists: [], items: [item] });
      return item;
    });
  }

  createList(name: string): Promise<Shortlist> {
    return this.#write((db) => db.createShortlist(name));
  }

  renameList(id: string, name: string): Promise<Shortlist> {
    return this.#write((db) => db.renameShortlist(id, name));
  }

  deleteList(id: string): Promise<Shortlist> {
    return this.#write((db) => db.deleteShortlist(id));
  }

  restoreList(id: string): Promise<Shortlist> {
    return this.#write((db) => db.restoreShortlist(id));
  }

  /**
   * Saves user text written over `patch.expectedRevision`. When another window saved first, nothing is
   * written and this rejects with ItemConflictError (isItemConflict; it holds both versions) for the UI to
   * show; with `base`, a revision change that did not touch these values is not a conflict (see ItemBase).
   */
  updateItem(id: string, patch: ItemUpdate, base?: ItemBase): Promise<StoredShortlistItem> {
    return this.#write(
      async (db) => {
        let expectedRevision = patch.expectedRevision;
        for (let attempt = 0; ; attempt++) {
          try {
            return await db.updateItem(id, { ...patch, expectedRevision });
          } catch (err) {
            if (!isItemConflict(err) || !base || attempt >= 3 || changedSince(err.stored, patch, base)) throw err;
            expectedRevision = err.stored.revision; // only other fields changed: nothing of theirs is replaced
          }
        }
      },
      (item) => this.#replaceItem(item),
    );
  }

  #replaceItem(item: StoredShortlistItem): boolean {
    const list = this.#snapshot.items.get(item.shortlistId);
    const i = list?.findIndex((x) => x.id === item.id) ?? -1;
    if (!list || i === -1) return false;
    const next = [...list];
    next[i] = item;
    const items = new Map(this.#snapshot.items);
    items.set(item.shortlistId, next);
    this.#set({ items });
    return true;
  }

  /** Removes an item; returns it so restoreItem can undo. */
  removeItem(id: string): Promise<StoredShortlistItem | null> {
    return this.#write((db) => db.removeItem(id));
  }

  /** Puts a removed item back exactly as it was (same id, place, notes). */
  restoreItem(item: ShortlistItem | StoredShortlistItem): Promise<void> {
    return this.#write(async (db) => {
      await db.writeAll({ shortlists: [], items: [item] });
    });
  }

  moveItem(id: string, toIndex: number): Promise<StoredShortlistItem> {
    return this.#write((db) => db.moveItem(id, toIndex));
  }

  /**
   * Every list (trash included) and every item, read now from storage rather than from the snapshot: the
   * import preview compares against this, and reads it again at Confirm to notice another window's change.
   */
  async readRecords(): Promise<Records> {
    const db = await this.#getDb();
    const [lists, deleted] = await Promise.all([db.listShortlists(), db.listDeletedShortlists()]);
    const shortlists = [...lists, ...deleted];
    const items = (await Promise.all(shortlists.map((l) => db.listItems(l.id)))).flat();
    return { shortlists, items };
  }

  /** Writes an import's records (lib/export applyImportChoices) in one all-or-nothing transaction. */
  async importRecords(records: WriteAllInput, options?: WriteAllOptions): Promise<{ shortlists: number; items: number }> {
    const result = await this.#write((db) => db.writeAll(records, options));
    void this.checkChanges(); // imported items from an older file get their snapshot now
    return result;
  }

  /**
   * When storage cannot be opened normally (status 'error'): what is saved, read straight from the database
   * and validated record by record, so it can still be exported. Null when nothing was ever saved.
   */
  readSaved(): Promise<SavedRecords | null> {
    return import('@/lib/shortlist/records').then((m) => m.readSavedRecords(this.#options.dump));
  }
}
