// Issue 17, item 8: an import's check and its write are one transaction, and writeAll refuses items
// into a list that is in the trash (unless that list is written with them, as a restore does).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../../fixtures/shortlist-db/rejection';
import { RecordsChangedError, openShortlistDb, type ShortlistDb } from '../../../lib/shortlist';
import { applyImportChoices, planImport } from '../../../lib/export';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';
import { makeItem, makeList } from '../../fixtures/shortlists';

let factory: IDBFactory;
const opened: ShortlistDb[] = [];
async function open(): Promise<ShortlistDb> {
  const h = await openShortlistDb({ indexedDB: factory, channelName: `t-${crypto.randomUUID()}` });
  opened.push(h);
  return h;
}
beforeEach(() => {
  factory = freshFactory();
});
afterEach(() => {
  for (const h of opened.splice(0)) h.close();
});

async function everything(db: ShortlistDb) {
  const shortlists = [...(await db.listShortlists()), ...(await db.listDeletedShortlists())];
  const items = (await Promise.all(shortlists.map((l) => db.listItems(l.id)))).flat();
  return { shortlists, items };
}

describe('writeAll', () => {
  it('refuses items into a list that is in the trash; nothing is written', async () => {
    const db = await open();
    const list = await db.createShortlist('Denver');
    await db.deleteShortlist(list.id);
    const err = await rejection(db.writeAll({ shortlists: [], items: [makeItem({ id: 'x', shortlistId: list.id })] }));
    expect(err.kind).toBe('invalid');
    expect(err.field).toBe('items[0].shortlistId');
    expect(err.message).toMatch(/deleted/);
    expect(await db.listItems(list.id)).toEqual([]);
  });

  it('accepts items into a list in the trash written in the same batch (restoring a backup exactly)', async () => {
    const db = await open();
    const trashed = makeList({ id: 'T', deletedAt: 1_700_000_000_000 });
    await db.writeAll({ shortlists: [trashed], items: [makeItem({ id: 'x', shortlistId: 'T' })] });
    expect((await db.listItems('T')).map((i) => i.id)).toEqual(['x']);
  });

  it('an import confirmed after another window changed things writes nothing and hands back the new state', async () => {
    const [dialog, other] = [await open(), await open()];
    const list = await dialog.createShortlist('Denver');
    const item = await dialog.addItem(list.id, { providerId: 'mindbloom', snapshot: { name: 'Mindbloom', website: null }, custom: null });
    const seen = await everything(dialog); // the preview
    const file = { shortlists: [list], items: [makeItem({ id: 'new', shortlistId: list.id, providerId: 'klarisana', snapshot: { name: 'K', website: null } })] };
    const records = applyImportChoices(planImport(seen, file), {});
    // Between the preview and Confirm: another window deletes the list.
    await other.deleteShortlist(list.id);
    const err = await rejection(dialog.writeAll(records, { unchangedSince: seen }));
    expect(err).toBeInstanceOf(RecordsChangedError);
    expect((err as RecordsChangedError).current.shortlists[0]!.deletedAt).not.toBeNull();
    expect((await dialog.listItems(list.id)).map((i) => i.id)).toEqual([item.id]);
    // Unchanged since the preview: written.
    const restored = await other.restoreShortlist(list.id);
    const fresh = await everything(dialog);
    const file2 = { shortlists: [restored], items: file.items };
    expect(await dialog.writeAll(applyImportChoices(planImport(fresh, file2), {}), { unchangedSince: fresh })).toEqual({ shortlists: 0, items: 1 });
  });

  it('a note saved in another window between preview and Confirm is not overwritten by "take theirs"', async () => {
    const [dialog, other] = [await open(), await open()];
    const list = await dialog.createShortlist('Denver');
    const item = await dialog.addItem(list.id, { providerId: 'mindbloom', snapshot: { name: 'Mindbloom', website: null }, custom: null });
    const seen = await everything(dialog);
    const { revision: _r, ...model } = item;
    const plan = planImport(seen, { shortlists: [list], items: [{ ...model, notes: 'from the file' }] });
    const records = applyImportChoices(plan, { [`item:${item.id}`]: 'take-theirs' });
    await other.updateItem(item.id, { notes: 'typed meanwhile', expectedRevision: item.revision });
    expect(await rejection(dialog.writeAll(records, { unchangedSince: seen }))).toBeInstanceOf(RecordsChangedError);
    expect((await dialog.listItems(list.id))[0]!.notes).toBe('typed meanwhile');
  });
});
