import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rejection } from '../../fixtures/shortlist-db/rejection';
import fc from 'fast-check';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import {
  DEFAULT_SHORTLIST_NAME,
  MIN_POSITION_GAP,
  StorageError,
  dumpShortlistDb,
  openShortlistDb,
  type NewItem,
  type ShortlistDb,
} from '../../../lib/shortlist';
import type { ShortlistItem } from '../../../lib/shortlist/schema';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';

let factory: IDBFactory;
let db: ShortlistDb;
let clock: number;
const opened: ShortlistDb[] = [];

async function open(): Promise<ShortlistDb> {
  const handle = await openShortlistDb({ indexedDB: factory, channelName: `test-${crypto.randomUUID()}`, now: () => clock });
  opened.push(handle);
  return handle;
}

beforeEach(async () => {
  factory = freshFactory();
  clock = Date.UTC(2025, 6, 1);
  db = await open();
});

afterEach(() => {
  for (const h of opened.splice(0)) h.close();
});

function provider(n: number | string): NewItem {
  return { providerId: `provider-${n}`, snapshot: { name: `Clinic ${n}`, website: `https://clinic-${n}.example/` }, custom: null };
}


const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('shortlists', () => {
  it('creates, lists (oldest first), renames', async () => {
    const a = await db.createShortlist('  Near home  ');
    clock += 1000;
    const b = await db.createShortlist('Telehealth');
    expect(a.name).toBe('Near home');
    expect(a.deletedAt).toBeNull();
    expect(await db.listShortlists()).toEqual([a, b]);
    clock += 1000;
    const renamed = await db.renameShortlist(a.id, 'Close to work');
    expect(renamed.name).toBe('Close to work');
    expect(renamed.updatedAt).toBe(clock);
    expect((await db.listShortlists())[0]).toEqual(renamed);
  });

  it('rejects an empty name, naming the field, and writes nothing', async () => {
    const err = await rejection(db.createShortlist('   '));
    expect(err.kind).toBe('invalid');
    expect(err.field).toBe('name');
    expect(err.message).toContain('name');
    expect(await db.listShortlists()).toEqual([]);
  });

  it('soft delete keeps the list and its items; restore brings both back', async () => {
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, provider(1));
    await db.updateItem(item.id, { notes: 'precious notes' });
    clock += 5000;
    const deleted = await db.deleteShortlist(list.id);
    expect(deleted.deletedAt).toBe(clock);
    expect(await db.listShortlists()).toEqual([]);
    expect(await db.listDeletedShortlists()).toEqual([deleted]);
    expect(await db.itemsForProvider('provider-1')).toEqual([]);
    expect((await db.listItems(list.id))[0]?.notes).toBe('precious notes');

    const restored = await db.restoreShortlist(list.id);
    expect(restored.deletedAt).toBeNull();
    expect(await db.listShortlists()).toEqual([restored]);
    expect((await db.listItems(list.id))[0]?.notes).toBe('precious notes');
    expect((await db.itemsForProvider('provider-1')).map((m) => m.shortlist.id)).toEqual([list.id]);
  });

  it('deleting twice keeps the first deletion time', async () => {
    const list = await db.createShortlist('Mine');
    const first = await db.deleteShortlist(list.id);
    clock += 60_000;
    expect(await db.deleteShortlist(list.id)).toEqual(first);
  });

  it('purgeDeleted removes only lists deleted longer ago than asked, with their items', async () => {
    const old = await db.createShortlist('Old');
    const recent = await db.createShortlist('Recent');
    const kept = await db.createShortlist('Kept');
    for (const l of [old, recent, kept]) {
      await db.addItem(l.id, provider(`${l.name}-1`));
      await db.addItem(l.id, provider(`${l.name}-2`));
    }
    await db.deleteShortlist(old.id);
    clock += 10 * 86_400_000;
    await db.deleteShortlist(recent.id);
    clock += 86_400_000;

    expect(await db.purgeDeleted(7 * 86_400_000)).toEqual({ shortlists: 1, items: 2 });
    const dump = await dumpShortlistDb({ indexedDB: factory });
    expect(dump!.stores.shortlists!.records.map((l) => (l as { name: string }).name).sort()).toEqual(['Kept', 'Recent']);
    expect(dump!.stores.items!.records).toHaveLength(4);
    expect(await db.listItems(old.id)).toEqual([]);
    expect(await db.listItems(recent.id)).toHaveLength(2);

    expect(await db.purgeDeleted(0)).toEqual({ shortlists: 1, items: 2 });
    expect((await db.listShortlists()).map((l) => l.name)).toEqual(['Kept']);
    expect(await db.listItems(kept.id)).toHaveLength(2);
    expect((await rejection(db.purgeDeleted(-1))).kind).toBe('invalid');
  });

  it('ensureDefaultShortlist creates "My shortlist" once, even when called from two windows at once', async () => {
    const other = await open();
    const made = await Promise.all([db.ensureDefaultShortlist(), other.ensureDefaultShortlist(), db.ensureDefaultShortlist()]);
    expect(new Set(made.map((l) => l.id)).size).toBe(1);
    expect(made[0]!.name).toBe(DEFAULT_SHORTLIST_NAME);
    expect(await db.listShortlists()).toHaveLength(1);
  });

  it('ensureDefaultShortlist returns the oldest existing list instead of creating one', async () => {
    const first = await db.createShortlist('First');
    clock += 1;
    await db.createShortlist('Second');
    expect(await db.ensureDefaultShortlist()).toEqual(first);
    expect(await db.listShortlists()).toHaveLength(2);
  });

  it('operations on a missing list fail with a plain message', async () => {
    const err = await rejection(db.renameShortlist('nope', 'x'));
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/no longer exists/);
    expect((await rejection(db.addItem('nope', provider(1)))).kind).toBe('invalid');
  });
});

