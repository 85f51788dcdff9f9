// The shortlist repository: every user action is exactly one IndexedDB transaction in which only
// IndexedDB requests are awaited (an idb transaction commits as soon as the microtask queue empties,
// so awaiting anything else would commit half a change). Records are validated with the zod schemas
// before they are written; after each committed write a ShortlistChange is broadcast.
import { deepEqual } from '../deep-equal';
import type { IDBPTransaction } from 'idb';
import type { Answer, CustomClinic, ItemStatus, PlanOptions, Quote, Shortlist, ShortlistItem, StoredShortlistItem } from './schema';
import { openConnection, type OpenConnectionOptions, type ShortlistConnection, type ShortlistDbSchema } from './db';
import { StorageError, errorName, toStorageError } from './errors';
import { broadcastChange, SHORTLIST_CHANNEL } from './sync';
import { fieldPath, notFound, validate } from './validate';
import {
  ItemConflictError,
  RecordsChangedError,
  recordsKey,
  type AttemptedItemChange,
  type ItemField,
  type RecordsSeen,
  type UnreadableRecord,
} from './conflict';

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
  /** The provider's decision facts as the user sees them now (lib/changes startTracking); null/omitted: none. */
  facts?: ShortlistItem['facts'];
}

/** The fields updateItem changes; omitted fields are left as they are. */
export interface ItemPatch {
  /**
   * The `revision` of the item as the caller read it (StoredShortlistItem.revision). When the stored
   * revision differs (another window or an import changed the item since), nothing is written and
   * updateItem rejects with ItemConflictError carrying both versions. Pass it with every write of user
   * text (notes, status, quote, answers, plan). Omitting it skips the check (last writer wins): only
   * for callers that have not been converted yet.
   */
  expectedRevision?: number;
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
  item: StoredShortlistItem;
}

/** Input of writeAll: records are validated, so untrusted (imported) data can be passed as is. */
export interface WriteAllInput {
  shortlists: readonly unknown[];
  items: readonly unknown[];
}

export interface WriteAllOptions {
  /**
   * The records the caller planned against (e.g. an import preview). Checked in the same transaction
   * as the write: if any list or item was added, removed or written since, nothing is written and
   * writeAll rejects with RecordsChangedError (its `current` holds what is stored now).
   */
  unchangedSince?: RecordsSeen;
}

// The zod schemas (and zod itself, the larger part of the panel's code) are a separate chunk, loaded by the
// first transaction rather than with the panel: the card does not wait for them. Every transaction (and
// every write that validates before opening one) awaits `schemas()` first, so validation inside a
// transaction stays synchronous.
type SchemaModule = typeof import('./schema');
const derived = (m: SchemaModule) => ({
  NewItemInput: m.ShortlistItem.pick({ providerId: true, snapshot: true, custom: true }).extend({ facts: m.ShortlistItem.shape.facts.optional() }),
  /** An item as writeAll takes it: the model (tracking fields optional), with the revision the caller had (optional, e.g. an undo). */
  WriteItemInput: m.ShortlistItemInput.extend({ revision: m.StoredShortlistItem.shape.revision.optional() }),
});
type Schemas = SchemaModule & ReturnType<typeof derived>;
let loadedSchemas: Schemas | null = null;
let loadingSchemas: Promise<Schemas> | null = null;

/** Loads the validation schemas once. */
export function schemas(): Promise<Schemas> {
  if (loadedSchemas) return Promise.resolve(loadedSchemas);
  loadingSchemas ??= import('./schema').then(
    (m) => (loadedSchemas = { ...m, ...derived(m) }),
    (err: unknown) => {
      loadingSchemas = null;
      throw toStorageError(err);
    },
  );
  return loadingSchemas;
}

/** The schemas inside a transaction (which has awaited `schemas()`). */
function S(): Schemas {
  if (!loadedSchemas) throw new StorageError('unknown', { detail: 'validation schemas used before they were loaded' });
  return loadedSchemas;
}

