import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForChanges, markChangesSeen, needsSnapshot, storageBackedDeps, type ChangeCheckDeps, type FactsLookup } from '../../../lib/changes/check';
import { decisionFacts, snapshotOf, type DecisionFacts } from '../../../lib/changes/snapshot';
import { unseenChanges } from '../../../lib/changes/tracking';
import type { DatasetVersion } from '../../../lib/changes/version';
import { openShortlistDb, type ShortlistDb } from '../../../lib/shortlist';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';
import { makeProvider } from '../../fixtures/providers';

const A: DatasetVersion = { app: '0.1.0', data: 'aaaaaaaaaaaaaaaa' };
const B: DatasetVersion = { app: '0.1.0', data: 'bbbbbbbbbbbbbbbb' };

const clinic = makeProvider({ id: 'clinic' });
const other = makeProvider({ id: 'other', name: 'Other Clinic' });
const closed = makeProvider({ id: 'clinic', status: { state: 'closed', since: '2026-11-20', detail: 'Closed.', sources: [{ url: 'https://news.example.com/x', date: '2026-11-21' }] } });
const pricier = makeProvider({ id: 'other', name: 'Other Clinic', prices: [{ ...other.prices[1]!, low: 500, high: 650 }, other.prices[0]!] });

let db: ShortlistDb;
let storage: { checked: DatasetVersion | null; unseen: number | null; loads: number };
let clock = 1_790_000_000_000;

function deps(version: DatasetVersion, providers: DecisionFacts[]): ChangeCheckDeps {
  const byId = new Map(providers.map((p) => [p.id, decisionFacts(p as never)]));
  return {
    db,
    version,
    loadFacts: async (): Promise<FactsLookup> => {
      storage.loads++;
      return (id) => byId.get(id);
    },
    getChecked: async () => storage.checked,
    setChecked: async (v) => void (storage.checked = v),
    setUnseen: async (n) => void (storage.unseen = n),
    now: () => ++clock,
  };
}

beforeEach(async () => {
  db = await openShortlistDb({ indexedDB: freshFactory(), channelName: `test-${crypto.randomUUID()}` });
  storage = { checked: null, unseen: null, loads: 0 };
});
afterEach(() => db.close());

async function save(listId: string, p: typeof clinic) {
  return db.addItem(listId, { providerId: p.id, snapshot: { name: p.name, website: null }, custom: null, facts: { snapshot: snapshotOf(p), snapshotSince: 1, firstRun: false, version: A } });
}

describe('checkForChanges', () => {
  it('writes nothing at all while nothing from the dataset is shortlisted', async () => {
    const stored = new Map<string, unknown>();
    const storage = {
      get: async (k: string) => (stored.has(k) ? { [k]: stored.get(k) } : {}),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => stored.set(k, v)),
    };
    const d = storageBackedDeps({ db, version: A, loadFacts: async () => (id) => (id === clinic.id ? clinic : undefined), storage });
    expect(await checkForChanges(d)).toEqual({ compared: false, unseen: 0 });
    expect(stored.size).toBe(0);
    const list = await db.createShortlist('Mine');
    await save(list.id, clinic);
    expect(await checkForChanges(d)).toEqual({ compared: true, unseen: 0 });
    expect([...stored.keys()].sort()).toEqual(['changes:checked', 'changes:unseen']);
    expect(stored.get('changes:unseen')).toEqual({ count: 0, version: A });
  });

  it('compares once per dataset version; same data again loads nothing and writes nothing', async () => {
    const list = await db.createShortlist('Mine');
    await save(list.id, clinic);
    expect(await checkForChanges(deps(A, [clinic, other]))).toEqual({ compared: true, unseen: 0 });
    expect(await checkForChanges(deps(A, [clinic, other]))).toEqual({ compared: false, unseen: 0 });
    expect(storage.loads).toBe(1);
    expect(storage.checked).toEqual(A);
  });

  it('a new dataset with one closure and one price change: two unseen, stored once, cleared by Mark as seen, not back on restart', async () => {
    const list = await db.createShortlist('Mine');
    const second = await db.createShortlist('Second');
    const a = await save(list.id, clinic);
    const b = await save(list.id, other);
    const aAgain = await save(second.id, clinic); // same provider on another list counts once
    await checkForChanges(deps(A, [clinic, other]));

    expect(await checkForChanges(deps(B, [closed, pricier]))).toEqual({ compared: true, unseen: 2 });
    expect(storage.unseen).toBe(2);
    const items = new Map((await db.listAllItems()).map((i) => [i.id, i]));
    expect(unseenChanges(items.get(a.id)!).map((c) => c.text)).toEqual(['Now closed (since 20 Nov 2026)']);
    expect(unseenChanges(items.get(aAgain.id)!)).toHaveLength(1);
    expect(unseenChanges(items.get(b.id)!).map((c) => c.text)).toEqual(['Price per session was $450–$550, now $500–$650']);

    // Forced again (a second page at the same moment): nothing duplicated.
    await checkForChanges(deps(B, [closed, pricier]), { force: true });
    expect((await db.listAllItems()).find((i) => i.id === a.id)!.changeHistory).toHaveLength(1);

    expect(await markChangesSeen(deps(B, [closed, pricier]), [a.id, aAgain.id])).toBe(1);
    expect(await markChangesSeen(deps(B, [closed, pricier]), [b.id])).toBe(0);
    const seen = (await db.listAllItems()).find((i) => i.id === a.id)!;
    expect(seen.facts!.snapshot.status.state).toBe('closed');
    expect(seen.changeHistory[0]!.changes[0]!.old).toEqual({ state: 'operating', since: null }); // the old value stays
    expect(await checkForChanges(deps(B, [closed, pricier]))).toEqual({ compared: false, unseen: 0 });
    expect(await checkForChanges(deps(B, [closed, pricier]), { force: true })).toEqual({ compared: true, unseen: 0 });
  });

  it('a provider gone from the dataset counts until seen; items in the trash do not count', async () => {
    const list = await db.createShortlist('Mine');
    const trash = await db.createShortlist('Old');
    await save(list.id, clinic);
    const inTrash = await save(trash.id, other);
    await db.deleteShortlist(trash.id);
    expect(await checkForChanges(deps(B, [pricier]))).toEqual({ compared: true, unseen: 1 });
    const gone = (await db.listAllItems()).find((i) => i.providerId === 'clinic')!;
    expect(gone.removed).toMatchObject({ version: B, seenAt: null });
    expect(unseenChanges((await db.listAllItems()).find((i) => i.id === inTrash.id)!)).toHaveLength(1);
  });

  it('an item saved before tracking (or imported from an older file) gets a first-run snapshot, no change', async () => {
    const list = await db.createShortlist('Mine');
    await db.addItem(list.id, { providerId: 'clinic', snapshot: { name: 'Clinic', website: null }, custom: null });
    await db.addItem(list.id, { providerId: null, snapshot: { name: 'Mine', website: null }, custom: { name: 'Mine', website: null, city: null, state: null } });
    expect(needsSnapshot(await db.listAllItems())).toBe(true);
    expect(await checkForChanges(deps(A, [closed]))).toEqual({ compared: true, unseen: 0 });
    const [tracked, custom] = await db.listItems(list.id);
    expect(tracked!.facts).toMatchObject({ firstRun: true, version: A, snapshot: snapshotOf(closed) });
    expect(custom!.facts).toBeNull();
    expect(needsSnapshot(await db.listAllItems())).toBe(false);
  });
});
