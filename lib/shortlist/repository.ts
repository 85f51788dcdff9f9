// The shortlist repository: every user action is exactly one IndexedDB transaction in which only
// IndexedDB requests are awaited (an idb transaction commits as soon as the microtask queue empties,
// so awaiting anything else would commit half a change). Records are validated with the zod schemas
// before they are written; after each committed write a ShortlistChange is broadcast.
import type { IDBPTransaction } from 'idb';
import type { Answer, CustomClinic, ItemStatus, PlanOptions, Quote, Shortlist, ShortlistItem } from './schema';
import { openConnection, type OpenConnectionOptions, type ShortlistConnection, type ShortlistDbSchema } from './db';
import { StorageError, errorName, toStorageError } from './errors';
import { broadcastChange, SHORTLIST_CHANNEL } from './sync';
import { notFound, validate } from './validate';

type Stores = ('shortlists' | 'items')[];
type Tx<M extends 'readonly' | 'readwrite'> = IDBPTransaction<ShortlistDbSchema, Stores, M>;
// Every transaction spans both stores: writes are rare user actions, and serialising all of them
// keeps cross-store invariants (an item's list exists and isn't deleted) simple.
const STORES: Stores = ['shortlists', 'items'];

/** Below this gap between neighbours, moveItem renumbers the list (doubles run out of midpoints). */
export const MIN_POSITION_GAP = 1e-9;

export const DEFAULT_SHORTLIST_NAME = 'My shortlist';

export interface OpenShortlistDbOptions extends OpenConnectionOptions {
  /** BroadcastChannel name for change notifications (default SHORTLIST_CHANNEL); tests isolate with it. */
  channelName?: string;
  /** Clock (ms since epoch); tests inject one for purgeDeleted. */
  now?: () => number;
}

/** What addItem needs; the rest of the item starts empty. */
export interface NewItem {
  /** Dataset provider id; null for a clinic the user entered by hand (then `custom` is required). */
  providerId: string | null;
  snapshot: ShortlistItem['snapshot'];
  custom: CustomClinic | null;
}

/** The fields updateItem changes; omitted fields are left as they are. */
export interface ItemPatch {
  notes?: string;
  status?: ItemStatus;
  quote?: Quote | null;
  /**
   * Merged per question id into the stored answers (null removes one), so two windows answering
   * different questions never overwrite each other.
   */
  answers?: Record<string, Answer | null>;
  plan?: PlanOptions | null;
}

export interface ProviderMembership {
  shortlist: Shortlist;
  item: ShortlistItem;
}

/** Input of writeAll: records are validated, so untrusted (imported) data can be passed as is. */
export interface WriteAllInput {
  shortlists: readonly unknown[];
  items: readonly unknown[];
}

class Changes {
  readonly shortlistIds = new Set<string>();
  readonly itemIds = new Set<string>();
  get empty(): boolean {
    return this.shortlistIds.size === 0 && this.itemIds.size === 0;
  }
}

// The zod schemas (and zod itself, the larger part of the panel's code) load with the first write, not at
// start-up: a panel that only shows a card and reads the shortlists never needs them. Every write awaits
// `schemas()` before it opens its transaction, so validation inside the transaction stays synchronous.
type Schemas = typeof import('./schema') & { NewItemInput: ReturnType<typeof pickNewItem> };
const pickNewItem = (m: typeof import('./schema')) => m.ShortlistItem.pick({ providerId: true, snapshot: true, custom: true });
let loadedSchemas: Schemas | null = null;
let loadingSchemas: Promise<Schemas> | null = null;

/** Loads the validation schemas once (a separate chunk in the extension). */
export function schemas(): Promise<Schemas> {
  if (loadedSchemas) return Promise.resolve(loadedSchemas);
  loadingSchemas ??= import('./schema').then(
    (m) => (loadedSchemas = { ...m, NewItemInput: pickNewItem(m) }),
    (err: unknown) => {
      loadingSchemas = null;
      throw toStorageError(err);
    },
  );
  return loadingSchemas;
}

/** The schemas inside a write (which has awaited `schemas()`). */
function S(): Schemas {
  if (!loadedSchemas) throw new StorageError('unknown', { detail: 'validation schemas used before they were loaded' });
  return loadedSchemas;
}

function listRange(shortlistId: string): IDBKeyRange {
  return IDBKeyRange.bound([shortlistId, -Infinity], [shortlistId, Infinity]);
}

