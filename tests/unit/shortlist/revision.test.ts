// Issue 17, item 1: two windows editing one item never silently lose text. Every item has a revision;
// a write of user text names the revision it read, and a stale one is refused with both versions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rejection } from '../../fixtures/shortlist-db/rejection';
import { ItemConflictError, isItemConflict, openShortlistDb, type ShortlistDb } from '../../../lib/shortlist';
import type { StoredShortlistItem } from '../../../lib/shortlist/schema';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';

let factory: IDBFactory;
const opened: ShortlistDb[] = [];

/** One more "window": its own connection to the same database. */
async function open(): Promise<ShortlistDb> {
  const handle = await openShortlistDb({ indexedDB: factory, channelName: `test-${crypto.randomUUID()}` });
  opened.push(handle);
  return handle;
}

beforeEach(() => {
  factory = freshFactory();
});
afterEach(() => {
  for (const h of opened.splice(0)) h.close();
});

async function oneItem(db: ShortlistDb): Promise<StoredShortlistItem> {
  const list = await db.createShortlist('Denver');
  return db.addItem(list.id, { providerId: 'mindbloom', snapshot: { name: 'Mindbloom', website: null }, custom: null });
}

describe('revisions', () => {
  it('start at 1, go up with each change of user text, not with moves or no-op writes', async () => {
    const db = await open();
    const item = await oneItem(db);
    expect(item.revision).toBe(1);
    const a = await db.updateItem(item.id, { notes: 'a', expectedRevision: 1 });
    expect(a.revision).toBe(2);
    expect((await db.updateItem(item.id, { notes: 'a', expectedRevision: 1 })).revision).toBe(2); // already stored: no conflict
    const other = await db.addItem(item.shortlistId, { providerId: 'klarisana', snapshot: { name: 'Klarisana', website: null }, custom: null });
    expect((await db.moveItem(item.id, 1)).revision).toBe(2);
    expect((await db.listItems(item.shortlistId)).map((i) => [i.id, i.revision])).toEqual([
      [other.id, 1],
      [item.id, 2],
    ]);
  });

  it('a write from a stale revision is refused with both versions, and nothing is written', async () => {
    const [a, b] = [await open(), await open()];
    const item = await oneItem(a);
    await a.updateItem(item.id, { notes: 'typed in A', expectedRevision: item.revision });
    const err = await rejection(b.updateItem(item.id, { notes: 'typed in B', status: 'contacted', expectedRevision: item.revision }));
    expect(isItemConflict(err)).toBe(true);
    const conflict = err as ItemConflictError;
    expect(conflict.kind).toBe('conflict');
    expect(conflict.itemId).toBe(item.id);
    expect(conflict.expectedRevision).toBe(1);
    expect(conflict.stored.notes).toBe('typed in A');
    expect(conflict.stored.revision).toBe(2);
    expect(conflict.attempted).toEqual({ notes: 'typed in B', status: 'contacted' });
    expect(conflict.fields).toEqual(['notes', 'status']);
    expect(conflict.message).toMatch(/Nothing was overwritten/);
    expect((await a.listItems(item.shortlistId))[0]!.notes).toBe('typed in A');
    // The user chose: write the choice against the revision now stored.
    const chosen = await b.updateItem(item.id, { notes: 'typed in A\ntyped in B', expectedRevision: conflict.stored.revision });
    expect(chosen.revision).toBe(3);
  });

  it('an import over an item moves its revision on, so a window still editing it gets a conflict', async () => {
    const db = await open();
    const item = await oneItem(db);
    await db.writeAll({ shortlists: [], items: [{ ...item, notes: 'from the file' }] });
    expect((await db.listItems(item.shortlistId))[0]!.revision).toBe(2);
    expect((await rejection(db.updateItem(item.id, { notes: 'typed', expectedRevision: 1 }))).kind).toBe('conflict');
  });

  it('quote, status, answers and plan are checked too', async () => {
    const db = await open();
    const item = await oneItem(db);
    await db.updateItem(item.id, { quote: { consultation: 100, perSession: null, note: 'x' }, expectedRevision: 1 });
    for (const patch of [
      { quote: { consultation: 200, perSession: null, note: 'y' } },
      { status: 'ruled-out' as const },
      { answers: { q: { done: true, text: 'z' } } },
      { plan: { initialSessions: 3, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false } },
    ]) {
      expect((await rejection(db.updateItem(item.id, { ...patch, expectedRevision: 1 }))).kind).toBe('conflict');
    }
  });
});