describe('items', () => {
  it('adds with defaults, at the end, and lists in position order', async () => {
    const list = await db.createShortlist('Mine');
    const a = await db.addItem(list.id, provider('a'));
    const b = await db.addItem(list.id, provider('b'));
    expect(a).toMatchObject({ shortlistId: list.id, status: 'considering', notes: '', quote: null, answers: {}, plan: null, custom: null });
    expect(b.position).toBeGreaterThan(a.position);
    expect(ids(await db.listItems(list.id))).toEqual([a.id, b.id]);
  });

  it('addItem is idempotent per provider and list (also when called concurrently)', async () => {
    const list = await db.createShortlist('Mine');
    const other = await db.createShortlist('Other');
    const first = await db.addItem(list.id, provider(1));
    await db.updateItem(first.id, { notes: 'mine' });
    const again = await db.addItem(list.id, { ...provider(1), snapshot: { name: 'Renamed', website: null } });
    expect(again.id).toBe(first.id);
    expect(again.notes).toBe('mine');
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => db.addItem(other.id, provider(1))));
    expect(new Set(concurrent.map((i) => i.id)).size).toBe(1);
    expect(await db.listItems(list.id)).toHaveLength(1);
    expect(await db.listItems(other.id)).toHaveLength(1);
    // Custom clinics have no provider id: each add is its own item.
    const custom: NewItem = { providerId: null, snapshot: { name: 'Dr. Lee', website: null }, custom: { name: 'Dr. Lee', website: null, city: 'Reno', state: 'NV' } };
    await db.addItem(list.id, custom);
    await db.addItem(list.id, custom);
    expect(await db.listItems(list.id)).toHaveLength(3);
  });

  it('addItem refuses a custom clinic without details and a deleted list', async () => {
    const list = await db.createShortlist('Mine');
    const err = await rejection(db.addItem(list.id, { providerId: null, snapshot: { name: 'X', website: null }, custom: null }));
    expect(err.field).toBe('custom');
    const bad = await rejection(db.addItem(list.id, { ...provider(1), snapshot: { name: 'X', website: 'javascript:alert(1)' } }));
    expect(bad.field).toBe('snapshot.website');
    await db.deleteShortlist(list.id);
    const gone = await rejection(db.addItem(list.id, provider(1)));
    expect(gone.field).toBe('shortlistId');
    expect(gone.message).toMatch(/restore/i);
    expect(await db.listItems(list.id)).toEqual([]);
  });

  it('itemsForProvider lists every (non-deleted) list holding the provider', async () => {
    const a = await db.createShortlist('A');
    clock += 1;
    const b = await db.createShortlist('B');
    clock += 1;
    const c = await db.createShortlist('C');
    const inA = await db.addItem(a.id, provider(7));
    const inB = await db.addItem(b.id, provider(7));
    await db.addItem(c.id, provider(7));
    await db.addItem(a.id, provider(8));
    await db.deleteShortlist(c.id);
    const found = await db.itemsForProvider('provider-7');
    expect(found.map((f) => [f.shortlist.id, f.item.id])).toEqual([
      [a.id, inA.id],
      [b.id, inB.id],
    ]);
    expect(await db.itemsForProvider('provider-404')).toEqual([]);
  });

  it('updateItem changes only the patched fields, bumps updatedAt and merges answers', async () => {
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, provider(1));
    const updated = await db.updateItem(item.id, {
      status: 'contacted',
      quote: { consultation: 200, perSession: 450.5, note: 'cash price' },
      answers: { q1: { done: true, text: 'yes' }, q2: { done: false, text: '' } },
      plan: { initialSessions: 6, maintenancePerMonth: 1, maintenanceMonths: 12, hsaTaxRate: 24, spravatoInsurance: false },
    });
    expect(updated.updatedAt).toBeGreaterThan(item.updatedAt);
    expect(updated).toMatchObject({ status: 'contacted', notes: '', position: item.position, createdAt: item.createdAt });
    const again = await db.updateItem(item.id, { answers: { q2: { done: true, text: 'no' }, q1: null, q3: { done: true, text: '' } } });
    expect(again.answers).toEqual({ q2: { done: true, text: 'no' }, q3: { done: true, text: '' } });
    expect(again.quote).toEqual(updated.quote);
    expect(again.updatedAt).toBeGreaterThan(updated.updatedAt); // same clock ms: still moves forward
    expect((await db.listItems(list.id))[0]).toEqual(again);
  });

  it('updateItem validates before writing and names the field', async () => {
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, provider(1));
    await db.updateItem(item.id, { notes: 'keep me' });
    const cases: [Parameters<ShortlistDb['updateItem']>[1], string][] = [
      [{ notes: 'x'.repeat(100_001) }, 'notes'],
      [{ status: 'maybe' as never }, 'status'],
      [{ quote: { consultation: -5, perSession: null, note: '' } }, 'quote.consultation'],
      [{ answers: { q1: { done: 'yes' as never, text: '' } } }, 'answers.q1.done'],
      [{ plan: { initialSessions: 1.5, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false } }, 'plan.initialSessions'],
    ];
    for (const [patch, field] of cases) {
      const err = await rejection(db.updateItem(item.id, patch));
      expect(err.kind).toBe('invalid');
      expect(err.field).toBe(field);
      expect(err.message).toContain(field);
    }
    expect((await db.listItems(list.id))[0]?.notes).toBe('keep me');
    expect((await rejection(db.updateItem('missing', { notes: 'x' }))).message).toMatch(/no longer on your shortlist/);
  });

  it('notes with emoji, right-to-left text and 10,000 characters round-trip exactly', async () => {
    const list = await db.createShortlist('Mine');
    const rtl = 'שלום, המרפאה בתל אביב. مرحبا، العيادة مفتوحة يوم الأحد. \u202Ereversed\u202C \u200F';
    const emoji = '👩🏽‍⚕️ 🧠💊 🇺🇸 ✅ family: 👨‍👩‍👧‍👦 — keycap 1️⃣';
    const base = `${emoji}\n${rtl}\n\ttabs, "quotes", <b>not html</b>, NUL:\u0000, BOM:\uFEFF\n`;
    const long = Array.from(base.repeat(200)).slice(0, 10_000).join(''); // 10,000 code points
    expect(Array.from(long)).toHaveLength(10_000);
    const notes = [emoji, rtl, long, 'x'.repeat(10_000), ''];
    for (const [i, text] of notes.entries()) {
      const item = await db.addItem(list.id, provider(i));
      await db.updateItem(item.id, { notes: text, answers: { q: { done: true, text } } });
    }
    const reader = await open(); // a fresh connection: nothing comes from memory
    const stored = await reader.listItems(list.id);
    expect(stored.map((i) => i.notes)).toEqual(notes);
    expect(stored.map((i) => i.answers.q?.text)).toEqual(notes);
  });

  it('removeItem deletes one item and returns it', async () => {
    const list = await db.createShortlist('Mine');
    const a = await db.addItem(list.id, provider('a'));
    const b = await db.addItem(list.id, provider('b'));
    expect(await db.removeItem(a.id)).toEqual(a);
    expect(await db.removeItem(a.id)).toBeNull();
    expect(ids(await db.listItems(list.id))).toEqual([b.id]);
  });
});