function byCreated(a: Shortlist, b: Shortlist): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Issues all puts before awaiting any, and never leaves a rejected request promise unobserved. */
async function putAll<S extends 'shortlists' | 'items'>(
  tx: Tx<'readwrite'>,
  storeName: S,
  values: readonly ShortlistDbSchema[S]['value'][],
): Promise<void> {
  const store = tx.objectStore(storeName);
  const pending: Promise<unknown>[] = [];
  try {
    for (const value of values) pending.push(store.put(value));
  } catch (err) {
    for (const p of pending) p.catch(() => {});
    throw err;
  }
  await Promise.all(pending);
}

async function runInTransaction<M extends 'readonly' | 'readwrite', T>(
  tx: Tx<M>,
  body: (tx: Tx<M>) => Promise<T>,
): Promise<T> {
  const done = tx.done;
  done.catch(() => {}); // observed below; avoid an unhandled rejection while the body runs
  let result: T;
  try {
    result = await body(tx);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already aborted (a failed request aborts it) or finished
    }
    await done.catch(() => {});
    // A quota failure shows up as AbortError on the request and QuotaExceededError on the transaction.
    throw err instanceof StorageError ? err : toStorageError(tx.error ?? err);
  }
  try {
    await done;
  } catch (err) {
    throw toStorageError(tx.error ?? err);
  }
  return result;
}

/**
 * A handle on the shortlist database. Get one with openShortlistDb(); one per page is enough.
 * Every method rejects only with StorageError. If the browser or another page closes the
 * connection, the next call reopens it.
 */
export class ShortlistDb {
  /** Identifies this handle's writes in ShortlistChange.source. */
  readonly connectionId: string = crypto.randomUUID();
  readonly #options: OpenShortlistDbOptions;
  readonly #now: () => number;
  #conn: Promise<ShortlistConnection> | null = null;
  #closed = false;

  constructor(options: OpenShortlistDbOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Opens the connection now (creating or upgrading the database), so open errors surface early. */
  async ready(): Promise<void> {
    await this.#connection();
  }

  /** Closes the connection; the handle can't be used afterwards. */
  close(): void {
    this.#closed = true;
    const conn = this.#conn;
    this.#conn = null;
    conn?.then((c) => c.close()).catch(() => {});
  }

  #connection(): Promise<ShortlistConnection> {
    if (this.#closed) {
      return Promise.reject(new StorageError('unknown', { detail: 'ShortlistDb used after close()' }));
    }
    if (this.#conn) return this.#conn;
    const { onClose } = this.#options;
    const p: Promise<ShortlistConnection> = openConnection({
      ...this.#options,
      onClose: (reason) => {
        if (this.#conn === p) this.#conn = null;
        onClose?.(reason);
      },
    });
    this.#conn = p;
    p.catch(() => {
      if (this.#conn === p) this.#conn = null; // let the next call try again
    });
    return p;
  }

  async #transact<M extends 'readonly' | 'readwrite', T>(mode: M, body: (tx: Tx<M>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const pending = this.#connection();
      const conn = await pending;
      let tx: Tx<M>;
      try {
        tx = conn.transaction(STORES, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
      } catch (err) {
        // The connection was closed under us (versionchange, browser): reopen once.
        if (attempt === 0 && errorName(err) === 'InvalidStateError') {
          if (this.#conn === pending) this.#conn = null;
          conn.close();
          continue;
        }
        throw toStorageError(err);
      }
      return runInTransaction(tx, body);
    }
  }

  #read<T>(body: (tx: Tx<'readonly'>) => Promise<T>): Promise<T> {
    return this.#transact('readonly', body);
  }

  async #write<T>(body: (tx: Tx<'readwrite'>, changes: Changes) => Promise<T>): Promise<T> {
    await schemas(); // before the transaction: nothing but IndexedDB may be awaited inside it
    const changes = new Changes();
    const result = await this.#transact('readwrite', (tx) => body(tx, changes));
    if (!changes.empty) {
      broadcastChange(
        {
          type: 'shortlists-changed',
          source: this.connectionId,
          shortlistIds: [...changes.shortlistIds],
          itemIds: [...changes.itemIds],
          at: this.#now(),
        },
        this.#options.channelName ?? SHORTLIST_CHANNEL,
      );
    }
    return result;
  }

  /** updatedAt for a record touched now: never goes backwards, always moves forward. */
  #touch(previous: number): number {
    return Math.max(Math.floor(this.#now()), previous + 1);
  }

  // ---- shortlists ----

  /** Lists that aren't deleted, oldest first. */
  async listShortlists(): Promise<Shortlist[]> {
    return this.#read(async (tx) =>
      (await tx.objectStore('shortlists').getAll()).filter((l) => l.deletedAt === null).sort(byCreated),
    );
  }

  /** Soft-deleted lists (for an "undo" / "recently deleted" view), most recently deleted first. */
  async listDeletedShortlists(): Promise<Shortlist[]> {
    return this.#read(async (tx) =>
      (await tx.objectStore('shortlists').getAll())
        .filter((l) => l.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
    );
  }

  async createShortlist(name: string): Promise<Shortlist> {
    await schemas();
    const now = Math.floor(this.#now());
    const list = validate(S().Shortlist, { id: crypto.randomUUID(), name, createdAt: now, updatedAt: now, deletedAt: null });
    return this.#write(async (tx, changes) => {
      await tx.objectStore('shortlists').add(list);
      changes.shortlistIds.add(list.id);
      return list;
    });
  }