type Field = 'notes' | 'quote';
interface Attempt {
  window: 0 | 1;
  field: Field;
  text: string;
}

describe('two stores on one database editing concurrently (property)', () => {
  it('never loses user text: every attempted text is stored or reported in a conflict, and every stored text was seen by whoever replaced it', async () => {
    let conflictsSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ window: fc.constantFrom(0 as const, 1 as const), field: fc.constantFrom<Field>('notes', 'quote'), text: fc.string({ maxLength: 12 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.scheduler(),
        async (attempts, s) => {
          factory = freshFactory();
          const windows = [await open(), await open()] as const;
          const item = await oneItem(windows[0]);
          const valueOf = (i: StoredShortlistItem, field: Field) => (field === 'notes' ? i.notes : (i.quote?.note ?? ''));
          /** revision → the item as written at that revision (1: as added). */
          const history = new Map<number, StoredShortlistItem>([[1, item]]);
          const conflicts: { attempt: Attempt; err: ItemConflictError }[] = [];
          const stored: { attempt: Attempt; read: StoredShortlistItem; result: StoredShortlistItem }[] = [];

          const run = async (attempt: Attempt, n: number) => {
            const db = windows[attempt.window];
            const text = `${n}:${attempt.text}`; // unique per attempt
            const read = (await db.listItems(item.shortlistId))[0]!; // what this window shows
            await s.schedule(Promise.resolve(), `user types in window ${attempt.window}`);
            const patch = attempt.field === 'notes' ? { notes: text } : { quote: { consultation: null, perSession: null, note: text } };
            try {
              const result = await db.updateItem(item.id, { ...patch, expectedRevision: read.revision });
              if (result.revision !== read.revision) history.set(result.revision, result);
              stored.push({ attempt: { ...attempt, text }, read, result });
            } catch (err) {
              expect(isItemConflict(err)).toBe(true);
              conflicts.push({ attempt: { ...attempt, text }, err: err as ItemConflictError });
            }
          };
          const all = Promise.all(attempts.map((a, n) => run(a, n)));
          let finished = false;
          void all.then(
            () => (finished = true),
            () => (finished = true),
          );
          // IndexedDB answers on later macrotasks: release the scheduled "typing" steps in the order the
          // scheduler picks as they arrive, letting the database work in between.
          while (!finished) {
            if (s.count() > 0) await s.waitOne();
            else await new Promise((r) => setTimeout(r, 0));
          }
          await all;

          // Every attempted text is either stored (it was written) or handed back in a conflict.
          expect(stored.length + conflicts.length).toBe(attempts.length);
          for (const { attempt, result } of stored) expect(valueOf(result, attempt.field)).toBe(attempt.text);
          for (const { attempt, err } of conflicts) {
            const attempted = attempt.field === 'notes' ? err.attempted.notes : err.attempted.quote?.note;
            expect(attempted).toBe(attempt.text);
            // …together with the version that is stored, which the user can keep instead.
            expect(history.get(err.stored.revision)).toEqual(err.stored);
            expect(err.stored.revision).not.toBe(err.expectedRevision);
          }
          // No text was replaced unseen: each write went on from exactly the revision its window had read.
          for (const { read, result } of stored) {
            if (result.revision !== read.revision) expect(result.revision).toBe(read.revision + 1);
          }
          const revisions = [...history.keys()].sort((a, b) => a - b);
          expect(revisions).toEqual(revisions.map((_, i) => i + 1)); // 1, 2, 3, … : a chain, no fork
          const final = (await windows[1].listItems(item.shortlistId))[0]!;
          expect(final).toEqual(history.get(revisions.at(-1)!));
          conflictsSeen += conflicts.length;
          for (const h of opened.splice(0)) h.close();
        },
      ),
      { numRuns: 60 },
    );
    expect(conflictsSeen).toBeGreaterThan(0); // the runs did race
  }, 60_000);
});
