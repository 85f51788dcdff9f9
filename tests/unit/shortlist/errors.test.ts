import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rejection } from '../../fixtures/shortlist-db/rejection';
import { IDBObjectStore as FakeObjectStore, IDBTransaction as FakeTransaction } from 'fake-indexeddb';
import {
  STORAGE_ERROR_MESSAGES,
  StorageError,
  dumpShortlistDb,
  isQuotaError,
  openShortlistDb,
  requestPersistence,
  toStorageError,
  type ShortlistDb,
  type StorageErrorKind,
} from '../../../lib/shortlist';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';

let factory: IDBFactory;
let db: ShortlistDb;

beforeEach(async () => {
  factory = freshFactory();
  db = await openShortlistDb({ indexedDB: factory, channelName: `test-${crypto.randomUUID()}` });
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});


type FakeStore = InstanceType<typeof FakeObjectStore>;
type FakeTx = InstanceType<typeof FakeTransaction> & { _abort(name: string | null): void };
const real = { put: FakeObjectStore.prototype.put, add: FakeObjectStore.prototype.add };

/** Replaces put and add on every object store; `write(n, store, args)` is called for the n-th write. */
function interceptWrites(write: (n: number, store: FakeStore, args: Parameters<FakeStore['put']>, method: 'put' | 'add') => IDBRequest) {
  let n = 0;
  for (const method of ['put', 'add'] as const) {
    vi.spyOn(FakeObjectStore.prototype, method).mockImplementation(function (this: FakeStore, ...args: Parameters<FakeStore['put']>) {
      return write(++n, this, args, method) as never;
    });
  }
}

function callReal(store: FakeStore, args: Parameters<FakeStore['put']>, method: 'put' | 'add'): IDBRequest {
  return real[method].apply(store, args) as unknown as IDBRequest;
}

/** Every write throws QuotaExceededError synchronously (as Firefox does for some writes). */
function putThrowsQuota() {
  interceptWrites(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

/**
 * Writes succeed, then the browser aborts the transaction with `name` (QuotaExceededError: Chrome's
 * usual way when the disk is full): the requests see AbortError, the transaction's `error` is `name`.
 * Every write's transaction, or only the one of the `atWrite`-th write.
 */
function commitAbortsWith(name: string, atWrite?: number) {
  interceptWrites((n, store, args, method) => {
    const request = callReal(store, args, method);
    if (atWrite === undefined || n === atWrite) {
      const tx = store.transaction as FakeTx;
      request.addEventListener('success', () => tx._abort(name));
    }
    return request;
  });
}

async function snapshot() {
  return dumpShortlistDb({ indexedDB: factory });
}

describe('quota', () => {
  it.each([
    ['a put that throws', () => putThrowsQuota()],
    ['a transaction aborted on commit', () => commitAbortsWith('QuotaExceededError')],
  ])('%s gives kind quota and loses nothing already saved', async (_label, simulate) => {
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, { providerId: 'p1', snapshot: { name: 'Clinic', website: null }, custom: null });
    await db.addItem(list.id, { providerId: 'p0', snapshot: { name: 'Clinic 0', website: null }, custom: null });
    await db.updateItem(item.id, { notes: 'Weeks of notes 📝' });
    const before = await snapshot();

    simulate();
    const attempts = [
      db.updateItem(item.id, { notes: 'new text that does not fit' }),
      db.addItem(list.id, { providerId: 'p2', snapshot: { name: 'Other', website: null }, custom: null }),
      db.createShortlist('Another'),
      db.renameShortlist(list.id, 'Renamed'),
      db.moveItem(item.id, 1),
      db.deleteShortlist(list.id),
      db.ensureDefaultShortlist().then(() => db.purgeDeleted(0)), // nothing to write: must resolve

      db.writeAll({ shortlists: [{ ...list, name: 'Imported' }], items: [] }),
    ];
    const results = await Promise.allSettled(attempts);
    const noWrite = results.splice(6, 1)[0]!;
    expect(noWrite).toEqual({ status: 'fulfilled', value: { shortlists: 0, items: 0 } });
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const err = (result as PromiseRejectedResult).reason as unknown;
      expect(err).toBeInstanceOf(StorageError);
      expect((err as StorageError).kind).toBe('quota');
      expect((err as StorageError).message).toBe(STORAGE_ERROR_MESSAGES.quota);
    }
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
    expect((await db.listItems(list.id))[0]?.notes).toBe('Weeks of notes 📝');
    // And storage works again once there is space.
    await db.updateItem(item.id, { notes: 'fits now' });
  });

  it('recognises quota errors by name and legacy code', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
  });
});

