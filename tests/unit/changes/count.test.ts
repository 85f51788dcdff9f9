// The background's read-only count (lib/changes/count.ts over lib/shortlist/peek.ts): the same number the
// store's check gives, from raw records, without creating, upgrading or writing the database.
import { describe, expect, it } from 'vitest';
import { checkForChanges, readUnseen, type ChangeCheckDeps } from '../../../lib/changes/check';
import { countUnseenNow, hasDatasetItems } from '../../../lib/changes/count';
import { decisionFacts, snapshotOf } from '../../../lib/changes/snapshot';
import type { DatasetVersion } from '../../../lib/changes/version';
import { openShortlistDb, DB_NAME } from '../../../lib/shortlist';
import { peekShortlistRecords } from '../../../lib/shortlist/peek';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';
import { makeProvider } from '../../fixtures/providers';

const A: DatasetVersion = { app: '0.1.0', data: 'aaaaaaaaaaaaaaaa' };
const B: DatasetVersion = { app: '0.1.1', data: 'bbbbbbbbbbbbbbbb' };
const clinic = makeProvider({ id: 'clinic' });
const other = makeProvider({ id: 'other', name: 'Other Clinic' });
const closed = makeProvider({ id: 'clinic', status: { state: 'closed', since: '2026-11-20', detail: 'Closed.', sources: [] } });
const lookup = (...ps: (typeof clinic)[]) => {
  const m = new Map(ps.map((p) => [p.id, decisionFacts(p)]));
  return (id: string) => m.get(id);
};

describe('peekShortlistRecords', () => {
  it('creates nothing when there is no database', async () => {
    const factory = freshFactory();
    expect(await peekShortlistRecords(factory)).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  });

  it('reads the raw lists and items of an existing database without changing its version', async () => {
    const factory = freshFactory();
    const db = await openShortlistDb({ indexedDB: factory, channelName: `t-${crypto.randomUUID()}` });
    const list = await db.createShortlist('Mine');
    await db.addItem(list.id, { providerId: 'clinic', snapshot: { name: 'Clinic', website: null }, custom: null });
    db.close();
    const before = (await factory.databases()).find((d) => d.name === DB_NAME)?.version;
    const raw = await peekShortlistRecords(factory);
    expect(raw?.shortlists).toHaveLength(1);
    expect(raw?.items).toHaveLength(1);
    expect((await factory.databases()).find((d) => d.name === DB_NAME)?.version).toBe(before);
  });
});

describe('countUnseenNow', () => {
  it('gives the same count as the store\'s check, and ignores custom clinics, the trash and malformed records', async () => {
    const factory = freshFactory();
    const db = await openShortlistDb({ indexedDB: factory, channelName: `t-${crypto.randomUUID()}` });
    const list = await db.createShortlist('Mine');
    const trash = await db.createShortlist('Old');
    const facts = (p: typeof clinic) => ({ snapshot: snapshotOf(p), snapshotSince: 1, firstRun: false, version: A });
    await db.addItem(list.id, { providerId: 'clinic', snapshot: { name: 'Clinic', website: null }, custom: null, facts: facts(clinic) });
    await db.addItem(list.id, { providerId: 'gone', snapshot: { name: 'Gone', website: null }, custom: null, facts: facts({ ...other, id: 'gone' }) });
    await db.addItem(list.id, { providerId: null, snapshot: { name: 'Mine', website: null }, custom: { name: 'Mine', website: null, city: null, state: null } });
    await db.addItem(trash.id, { providerId: 'other', snapshot: { name: 'Other', website: null }, custom: null, facts: facts(other) });
    await db.deleteShortlist(trash.id);

    const raw = (await peekShortlistRecords(factory))!;
    expect(hasDatasetItems(raw.items)).toBe(true);
    const now = countUnseenNow({ ...raw, items: [...raw.items, 42, { id: 'x' }, null] }, lookup(closed, other), B, 1);
    expect(now).toBe(2); // the closure and the provider gone from the dataset

    const written: unknown[] = [];
    const deps: ChangeCheckDeps = {
      db,
      version: B,
      loadFacts: async () => lookup(closed, other),
      getChecked: async () => A,
      setChecked: async () => {},
      setUnseen: async (n) => void written.push(n),
    };
    expect((await checkForChanges(deps)).unseen).toBe(now);
    db.close();
  });

  it('an item saved before change tracking (no snapshot) is no change', () => {
    const raw = { shortlists: [{ id: 'l', deletedAt: null }], items: [{ id: 'i', shortlistId: 'l', providerId: 'clinic' }] };
    expect(countUnseenNow(raw, lookup(closed), B, 1)).toBe(0);
  });

  it('reads a stored count defensively', () => {
    expect(readUnseen(undefined)).toEqual({ count: 0, version: null });
    expect(readUnseen(3)).toEqual({ count: 0, version: null });
    expect(readUnseen({ count: 2, version: A })).toEqual({ count: 2, version: A });
    expect(readUnseen({ count: -1, version: { app: '', data: 'zz' } })).toEqual({ count: 0, version: null });
  });
});