/** A stored item as the model plus its revision, or null when the record does not pass the schema. */
function readItem(raw: unknown): StoredShortlistItem | null {
  const r = S().StoredShortlistItemRead.safeParse(raw);
  return r.success ? r.data : null;
}

function readList(raw: unknown): Shortlist | null {
  const r = S().Shortlist.safeParse(raw);
  return r.success ? r.data : null;
}

/** Validate on read: the readable records, in the order given; unreadable ones are left out (see listUnreadable). */
function readable<T>(raws: readonly unknown[], read: (raw: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const raw of raws) {
    const r = read(raw);
    if (r !== null) out.push(r);
  }
  return out;
}

const USER_FIELDS: readonly ItemField[] = ['notes', 'status', 'quote', 'answers', 'plan'];

class Changes {
  readonly shortlistIds = new Set<string>();
  readonly itemIds = new Set<string>();
  get empty(): boolean {
    return this.shortlistIds.size === 0 && this.itemIds.size === 0;
  }
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
    await schemas(); // before the transaction: nothing but IndexedDB may be awaited inside it
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
      readable(await tx.objectStore('shortlists').getAll(), readList).filter((l) => l.deletedAt === null).sort(byCreated),
    );
  }

  /** Soft-deleted lists (for an "undo" / "recently deleted" view), most recently deleted first. */
  async listDeletedShortlists(): Promise<Shortlist[]> {
    return this.#read(async (tx) =>
      readable(await tx.objectStore('shortlists').getAll(), readList)
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
      const raw = await store.get(id);
      if (raw === undefined) throw notFound('shortlist', id);
      const list = readList(raw);
      if (!list) throw damaged('shortlist', id);
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
      // Only readable lists: a list whose record can't be read is never purged on a guess.
      const doomed = readable(await lists.getAll(), readList).filter((l) => l.deletedAt !== null && l.deletedAt <= cutoff);
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
      const existing = readable(await store.getAll(), readList).filter((l) => l.deletedAt === null).sort(byCreated)[0];
      if (existing) return existing;
      await store.add(fresh);
      changes.shortlistIds.add(fresh.id);
      return fresh;
    });
  }

  // ---- items ----

  /**
   * A list's items in display order (also for a soft-deleted list, e.g. to preview an undo), each with
   * its `revision`. Validated on read: a record that fails the schema is left out here and reported by
   * listUnreadable(), so one damaged record never hides the others.
   */
  async listItems(shortlistId: string): Promise<StoredShortlistItem[]> {
    return this.#read(async (tx) => readable(await tx.objectStore('items').index('shortlistPosition').getAll(listRange(shortlistId)), readItem));
  }

  /**
   * Every stored record that fails today's schema, with why and its raw value, oldest store first
   * (lists, then items). Such records are never shown, changed or purged by the other methods; the UI
   * says "N saved entries couldn't be read" and offers them raw (lib/export unreadableRecordsJson).
   * An item missing from its list's display order because its shortlistId or position is damaged is
   * reported here too.
   */
  async listUnreadable(): Promise<UnreadableRecord[]> {
    return this.#read(async (tx) => {
      const out: UnreadableRecord[] = [];
      for (const storeName of ['shortlists', 'items'] as const) {
        const store = tx.objectStore(storeName);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        const schema = storeName === 'shortlists' ? S().Shortlist : S().StoredShortlistItemRead;
        values.forEach((raw: unknown, i) => {
          const r = schema.safeParse(raw);
          if (r.success) return;
          const sid = (raw as { shortlistId?: unknown } | null)?.shortlistId;
          out.push({
            store: storeName,
            key: keys[i]!,
            shortlistId: storeName === 'items' && typeof sid === 'string' ? sid : null,
            reason: r.error.issues
              .slice(0, 5)
              .map((issue) => `${fieldPath('', issue.path)}: ${issue.message}`)
              .join('; '),
            raw,
          });
        });
      }
      return out;
    });
  }

  /**
   * Appends a clinic to a list. A provider already on that list is not added twice: the existing
   * item is returned unchanged.
   */
  async addItem(shortlistId: string, input: NewItem): Promise<StoredShortlistItem> {
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
        const sameProvider = readable(await items.index('providerId').getAll(base.providerId), readItem);
        const existing = sameProvider.find((i) => i.shortlistId === shortlistId);
        if (existing) return existing;
      }
      const last = await items.index('shortlistPosition').openCursor(listRange(shortlistId), 'prev');
      const position = last ? Math.floor(last.value.position) + 1 : 0;
      const item = validate(S().StoredShortlistItem, {
        id,
        shortlistId,
        ...base,
        status: 'considering',
        notes: '',
        quote: null,
        answers: {},
        plan: null,
        facts: base.facts ?? null,
        changeHistory: [],
        removed: null,
        position,
        createdAt: now,
        updatedAt: now,
        revision: 1,
      } satisfies StoredShortlistItem);
      await items.add(item);
      changes.itemIds.add(item.id);
      changes.shortlistIds.add(shortlistId);
      return item;
    });
  }

  /**
   * Changes notes, status, quote, answers (merged per question) and/or plan; bumps updatedAt and the
   * item's revision. Returns the item as stored now.
   *
   * Never silently last-writer-wins on user text: pass `patch.expectedRevision` = the `revision` of the
   * item you read (and showed the user). If the stored revision differs, nothing is written and this
   * rejects with ItemConflictError (`isItemConflict(err)`), carrying `stored` (their version, with its
   * revision) and `attempted` (this write's values), so the UI can keep both visible and let the user
   * choose; then write the choice with `expectedRevision: err.stored.revision`. A patch whose values are
   * already stored changes nothing and never conflicts.
   */
  async updateItem(id: string, patch: ItemPatch): Promise<StoredShortlistItem> {
    const { expectedRevision, ...change } = patch;
    if (expectedRevision !== undefined && !(Number.isInteger(expectedRevision) && expectedRevision >= 0)) {
      throw new StorageError('invalid', { field: 'expectedRevision', detail: `updateItem(${id}): expectedRevision ${expectedRevision}` });
    }
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const raw = await store.get(id);
      if (raw === undefined) throw notFound('item', id);
      const item = readItem(raw);
      if (!item) throw damaged('item', id);
      const next: StoredShortlistItem = { ...item };
      if (change.notes !== undefined) next.notes = change.notes;
      if (change.status !== undefined) next.status = change.status;
      if (change.quote !== undefined) next.quote = change.quote;
      if (change.plan !== undefined) next.plan = change.plan;
      if (change.answers !== undefined) {
        const answers = new Map(Object.entries(item.answers));
        for (const [question, answer] of Object.entries(change.answers)) {
          if (answer === null) answers.delete(question);
          else answers.set(question, answer);
        }
        next.answers = Object.fromEntries(answers);
      }
      const differing = USER_FIELDS.filter((f) => change[f] !== undefined && !deepEqual(next[f], item[f]));
      if (differing.length === 0) return item; // already stored: nothing to write, nothing to conflict with
      if (expectedRevision !== undefined && item.revision !== expectedRevision) {
        throw new ItemConflictError(item, change as AttemptedItemChange, expectedRevision, differing);
      }
      next.updatedAt = this.#touch(item.updatedAt);
      next.revision = item.revision + 1;
      const valid = validate(S().StoredShortlistItem, next);
      await store.put(valid);
      changes.itemIds.add(id);
      changes.shortlistIds.add(item.shortlistId);
      return valid;
    });
  }

  /**
   * Removes an item for good; returns it (so the UI can offer undo via writeAll), or null if absent.
   * An unreadable record with this id is removed too (the user asked), and null is returned.
   */
  async removeItem(id: string): Promise<StoredShortlistItem | null> {
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const raw = await store.get(id);
      if (raw === undefined) return null;
      const item = readItem(raw);
      await store.delete(id);
      changes.itemIds.add(id);
      if (item) changes.shortlistIds.add(item.shortlistId);
      return item;
    });
  }

  /**
   * Moves an item so it ends up at `toIndex` (0-based, clamped) in its list's order. Usually only the
   * moved item is written (its position becomes the midpoint of its new neighbours); when that gap is
   * below MIN_POSITION_GAP the whole list is renumbered 0, 1, 2, … in the same transaction.
   */
  async moveItem(id: string, toIndex: number): Promise<StoredShortlistItem> {
    if (!Number.isFinite(toIndex)) {
      throw new StorageError('invalid', { field: 'toIndex', detail: `moveItem(${id}, ${toIndex})` });
    }
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const raw = await store.get(id);
      if (raw === undefined) throw notFound('item', id);
      const item = readItem(raw);
      if (!item) throw damaged('item', id);
      // Unreadable records on the list keep their place; only readable ones are reordered.
      const list = readable(await store.index('shortlistPosition').getAll(listRange(item.shortlistId)), readItem);
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
        const moved = validate(S().StoredShortlistItem, { ...item, position, updatedAt });
        await store.put(moved);
        changes.itemIds.add(id);
        changes.shortlistIds.add(item.shortlistId);
        return moved;
      }
      // Renumber: the final order with the item at `to`, positions 0..n-1. Only the moved item's
      // updatedAt changes (the others weren't touched by the user).
      const order = [...others.slice(0, to), item, ...others.slice(to)];
      const rewritten: StoredShortlistItem[] = [];
      let moved: StoredShortlistItem = item;
      order.forEach((entry, index) => {
        if (entry.id === id) {
          moved = validate(S().StoredShortlistItem, { ...entry, position: index, updatedAt });
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
      const items = readable(await tx.objectStore('items').index('providerId').getAll(providerId), readItem);
      const lists = tx.objectStore('shortlists');
      const found = await Promise.all(items.map(async (item) => ({ item, shortlist: readList(await lists.get(item.shortlistId)) ?? undefined })));
      return found
        .filter((f): f is ProviderMembership => f.shortlist !== undefined && f.shortlist.deletedAt === null)
        .sort((a, b) => byCreated(a.shortlist, b.shortlist));
    });
  }

  // ---- change tracking (lib/changes) ----

  /**
   * Applies `update` to every readable item (or only to `ids`) in ONE transaction and writes the ones it
   * returns (validated); null means "leave as is". For the change check on start and "Mark as seen": the
   * tracking fields are not user text, so neither `revision` nor `updatedAt` moves. `update` must be
   * synchronous (everything it needs loaded beforehand). Returns the items written.
   */
  async updateTracking(
    update: (item: StoredShortlistItem) => StoredShortlistItem | null,
    ids?: readonly string[],
  ): Promise<StoredShortlistItem[]> {
    return this.#write(async (tx, changes) => {
      const store = tx.objectStore('items');
      const raws = ids ? await Promise.all(ids.map((id) => store.get(id))) : await store.getAll();
      const written: StoredShortlistItem[] = [];
      for (const item of readable(raws.filter((r) => r !== undefined), readItem)) {
        const next = update(item);
        if (next === null) continue;
        written.push(validate(S().StoredShortlistItem, { ...next, id: item.id, revision: item.revision, updatedAt: item.updatedAt }));
      }
      await putAll(tx, 'items', written);
      for (const i of written) {
        changes.itemIds.add(i.id);
        changes.shortlistIds.add(i.shortlistId);
      }
      return written;
    });
  }

  /** Every readable item of every list (trash included). */
  async listAllItems(): Promise<StoredShortlistItem[]> {
    return this.#read(async (tx) => readable(await tx.objectStore('items').getAll(), readItem));
  }

  // ---- bulk ----

  /**
   * Writes many records in ONE transaction, all or nothing (used by import and undo). Records with an id
   * that already exists replace it (an item's revision goes up, so a window editing it gets a conflict
   * instead of writing over it). Every record is validated first (the error names the field, e.g.
   * "items[3].notes"); every item's shortlistId must be in the batch or already stored, and an item may
   * go into a list in the trash only together with that list (restoring it from a backup). It does not
   * dedupe by provider: merging is the importer's job.
   *
   * `options.unchangedSince`: the records the caller planned against (an import preview). They are
   * compared inside the same transaction as the write, so nothing written in between can be overwritten
   * unseen; on a difference nothing is written and it rejects with RecordsChangedError.
   */
  async writeAll(input: WriteAllInput, options: WriteAllOptions = {}): Promise<{ shortlists: number; items: number }> {
    await schemas();
    let lists: Shortlist[];
    let items: (ShortlistItem & { revision?: number })[];
    try {
      lists = input.shortlists.map((l, i) => validate(S().Shortlist, l, `shortlists[${i}]`));
      items = input.items.map((it, i) => validate(S().WriteItemInput, it, `items[${i}]`));
      rejectDuplicateIds('shortlists', lists);
      rejectDuplicateIds('items', items);
    } catch (err) {
      throw toStorageError(err);
    }
    const { unchangedSince } = options;
    if (lists.length === 0 && items.length === 0 && !unchangedSince) return { shortlists: 0, items: 0 };
    return this.#write(async (tx, changes) => {
      const listStore = tx.objectStore('shortlists');
      const itemStore = tx.objectStore('items');
      if (unchangedSince) {
        const [storedLists, storedItems] = await Promise.all([listStore.getAll(), itemStore.getAll()]);
        const current = { shortlists: readable(storedLists, readList), items: readable(storedItems, readItem) };
        if (recordsKey(current) !== recordsKey(unchangedSince)) throw new RecordsChangedError(current);
      }
      const inBatch = new Map(lists.map((l) => [l.id, l]));
      const otherListIds = [...new Set(items.map((i) => i.shortlistId).filter((sid) => !inBatch.has(sid)))];
      const stored = await Promise.all(otherListIds.map((sid) => listStore.get(sid)));
      const storedLists = new Map(otherListIds.map((sid, i) => [sid, stored[i]] as const));
      for (let i = 0; i < items.length; i++) {
        const sid = items[i]!.shortlistId;
        if (inBatch.has(sid)) continue;
        const raw = storedLists.get(sid);
        if (raw === undefined) {
          throw new StorageError('invalid', {
            field: `items[${i}].shortlistId`,
            message: "This couldn't be saved because a clinic belongs to a shortlist that isn't there. Nothing was changed.",
            detail: `items[${i}].shortlistId ${sid} not found`,
          });
        }
        if (readList(raw)?.deletedAt !== null) {
          throw new StorageError('invalid', {
            field: `items[${i}].shortlistId`,
            message: 'That shortlist was deleted (it may have been deleted in another window). Restore it first. Nothing was changed.',
            detail: `items[${i}].shortlistId ${sid} is in the trash or unreadable`,
          });
        }
      }
      const previous = await Promise.all(items.map((i) => itemStore.get(i.id)));
      const toPut = items.map((item, i) => {
        const before = readItem(previous[i]);
        const revision = Math.max(before?.revision ?? 0, item.revision ?? 0) + 1;
        return validate(S().StoredShortlistItem, { ...item, revision }, `items[${i}]`);
      });
      await Promise.all([putAll(tx, 'shortlists', lists), putAll(tx, 'items', toPut)]);
      for (const l of lists) changes.shortlistIds.add(l.id);
      for (const i of items) {
        changes.itemIds.add(i.id);
        changes.shortlistIds.add(i.shortlistId);
      }
      return { shortlists: lists.length, items: items.length };
    });
  }
}

function damaged(what: 'shortlist' | 'item', id: string): StorageError {
  return new StorageError('invalid', {
    field: 'id',
    message:
      what === 'shortlist'
        ? "This shortlist's saved record is damaged, so it can't be changed. Nothing was changed; you can export it as it is."
        : "This clinic's saved record is damaged, so it can't be changed. Nothing was changed; you can export it as it is.",
    detail: `${what} ${id} fails the schema`,
  });
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