describe('aborted transactions', () => {
  it('an abort in the middle of writeAll writes nothing', async () => {
    await db.createShortlist('Existing');
    const before = await snapshot();
    commitAbortsWith('AbortError', 3);
    const lists = Array.from({ length: 5 }, (_, i) => ({ id: `L${i}`, name: `List ${i}`, createdAt: 1, updatedAt: 1, deletedAt: null }));
    const err = await rejection(db.writeAll({ shortlists: lists, items: [] }));
    expect(err.kind).toBe('aborted');
    expect(err.message).toBe(STORAGE_ERROR_MESSAGES.aborted);
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('a put failing half-way through writeAll writes nothing', async () => {
    const before = await snapshot();
    interceptWrites((n, store, args, method) => {
      if (n === 4) throw new DOMException('disk on fire', 'UnknownError');
      return callReal(store, args, method);
    });
    const lists = Array.from({ length: 6 }, (_, i) => ({ id: `L${i}`, name: `List ${i}`, createdAt: 1, updatedAt: 1, deletedAt: null }));
    const err = await rejection(db.writeAll({ shortlists: lists, items: [] }));
    expect(err.kind).toBe('unknown');
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('an aborted update leaves the previous value', async () => {
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, { providerId: 'p1', snapshot: { name: 'Clinic', website: null }, custom: null });
    await db.updateItem(item.id, { notes: 'v1' });
    commitAbortsWith('AbortError', 1);
    expect((await rejection(db.updateItem(item.id, { notes: 'v2' }))).kind).toBe('aborted');
    vi.restoreAllMocks();
    expect((await db.listItems(list.id))[0]?.notes).toBe('v1');
  });
});

describe('toStorageError', () => {
  const cases: [string, 'open' | 'transaction', StorageErrorKind][] = [
    ['QuotaExceededError', 'transaction', 'quota'],
    ['QuotaExceededError', 'open', 'quota'],
    ['AbortError', 'transaction', 'aborted'],
    ['TimeoutError', 'transaction', 'aborted'],
    ['InvalidStateError', 'open', 'unavailable'], // Firefox private windows (before 115)
    ['SecurityError', 'open', 'unavailable'],
    ['UnknownError', 'open', 'unavailable'], // Chrome: backing store can't be opened
    ['UnknownError', 'transaction', 'unknown'],
    ['VersionError', 'open', 'upgrade-failed'],
    ['DataError', 'transaction', 'invalid'],
    ['SomethingNew', 'transaction', 'unknown'],
  ];
  it.each(cases)('%s while %s → %s', (name, context, kind) => {
    const err = toStorageError(new DOMException('raw message', name), context);
    expect(err.kind).toBe(kind);
    expect(err.detail).toContain(name);
    expect(err.message).not.toContain('raw message'); // users see our words, not the browser's
  });

  it('passes StorageErrors through and maps a missing indexedDB to unavailable', async () => {
    const e = new StorageError('blocked');
    expect(toStorageError(e)).toBe(e);
    vi.stubGlobal('indexedDB', undefined);
    const err = await rejection(openShortlistDb());
    expect(err.kind).toBe('unavailable');
  });

  it('open failing in a private window gives unavailable with a plain message', async () => {
    const refusing = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const err = await rejection(openShortlistDb({ indexedDB: refusing }));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/private window/);
    expect(err.message).toMatch(/Export and Import/);
  });

  it('every kind has a message that says what to do', () => {
    for (const message of Object.values(STORAGE_ERROR_MESSAGES)) {
      expect(message.length).toBeGreaterThan(40);
      expect(message).not.toMatch(/IndexedDB|DOMException|transaction/i);
    }
  });
});

describe('requestPersistence', () => {
  function stubStorage(storage: unknown) {
    vi.stubGlobal('navigator', { storage });
  }

  it('returns what persist() grants', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    stubStorage({ persist, persisted: vi.fn().mockResolvedValue(false) });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    stubStorage({ persist: vi.fn().mockResolvedValue(false) });
    expect(await requestPersistence()).toBe(false);
  });

  it('does not ask again when already persisted', async () => {
    const persist = vi.fn();
    stubStorage({ persist, persisted: vi.fn().mockResolvedValue(true) });
    expect(await requestPersistence()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('never throws: missing API or a rejecting persist() give false', async () => {
    stubStorage(undefined);
    expect(await requestPersistence()).toBe(false);
    stubStorage({ persist: vi.fn().mockRejectedValue(new Error('denied')) });
    expect(await requestPersistence()).toBe(false);
    stubStorage({
      persist() {
        throw new TypeError('sync');
      },
    });
    expect(await requestPersistence()).toBe(false);
  });
});
