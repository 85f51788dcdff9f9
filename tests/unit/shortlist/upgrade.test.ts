// Schema versions and upgrades. Adding version N+1 = one step in UPGRADE_STEPS + one fixture
// tests/fixtures/shortlist-db/v{N+1}.json (picked up below automatically) + one test here for what
// the step changes.
import { describe, expect, it, vi } from 'vitest';
import { rejection } from '../../fixtures/shortlist-db/rejection';
import { forceCloseDatabase, IDBFactory as FakeIDBFactory } from 'fake-indexeddb';
import {
  DB_NAME,
  DB_VERSION,
  NEWER_VERSION_MESSAGE,
  StorageError,
  UPGRADE_STEPS,
  dumpShortlistDb,
  openShortlistDb,
  type DbDump,
  type UpgradeStep,
} from '../../../lib/shortlist';
import { Shortlist, ShortlistItem, StoredShortlistItem } from '../../../lib/shortlist/schema';
import { freshFactory, layout, loadFixtures, materialise, recordsById } from '../../fixtures/shortlist-db/materialise';

const fixtures = loadFixtures();


/** A harmless next version, to exercise a real upgrade while the chain has only one step. */
const addIndexStep: UpgradeStep = {
  version: DB_VERSION + 1,
  description: 'test: an extra index',
  run({ tx }) {
    tx.objectStore('items').createIndex('byStatus', 'status');
  },
};

/**
 * The records of `dump` as the current chain leaves them: v2 gives every item without a revision
 * `revision: 1`; v3 gives every item without change tracking `facts: null, changeHistory: [], removed: null`;
 * nothing else changes. Every other field of every record is kept byte for byte.
 */
function upgradedRecords(dump: DbDump): Record<string, unknown[]> {
  const byId = recordsById(dump);
  const isObject = (r: unknown): r is object => r !== null && typeof r === 'object' && !Array.isArray(r);
  return {
    ...byId,
    items: (byId.items ?? [])
      .map((r) => (isObject(r) && !('revision' in r) ? { ...r, revision: 1 } : r))
      .map((r) => (isObject(r) && !('changeHistory' in r) ? { ...r, facts: null, changeHistory: [], removed: null } : r)),
  };
}

async function dumpOf(factory: IDBFactory): Promise<DbDump> {
  const dump = await dumpShortlistDb({ indexedDB: factory });
  if (!dump) throw new Error('no database');
  return dump;
}

describe('fixtures', () => {
  it('has one fixture per schema version, from v1 to the current one', () => {
    expect(fixtures.map((f) => f.version)).toEqual(UPGRADE_STEPS.map((s) => s.version));
    for (const f of fixtures) expect(f.dump.version).toBe(f.version);
  });

  it.each(fixtures)('released steps are frozen: the chain up to v$version builds exactly $file’s stores and indexes', async ({ version, dump }) => {
    const factory = freshFactory();
    const db = await openShortlistDb({ indexedDB: factory, version });
    db.close();
    expect(layout(await dumpOf(factory))).toEqual(layout(dump));
  });
});

