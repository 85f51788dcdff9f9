// Issue 17, item 3: trash dates in an imported file never make local data expire sooner than local rules
// would. "Take theirs" on a list that the file has in the trash must not delete it on the next open (the
// purge of lists deleted over 30 days ago) nor take the user's own items on it that the file never had.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImportChoices, planImport } from '../../../lib/export/merge';
import { openShortlistDb, type ShortlistDb } from '../../../lib/shortlist';
import type { Shortlist, ShortlistItem } from '../../../lib/shortlist/schema';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';
import { makeItem, makeList } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const PURGE_AFTER_MS = 30 * DAY; // entrypoints/sidepanel/use-shortlists.ts
const NOW = Date.UTC(2026, 4, 1);
let db: ShortlistDb;

beforeEach(async () => {
  db = await openShortlistDb({ indexedDB: freshFactory(), channelName: `t-${crypto.randomUUID()}`, now: () => NOW });
});
afterEach(() => db.close());

async function everything(): Promise<{ shortlists: Shortlist[]; items: ShortlistItem[] }> {
  const shortlists = [...(await db.listShortlists()), ...(await db.listDeletedShortlists())];
  const items = (await Promise.all(shortlists.map((l) => db.listItems(l.id)))).flat();
  return { shortlists, items };
}

/** Import `file` choosing `choice` for every conflict, then open again (which purges old trash). */
async function importThenReopen(file: { shortlists: Shortlist[]; items: ShortlistItem[] }, choice: 'take-theirs' | 'keep-both' | 'keep-mine') {
  const plan = planImport(await everything(), file);
  const choices = Object.fromEntries([...plan.lists.conflicts, ...plan.items.conflicts].map((c) => [c.key, choice]));
  await db.writeAll(applyImportChoices(plan, choices));
  await db.purgeDeleted(PURGE_AFTER_MS);
  return everything();
}

describe('import: trash dates from a file', () => {
  const mineList = makeList({ id: 'L', name: 'Denver', createdAt: NOW - 100 * DAY, updatedAt: NOW - 2 * DAY, deletedAt: null });
  const shared = makeItem({ id: 'B', shortlistId: 'L', providerId: 'mindbloom', notes: 'in both' });
  const ownOnly = makeItem({ id: 'A', shortlistId: 'L', providerId: 'closedco', snapshot: { name: 'Closed Co', website: null }, notes: 'only mine' });
  const theirList = { ...mineList, updatedAt: NOW - 41 * DAY, deletedAt: NOW - 40 * DAY };

  it('"take theirs" on a list in use here, in the trash in the file: still there after the next open, with the user’s own items', async () => {
    await db.writeAll({ shortlists: [mineList], items: [shared, ownOnly] });
    const after = await importThenReopen({ shortlists: [theirList], items: [shared] }, 'take-theirs');
    const list = after.shortlists.find((l) => l.id === 'L');
    expect(list).toBeDefined();
    expect(list!.deletedAt).toBeNull();
    expect(after.items.map((i) => i.id).sort()).toEqual(['A', 'B']);
    expect(after.items.find((i) => i.id === 'A')!.notes).toBe('only mine');
  });

  it('"take theirs" on a list in the trash on both sides keeps the later (local) date: not purged early', async () => {
    await db.writeAll({ shortlists: [{ ...mineList, deletedAt: NOW - 2 * DAY }], items: [shared, ownOnly] });
    const after = await importThenReopen({ shortlists: [{ ...theirList, name: 'Denver (old)' }], items: [shared] }, 'take-theirs');
    const list = after.shortlists.find((l) => l.id === 'L');
    expect(list).toBeDefined();
    expect(list!.deletedAt).toBe(NOW - 2 * DAY);
    expect(after.items.map((i) => i.id).sort()).toEqual(['A', 'B']);
  });

  it('"take theirs" of a live list in the file restores a list from the trash here', async () => {
    await db.writeAll({ shortlists: [{ ...mineList, deletedAt: NOW - 2 * DAY }], items: [ownOnly] });
    const after = await importThenReopen({ shortlists: [{ ...mineList, name: 'Denver 2' }], items: [] }, 'take-theirs');
    expect(after.shortlists.find((l) => l.id === 'L')!.deletedAt).toBeNull();
  });
});