describe('moveItem', () => {
  async function listWith(n: number) {
    const list = await db.createShortlist('Mine');
    const items: ShortlistItem[] = [];
    for (let i = 0; i < n; i++) items.push(await db.addItem(list.id, provider(i)));
    return { list, items };
  }

  it('moves to the front, the back, the middle; clamps out-of-range indexes', async () => {
    const { list, items } = await listWith(4);
    const [a, b, c, d] = ids(items) as [string, string, string, string];
    const puts = vi.spyOn(FakeObjectStore.prototype, 'put');
    await db.moveItem(c, 0);
    expect(puts).toHaveBeenCalledOnce(); // only the moved item is written
    puts.mockRestore();
    expect(ids(await db.listItems(list.id))).toEqual([c, a, b, d]);
    await db.moveItem(c, 3);
    expect(ids(await db.listItems(list.id))).toEqual([a, b, d, c]);
    await db.moveItem(a, 2);
    expect(ids(await db.listItems(list.id))).toEqual([b, d, a, c]);
    await db.moveItem(b, 99);
    expect(ids(await db.listItems(list.id))).toEqual([d, a, c, b]);
    await db.moveItem(b, -5);
    expect(ids(await db.listItems(list.id))).toEqual([b, d, a, c]);
    expect((await rejection(db.moveItem(b, Number.NaN))).field).toBe('toIndex');
  });

  it('usually writes only the moved item, and renumbers when the gap gets too small', async () => {
    const { list, items } = await listWith(3);
    const [a, b, c] = ids(items) as [string, string, string];
    // Repeatedly moving the last item to index 1 halves the gap after `a` every time.
    let order = [a, b, c];
    for (let i = 0; i < 80; i++) {
      const last = order[2]!;
      const moved = await db.moveItem(last, 1);
      order = [order[0]!, last, order[1]!];
      const stored = await db.listItems(list.id);
      expect(ids(stored)).toEqual(order);
      expect(moved.id).toBe(last);
      const positions = stored.map((s) => s.position);
      for (let k = 1; k < positions.length; k++) expect(positions[k]! - positions[k - 1]!).toBeGreaterThanOrEqual(MIN_POSITION_GAP / 2);
    }
    // After many halvings it must have renumbered at least once (positions would otherwise collapse).
    const positions = (await db.listItems(list.id)).map((s) => s.position);
    expect(new Set(positions).size).toBe(3);
  });

  it('matches an array model over many random moves', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(20), fc.integer({ min: -2, max: 12 })), { minLength: 1, maxLength: 60 }),
        async (n, moves) => {
          factory = freshFactory();
          const handle = await open();
          const list = await handle.createShortlist('Prop');
          let model: string[] = [];
          for (let i = 0; i < n; i++) model.push((await handle.addItem(list.id, provider(i))).id);
          for (const [pick, to] of moves) {
            const id = model[pick % model.length]!;
            await handle.moveItem(id, to);
            model = model.filter((x) => x !== id);
            model.splice(Math.min(Math.max(to, 0), model.length), 0, id);
          }
          expect(ids(await handle.listItems(list.id))).toEqual(model);
          handle.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('concurrency', () => {
  it('50 concurrent updates from two windows: none lost', async () => {
    const other = await open();
    const list = await db.createShortlist('Mine');
    const item = await db.addItem(list.id, provider(1));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? other : db).updateItem(item.id, { answers: { [`q${i}`]: { done: true, text: `answer ${i} ✓` } } }),
      ),
    );
    const [stored] = await db.listItems(list.id);
    expect(Object.keys(stored!.answers)).toHaveLength(50);
    for (let i = 0; i < 50; i++) expect(stored!.answers[`q${i}`]?.text).toBe(`answer ${i} ✓`);
    expect(stored!.updatedAt).toBeGreaterThanOrEqual(item.updatedAt + 50);
  });

  it('50 concurrent addItems from two windows: all kept, distinct positions', async () => {
    const other = await open();
    const list = await db.createShortlist('Mine');
    const added = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? other : db).addItem(list.id, provider(i))));
    const stored = await db.listItems(list.id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.position)).size).toBe(50);
    expect(new Set(ids(stored))).toEqual(new Set(ids(added)));
  });

  it('concurrent notes edits, adds and moves interleaved: every item and every last edit survives', async () => {
    const list = await db.createShortlist('Mine');
    const items = await Promise.all(Array.from({ length: 10 }, (_, i) => db.addItem(list.id, provider(i))));
    await Promise.all([
      ...items.map((it, i) => db.updateItem(it.id, { notes: `note ${i}` })),
      ...items.map((it, i) => db.moveItem(it.id, 9 - i)),
      ...Array.from({ length: 10 }, (_, i) => db.addItem(list.id, provider(100 + i))),
    ]);
    const stored = await db.listItems(list.id);
    expect(stored).toHaveLength(20);
    for (const [i, it] of items.entries()) expect(stored.find((s) => s.id === it.id)?.notes).toBe(`note ${i}`);
  });
});