describe('upgrading', () => {
  it.each(fixtures)('from $file to the current version keeps every record unchanged and readable', async ({ dump }) => {
    const factory = freshFactory();
    await materialise(dump, factory);
    const db = await openShortlistDb({ indexedDB: factory });

    const after = await dumpOf(factory);
    expect(after.version).toBe(DB_VERSION);
    // Every record kept; the only change is v2's revision on items that had none.
    expect(recordsById(after)).toEqual(upgradedRecords(dump));

    // Still valid under today's schema and visible through the repository.
    const lists = after.stores.shortlists!.records;
    const items = after.stores.items!.records;
    for (const l of lists) expect(Shortlist.safeParse(l).success).toBe(true);
    for (const i of items) expect(StoredShortlistItem.safeParse(i).success).toBe(true);
    const visible = await db.listShortlists();
    expect(visible.map((l) => l.id).sort()).toEqual(
      (lists as Shortlist[]).filter((l) => l.deletedAt === null).map((l) => l.id).sort(),
    );
    let seen = 0;
    for (const list of lists as Shortlist[]) {
      const listed = await db.listItems(list.id);
      const expected = (items as ShortlistItem[]).filter((i) => i.shortlistId === list.id);
      expect(listed).toHaveLength(expected.length);
      expect(listed.map((i) => i.position)).toEqual([...listed.map((i) => i.position)].sort((a, b) => a - b));
      seen += listed.length;
    }
    expect(seen).toBe(items.length);
    db.close();
  });

  it.each(fixtures)('from $file through a further step keeps every record', async ({ dump }) => {
    const factory = freshFactory();
    await materialise(dump, factory);
    const db = await openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep] });
    db.close();
    const after = await dumpOf(factory);
    expect(after.version).toBe(DB_VERSION + 1);
    expect(after.stores.items!.indexes.map((i) => i.name)).toContain('byStatus');
    expect(recordsById(after)).toEqual(upgradedRecords(dump));
  });

  it('v2 gives every item revision 1 and keeps a revision already there', async () => {
    const v1 = fixtures[0]!.dump;
    const dump: DbDump = JSON.parse(JSON.stringify(v1));
    dump.stores.items!.records.push({ id: 'has-rev', ...(v1.stores.items!.records[0] as object), revision: 7 });
    (dump.stores.items!.records.at(-1) as { id: string }).id = 'has-rev';
    const factory = freshFactory();
    await materialise(dump, factory);
    (await openShortlistDb({ indexedDB: factory })).close();
    const after = await dumpOf(factory);
    const revs = Object.fromEntries((after.stores.items!.records as { id: string; revision: number }[]).map((r) => [r.id, r.revision]));
    expect(revs['has-rev']).toBe(7);
    for (const r of v1.stores.items!.records as { id: string }[]) expect(revs[r.id]).toBe(1);
  });

  it('v3 adds untracked change-tracking fields to every item and keeps the ones already there', async () => {
    const v2 = fixtures.find((f) => f.version === 2)!.dump;
    const v3 = fixtures.find((f) => f.version === 3)!.dump;
    const factory = freshFactory();
    await materialise(v2, factory);
    const db = await openShortlistDb({ indexedDB: factory });
    const after = await dumpOf(factory);
    for (const r of after.stores.items!.records as ShortlistItem[]) {
      expect({ facts: r.facts, changeHistory: r.changeHistory, removed: r.removed }).toEqual({ facts: null, changeHistory: [], removed: null });
    }
    // Items keep every v2 field and stay visible; nothing is reported until the first check takes a snapshot.
    expect((await db.listAllItems()).map((i) => i.id).sort()).toEqual((v2.stores.items!.records as { id: string }[]).map((r) => r.id).sort());
    db.close();
    // A v3 database with real tracking (first-run snapshots, an unseen and a seen change, a removal) reads as is.
    const tracked = freshFactory();
    await materialise(v3, tracked);
    const db3 = await openShortlistDb({ indexedDB: tracked });
    const items = await db3.listAllItems();
    expect(items).toHaveLength(v3.stores.items!.records.length);
    expect(items.some((i) => i.changeHistory.some((e) => e.seenAt === null))).toBe(true);
    expect(items.some((i) => i.changeHistory.some((e) => e.seenAt !== null))).toBe(true);
    expect(items.some((i) => i.removed !== null)).toBe(true);
    expect(items.filter((i) => i.providerId !== null).every((i) => i.facts !== null)).toBe(true);
    db3.close();
  });

  it('runs only the steps above the stored version, in order', async () => {
    const factory = freshFactory();
    const ran: number[] = [];
    const steps = [
      ...UPGRADE_STEPS,
      { version: DB_VERSION + 1, description: 'a', run: () => void ran.push(DB_VERSION + 1) },
      { version: DB_VERSION + 2, description: 'b', run: () => void ran.push(DB_VERSION + 2) },
    ];
    (await openShortlistDb({ indexedDB: factory, steps: steps.slice(0, -1) })).close();
    expect(ran).toEqual([DB_VERSION + 1]);
    (await openShortlistDb({ indexedDB: factory, steps })).close();
    expect(ran).toEqual([DB_VERSION + 1, DB_VERSION + 2]);
  });
});