  async renameShortlist(id: string, name: string): Promise<Shortlist> {
    return this.#updateList(id, (list) => ({ ...list, name }));
  }

  /** Soft delete: sets deletedAt and keeps the items, so restoreShortlist can undo it. */
  async deleteShortlist(id: string): Promise<Shortlist> {
    return this.#updateList(id, (list) => (list.deletedAt === null ? { ...list, deletedAt: Math.floor(this.#now()) } : null));
  }

  async restoreShortlist(id: string): Promise<Shortlist> {
    return this.#updateList(id, (list) => (list.deletedAt === null ? null : { ...list, deletedAt: null }));
  }

  /** `change` returns the new list, or null for "nothing to do". */
  #updateList(id: string, change: (list: Shortlist) => Shortlist | null): Promise<Shortlist> {
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('shortlists');
      const list = await store.get(id);
      if (!list) throw notFound('shortlist', id);
      const next = change(list);
      if (next === null) return list;
      const valid = validate(S().Shortlist, { ...next, updatedAt: this.#touch(list.updatedAt) });
      await store.put(valid);
      changes.shortlistIds.add(id);
      return valid;
    });
  }

  /**
   * Permanently removes lists deleted at least `olderThanMs` ago, with their items.
   * Returns how many lists and items were removed.
   */
  async purgeDeleted(olderThanMs: number): Promise<{ shortlists: number; items: number }> {
    if (!Number.isFinite(olderThanMs) || olderThanMs < 0) {
      throw new StorageError('invalid', { field: 'olderThanMs', detail: `purgeDeleted(${olderThanMs})` });
    }
    const cutoff = this.#now() - olderThanMs;
    return this.#write(async (tx, changes) => {
      const lists = tx.objectStore('shortlists');
      const items = tx.objectStore('items');
      const doomed = (await lists.getAll()).filter((l) => l.deletedAt !== null && l.deletedAt <= cutoff);
      let itemCount = 0;
      for (const list of doomed) {
        const keys = await items.index('shortlistId').getAllKeys(list.id);
        await Promise.all([...keys.map((k) => items.delete(k)), lists.delete(list.id)]);
        itemCount += keys.length;
        changes.shortlistIds.add(list.id);
        for (const k of keys) changes.itemIds.add(k);
      }
      return { shortlists: doomed.length, items: itemCount };
    });
  }

  /** Creates "My shortlist" when there is no (non-deleted) list; returns the first list otherwise. */
  async ensureDefaultShortlist(): Promise<Shortlist> {
    await schemas();
    const now = Math.floor(this.#now());
    const fresh = validate(S().Shortlist, {
      id: crypto.randomUUID(),
      name: DEFAULT_SHORTLIST_NAME,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('shortlists');
      const existing = (await store.getAll()).filter((l) => l.deletedAt === null).sort(byCreated)[0];
      if (existing) return existing;
      await store.add(fresh);
      changes.shortlistIds.add(fresh.id);
      return fresh;
    });
  }

  // ---- items ----

  /** A list's items in display order (also for a soft-deleted list, e.g. to preview an undo). */
  async listItems(shortlistId: string): Promise<ShortlistItem[]> {
    return this.#read((tx) => tx.objectStore('items').index('shortlistPosition').getAll(listRange(shortlistId)));
  }

  /**
   * Appends a clinic to a list. A provider already on that list is not added twice: the existing
   * item is returned unchanged.
   */
  async addItem(shortlistId: string, input: NewItem): Promise<ShortlistItem> {
    await schemas();
    const base = validate(S().NewItemInput, input);
    if (base.providerId === null && base.custom === null) {
      throw new StorageError('invalid', {
        field: 'custom',
        message: "This couldn't be saved because the clinic has no details. Nothing was changed.",
        detail: 'addItem: providerId and custom are both null',
      });
    }
    const now = Math.floor(this.#now());
    const id = crypto.randomUUID();
    return this.#write(async (tx, changes) => {
      const list = await tx.objectStore('shortlists').get(shortlistId);
      if (!list) throw notFound('shortlist', shortlistId);
      if (list.deletedAt !== null) {
        throw new StorageError('invalid', {
          field: 'shortlistId',
          message: 'That shortlist was deleted. Restore it first, or add the clinic to another list. Nothing was changed.',
          detail: `addItem to deleted shortlist ${shortlistId}`,
        });
      }
      const items = tx.objectStore('items');
      if (base.providerId !== null) {
        const sameProvider = await items.index('providerId').getAll(base.providerId);
        const existing = sameProvider.find((i) => i.shortlistId === shortlistId);
        if (existing) return existing;
      }
      const last = await items.index('shortlistPosition').openCursor(listRange(shortlistId), 'prev');
      const position = last ? Math.floor(last.value.position) + 1 : 0;
      const item = validate(S().ShortlistItem, {
        id,
        shortlistId,
        ...base,
        status: 'considering',
        notes: '',
        quote: null,
        answers: {},
        plan: null,
        position,
        createdAt: now,
        updatedAt: now,
      } satisfies ShortlistItem);
      await items.add(item);
      changes.itemIds.add(item.id);
      changes.shortlistIds.add(shortlistId);
      return item;
    });
  }

  /** Changes notes, status, quote, answers (merged per question) and/or plan; bumps updatedAt. */
  async updateItem(id: string, patch: ItemPatch): Promise<ShortlistItem> {
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const item = await store.get(id);
      if (!item) throw notFound('item', id);
      const next: ShortlistItem = { ...item };
      let touched = false;
      if (patch.notes !== undefined) {
        next.notes = patch.notes;
        touched = true;
      }
      if (patch.status !== undefined) {
        next.status = patch.status;
        touched = true;
      }
      if (patch.quote !== undefined) {
        next.quote = patch.quote;
        touched = true;
      }
      if (patch.plan !== undefined) {
        next.plan = patch.plan;
        touched = true;
      }
      if (patch.answers !== undefined) {
        const answers = new Map(Object.entries(item.answers));
        for (const [question, answer] of Object.entries(patch.answers)) {
          if (answer === null) answers.delete(question);
          else answers.set(question, answer);
        }
        next.answers = Object.fromEntries(answers);
        touched = true;
      }
      if (!touched) return item;
      next.updatedAt = this.#touch(item.updatedAt);
      const valid = validate(S().ShortlistItem, next);
      await store.put(valid);
      changes.itemIds.add(id);
      changes.shortlistIds.add(item.shortlistId);
      return valid;
    });
  }

  /** Removes an item for good; returns it (so the UI can offer undo via writeAll), or null if absent. */
  async removeItem(id: string): Promise<ShortlistItem | null> {
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const item = await store.get(id);
      if (!item) return null;
      await store.delete(id);
      changes.itemIds.add(id);
      changes.shortlistIds.add(item.shortlistId);
      return item;
    });
  }

  /**
   * Moves an item so it ends up at `toIndex` (0-based, clamped) in its list's order. Usually only the
   * moved item is written (its position becomes the midpoint of its new neighbours); when that gap is
   * below MIN_POSITION_GAP the whole list is renumbered 0, 1, 2, … in the same transaction.
   */
  async moveItem(id: string, toIndex: number): Promise<ShortlistItem> {
    if (!Number.isFinite(toIndex)) {
      throw new StorageError('invalid', { field: 'toIndex', detail: `moveItem(${id}, ${toIndex})` });
    }
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const item = await store.get(id);
      if (!item) throw notFound('item', id);
      const list = await store.index('shortlistPosition').getAll(listRange(item.shortlistId));
      const from = list.findIndex((i) => i.id === id);
      const others = list.filter((i) => i.id !== id);
      const to = Math.min(Math.max(Math.trunc(toIndex), 0), others.length);
      if (from === to) return item;
      const prev = others[to - 1]?.position;
      const next = others[to]?.position;
      const updatedAt = this.#touch(item.updatedAt);
      let position: number;
      if (prev === undefined && next === undefined) position = 0;
      else if (prev === undefined) position = Math.floor(next!) - 1;
      else if (next === undefined) position = Math.floor(prev) + 1;
      else position = prev + (next - prev) / 2;

      const gapOk = prev === undefined || next === undefined || (next - prev >= MIN_POSITION_GAP && position > prev && position < next);
      if (gapOk) {
        const moved = validate(S().ShortlistItem, { ...item, position, updatedAt });
        await store.put(moved);
        changes.itemIds.add(id);
        changes.shortlistIds.add(item.shortlistId);
        return moved;
      }
      // Renumber: the final order with the item at `to`, positions 0..n-1. Only the moved item's
      // updatedAt changes (the others weren't touched by the user).
      const order = [...others.slice(0, to), item, ...others.slice(to)];
      const rewritten: ShortlistItem[] = [];
      let moved: ShortlistItem = item;
      order.forEach((entry, index) => {
        if (entry.id === id) {
          moved = validate(S().ShortlistItem, { ...entry, position: index, updatedAt });
          rewritten.push(moved);
        } else if (entry.position !== index) {
          rewritten.push({ ...entry, position: index });
        }
      });
      await putAll(tx, 'items', rewritten);
      for (const entry of rewritten) changes.itemIds.add(entry.id);
      changes.shortlistIds.add(item.shortlistId);
      return moved;
    });
  }

  /** Which (non-deleted) lists contain this provider, oldest list first: for "on your shortlist". */
  async itemsForProvider(providerId: string): Promise<ProviderMembership[]> {
    return this.#read(async (tx) => {
      const items = await tx.objectStore('items').index('providerId').getAll(providerId);
      const lists = tx.objectStore('shortlists');
      const found = await Promise.all(items.map(async (item) => ({ item, shortlist: await lists.get(item.shortlistId) })));
      return found
        .filter((f): f is ProviderMembership => f.shortlist !== undefined && f.shortlist.deletedAt === null)
        .sort((a, b) => byCreated(a.shortlist, b.shortlist));
    });
  }

  // ---- bulk ----

  /**
   * Writes many records in ONE transaction, all or nothing (used by import). Records with an id that
   * already exists replace it. Every record is validated first (the error names the field, e.g.
   * "items[3].notes"); every item's shortlistId must be in the batch or already stored. It does not
   * dedupe by provider: merging is the importer's job.
   */
  async writeAll(input: WriteAllInput): Promise<{ shortlists: number; items: number }> {
    await schemas();
    let lists: Shortlist[];
    let items: ShortlistItem[];
    try {
      lists = input.shortlists.map((l, i) => validate(S().Shortlist, l, `shortlists[${i}]`));
      items = input.items.map((it, i) => validate(S().ShortlistItem, it, `items[${i}]`));
      rejectDuplicateIds('shortlists', lists);
      rejectDuplicateIds('items', items);
    } catch (err) {
      throw toStorageError(err);
    }
    if (lists.length === 0 && items.length === 0) return { shortlists: 0, items: 0 };
    return this.#write(async (tx, changes) => {
      const inBatch = new Set(lists.map((l) => l.id));
      const unknownListIds = [...new Set(items.map((i) => i.shortlistId).filter((sid) => !inBatch.has(sid)))];
      const stored = await Promise.all(unknownListIds.map((sid) => tx.objectStore('shortlists').getKey(sid)));
      const missing = new Set(unknownListIds.filter((_, i) => stored[i] === undefined));
      const orphan = items.findIndex((i) => missing.has(i.shortlistId));
      if (orphan !== -1) {
        throw new StorageError('invalid', {
          field: `items[${orphan}].shortlistId`,
          message: "This couldn't be saved because a clinic belongs to a shortlist that isn't there. Nothing was changed.",
          detail: `items[${orphan}].shortlistId ${items[orphan]!.shortlistId} not found`,
        });
      }
      await Promise.all([putAll(tx, 'shortlists', lists), putAll(tx, 'items', items)]);
      for (const l of lists) changes.shortlistIds.add(l.id);
      for (const i of items) {
        changes.itemIds.add(i.id);
        changes.shortlistIds.add(i.shortlistId);
      }
      return { shortlists: lists.length, items: items.length };
    });
  }
}

function rejectDuplicateIds(what: 'shortlists' | 'items', records: readonly { id: string }[]): void {
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (seen.has(r.id)) {
      throw new StorageError('invalid', {
        field: `${what}[${i}].id`,
        message: `This couldn't be saved because “${what}[${i}].id” appears twice. Nothing was changed.`,
        detail: `duplicate id ${r.id}`,
      });
    }
    seen.add(r.id);
  });
}

/**
 * Opens the shortlist database (creating or upgrading it) and returns a handle. Rejects with
 * StorageError: 'upgrade-failed' (data left as it was), 'blocked', 'unavailable', ….
 */
export async function openShortlistDb(options: OpenShortlistDbOptions = {}): Promise<ShortlistDb> {
  const db = new ShortlistDb(options);
  try {
    await db.ready();
  } catch (err) {
    db.close();
    throw toStorageError(err, 'open');
  }
  return db;
}