describe('writeAll', () => {
  const list = (id: string, name = id) => ({ id, name, createdAt: 1, updatedAt: 1, deletedAt: null });
  const item = (id: string, shortlistId: string, extra: object = {}) => ({
    id,
    shortlistId,
    providerId: `p-${id}`,
    snapshot: { name: `Clinic ${id}`, website: null },
    custom: null,
    status: 'considering',
    notes: `notes ${id}`,
    quote: null,
    answers: {},
    plan: null,
    position: 0,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  });

  it('writes lists and items in one go, replacing records with the same id', async () => {
    const existing = await db.createShortlist('Existing');
    const result = await db.writeAll({
      shortlists: [list('L1', 'Imported')],
      items: [item('i1', 'L1'), item('i2', 'L1', { position: 1 }), item('i3', existing.id)],
    });
    expect(result).toEqual({ shortlists: 1, items: 3 });
    expect((await db.listItems('L1')).map((i) => i.notes)).toEqual(['notes i1', 'notes i2']);
    await db.writeAll({ shortlists: [], items: [item('i1', 'L1', { notes: 'replaced' })] });
    expect((await db.listItems('L1'))[0]?.notes).toBe('replaced');
  });

  it('is all-or-nothing: one invalid record, and nothing is written; the error names it', async () => {
    const kept = await db.createShortlist('Kept');
    const before = await dumpShortlistDb({ indexedDB: factory });
    const err = await rejection(
      db.writeAll({
        shortlists: [list('L1'), list('L2')],
        items: [item('i1', 'L1'), item('i2', 'L2'), item('i3', 'L1', { snapshot: { name: '', website: null } })],
      }),
    );
    expect(err.kind).toBe('invalid');
    expect(err.field).toBe('items[2].snapshot.name');
    expect(await dumpShortlistDb({ indexedDB: factory })).toEqual(before);
    expect(await db.listShortlists()).toEqual([kept]);
  });

  it('is all-or-nothing when a referenced list is missing, or ids repeat', async () => {
    const before = await dumpShortlistDb({ indexedDB: factory });
    const orphan = await rejection(db.writeAll({ shortlists: [list('L1')], items: [item('i1', 'L1'), item('i2', 'nowhere')] }));
    expect(orphan.field).toBe('items[1].shortlistId');
    const dup = await rejection(db.writeAll({ shortlists: [list('L1')], items: [item('i1', 'L1'), item('i1', 'L1')] }));
    expect(dup.field).toBe('items[1].id');
    expect(await dumpShortlistDb({ indexedDB: factory })).toEqual(before);
  });

  it('takes 2,000 records in one transaction', async () => {
    const items = Array.from({ length: 2000 }, (_, i) => item(`i${i}`, 'big', { position: i }));
    await db.writeAll({ shortlists: [list('big')], items });
    expect(await db.listItems('big')).toHaveLength(2000);
  });
});