describe('a failed upgrade', () => {
  const v1 = fixtures[0]!.dump;

  async function expectUntouched(factory: IDBFactory) {
    const after = await dumpOf(factory);
    expect(after.version).toBe(v1.version);
    expect(layout(after)).toEqual(layout(v1));
    expect(recordsById(after)).toEqual(recordsById(v1));
    // And the app at the old version still shows everything.
    const db = await openShortlistDb({ indexedDB: factory, version: v1.version });
    const lists = [...(await db.listShortlists()), ...(await db.listDeletedShortlists())];
    expect(lists).toHaveLength(v1.stores.shortlists!.records.length);
    let items = 0;
    for (const l of lists) items += (await db.listItems(l.id)).length;
    expect(items).toBe(v1.stores.items!.records.length);
    db.close();
  }

  it('reports upgrade-failed when a step throws, and leaves the old data readable', async () => {
    const factory = freshFactory();
    await materialise(v1, factory);
    const failing: UpgradeStep = {
      version: DB_VERSION + 1,
      description: 'test: throws',
      run() {
        throw new Error('boom');
      },
    };
    const err = await rejection(openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, failing] }));
    expect(err.kind).toBe('upgrade-failed');
    expect(err.message).toMatch(/nothing was deleted/i);
    expect(err.detail).toContain(`step v${DB_VERSION + 1}`);
    expect(err.detail).toContain('boom');
    await expectUntouched(factory);
  });

  it('rolls back everything a step did before failing (records rewritten, stores deleted)', async () => {
    const factory = freshFactory();
    await materialise(v1, factory);
    const migrateThenFail: UpgradeStep = {
      version: DB_VERSION + 1,
      description: 'test: rewrites every item, drops shortlists, then rejects',
      async run({ db, tx }) {
        let cursor = await tx.objectStore('items').openCursor();
        while (cursor) {
          await cursor.update({ ...(cursor.value as object), notes: 'CLOBBERED' });
          cursor = await cursor.continue();
        }
        db.deleteObjectStore('shortlists');
        throw new Error('half-way');
      },
    };
    const err = await rejection(openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, migrateThenFail] }));
    expect(err.kind).toBe('upgrade-failed');
    await expectUntouched(factory);
  });

  it('a later successful upgrade still works after a failed one', async () => {
    const factory = freshFactory();
    await materialise(v1, factory);
    const failing: UpgradeStep = { ...addIndexStep, run: () => Promise.reject(new Error('nope')) };
    expect((await rejection(openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, failing] }))).kind).toBe('upgrade-failed');
    (await openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep] })).close();
    expect(recordsById(await dumpOf(factory))).toEqual(upgradedRecords(v1));
  });

  it('data from a newer version is not touched: upgrade-failed with the "update Clinic Scout" message', async () => {
    const factory = freshFactory();
    await materialise(v1, factory);
    (await openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep] })).close();
    const err = await rejection(openShortlistDb({ indexedDB: factory }));
    expect(err.kind).toBe('upgrade-failed');
    expect(err.message).toBe(NEWER_VERSION_MESSAGE);
    expect(recordsById(await dumpOf(factory))).toEqual(upgradedRecords(v1));
  });
});

describe('other windows', () => {
  it('an open connection steps aside for another window’s upgrade, then reports the newer data', async () => {
    const factory = freshFactory();
    const onClose = vi.fn();
    const oldPage = await openShortlistDb({ indexedDB: factory, onClose });
    await oldPage.createShortlist('Kept');
    const newPage = await openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep] });
    expect(onClose).toHaveBeenCalledWith('versionchange');
    expect((await newPage.listShortlists()).map((l) => l.name)).toEqual(['Kept']);
    // The old page's code can't read the newer database; it says so instead of failing silently.
    expect((await rejection(oldPage.listShortlists())).kind).toBe('upgrade-failed');
    newPage.close();
    oldPage.close();
  });

  it('reports blocked when another connection never closes, and cleans up if the open succeeds later', async () => {
    const factory = freshFactory();
    (await openShortlistDb({ indexedDB: factory })).close();
    // A connection that ignores versionchange (e.g. a page running old code).
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME, DB_VERSION);
      r.onsuccess = () => resolve(r.result);
    });
    const onBlocked = vi.fn();
    const err = await rejection(
      openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep], blockedTimeoutMs: 20, onBlocked }),
    );
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(/close the other clinic scout tabs/i);
    expect(onBlocked).toHaveBeenCalled();
    stubborn.close(); // the pending upgrade now completes; its connection must not be left open
    await vi.waitFor(async () => expect((await dumpOf(factory)).version).toBe(DB_VERSION + 1));
    const again = await openShortlistDb({ indexedDB: factory, steps: [...UPGRADE_STEPS, addIndexStep], blockedTimeoutMs: 20 });
    again.close();
  });

  it('reopens by itself when the browser closes the connection', async () => {
    const factory = new FakeIDBFactory();
    const raw: IDBDatabase[] = [];
    const open = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((name: string, version?: number) => {
      const r = open(name, version);
      r.addEventListener('success', () => raw.push(r.result as unknown as IDBDatabase));
      return r;
    });
    const onClose = vi.fn();
    const db = await openShortlistDb({ indexedDB: factory as unknown as IDBFactory, onClose });
    const list = await db.createShortlist('Survives');
    forceCloseDatabase(raw[0] as never);
    expect(onClose).toHaveBeenCalledWith('terminated');
    expect(await db.listShortlists()).toEqual([list]);
    expect(raw).toHaveLength(2);
    db.close();
  });
});

describe('dumpShortlistDb', () => {
  it('returns null, and creates nothing, when there is no database', async () => {
    const factory = freshFactory();
    expect(await dumpShortlistDb({ indexedDB: factory })).toBeNull();
    // Had it created an empty v1 database, opening now would skip the v1 step and have no stores.
    const db = await openShortlistDb({ indexedDB: factory });
    expect(await db.listShortlists()).toEqual([]);
    db.close();
  });
});
