// Issue 17, item 4: one damaged stored record never hides the rest or breaks an export. Records are
// validated on read; the readable ones are returned, the others set aside with a reason and their raw value.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openShortlistDb, type ShortlistDb } from '../../../lib/shortlist';
import { toCsv, toJson, toMarkdown, parseImport, unreadableRecordsJson, RAW_FORMAT_NAME } from '../../../lib/export';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';
import { exportInput } from '../export/fixtures';

let factory: IDBFactory;
let db: ShortlistDb;

beforeEach(async () => {
  factory = freshFactory();
  db = await openShortlistDb({ indexedDB: factory, channelName: `t-${crypto.randomUUID()}` });
});
afterEach(() => db.close());

/** Writes `records` into `store` as they are, past the repository (as a bug or a damaged disk would). */
function putRaw(store: 'items' | 'shortlists', records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onsuccess = () => {
      const tx = req.result.transaction(store, 'readwrite');
      for (const r of records) tx.objectStore(store).put(r);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('a damaged stored record', () => {
  it('is set aside with its reason and raw value; the list still shows every readable item; exports do not throw', async () => {
    const list = await db.createShortlist('Denver');
    const good = await db.addItem(list.id, { providerId: 'mindbloom', snapshot: { name: 'Mindbloom', website: null }, custom: null });
    const { snapshot: _gone, ...noSnapshot } = { ...good, id: 'broken', position: 5 };
    await putRaw('items', [noSnapshot]);
    await putRaw('shortlists', [{ id: 'bad-list', name: 42 }]);

    const items = await db.listItems(list.id);
    expect(items.map((i) => i.id)).toEqual([good.id]);
    expect((await db.listShortlists()).map((l) => l.id)).toEqual([list.id]);
    expect(await db.itemsForProvider('mindbloom')).toHaveLength(1);

    const unreadable = await db.listUnreadable();
    expect(unreadable.map((u) => [u.store, u.key, u.shortlistId])).toEqual([
      ['shortlists', 'bad-list', null],
      ['items', 'broken', list.id],
    ]);
    expect(unreadable[1]!.reason).toMatch(/snapshot/);
    expect(unreadable[1]!.raw).toEqual(noSnapshot);

    // Exports get whatever the UI holds, damaged records included: none of them throws.
    const input = exportInput({ shortlists: [list, { id: 'bad-list', name: 42 } as never], items: [...items, noSnapshot as never] });
    expect(() => toCsv(input)).not.toThrow();
    expect(() => toMarkdown(input)).not.toThrow();
    const json = toJson({ shortlists: input.shortlists, items: input.items }, new Date());
    const back = parseImport(json);
    expect(back.ok && back.data.items.map((i) => i.id)).toEqual([good.id]);
    expect(toCsv(input).split('\r\n')).toHaveLength(3); // header, the readable item, end

    // …and the damaged ones can be saved raw.
    const raw = JSON.parse(unreadableRecordsJson(unreadable, new Date('2026-05-01T00:00:00Z')));
    expect(raw.format).toBe(RAW_FORMAT_NAME);
    expect(raw.records[1].raw).toEqual(noSnapshot);
  });

  it('an unreadable item is never changed; an unreadable list is never purged on a guess (its date can not be read)', async () => {
    const list = await db.createShortlist('Denver');
    await putRaw('items', [{ id: 'broken', shortlistId: list.id, position: 1 }]);
    expect((await db.updateItem('broken', { notes: 'x' }).catch((e: Error) => e)) instanceof Error).toBe(true);
    await db.deleteShortlist(list.id);
    await putRaw('shortlists', [{ id: 'old-bad', deletedAt: 1 }]);
    expect((await db.purgeDeleted(0)).shortlists).toBe(1);
    expect((await db.listUnreadable()).map((u) => u.key)).toEqual(['old-bad']);
  });

  it('the raw export never throws on values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { a: 1n, d: new Date(0), m: new Map([[1, 2]]), b: new Uint8Array([1, 2]) };
    cyclic.self = cyclic;
    const out = JSON.parse(unreadableRecordsJson([{ store: 'items', key: 'k', shortlistId: null, reason: 'r', raw: cyclic }], new Date(0)));
    expect(out.records[0].raw).toEqual({ a: '1', d: '1970-01-01T00:00:00.000Z', m: [[1, 2]], b: [1, 2], self: '[circular]' });
  });
});
