// Shortlist storage speed on a list that already holds 1,000 items. `npm run bench -- shortlist`.
// Figures only; correctness lives in tests/unit/shortlist.
//
// Runs on fake-indexeddb in Node: an in-memory, pure-JS IndexedDB. Its timings are a PROXY for the
// browser's, not a measurement of it: a real browser adds structured-clone and disk I/O (strict
// durability on writes: a flush per transaction) but runs the store natively. Use these figures to
// catch regressions in how many requests / records an action touches, not as absolute browser times.
//
// "read 1,000-item list" is listItems() only (one transaction, one index getAll). The rendering aim
// (≤ 100 ms from click to a painted list) is measured with the UI, elsewhere; this is its storage part.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openShortlistDb, type ShortlistDb } from '../../lib/shortlist';
import type { Bench, BenchResult } from './types';

const LIST_SIZE = 1_000;
const RUNS = 50;
const WARMUP = 5;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A realistic item: a few hundred characters of notes, answers, a quote and a plan. */
function item(i: number, shortlistId: string) {
  return {
    id: `item-${i}`,
    shortlistId,
    providerId: `provider-${i}`,
    snapshot: { name: `Ketamine Clinic ${i}`, website: `https://clinic-${i}.example/` },
    custom: null,
    status: (['considering', 'contacted', 'consultation-booked', 'ruled-out'] as const)[i % 4]!,
    notes: `Called on day ${i}. Asked about IV vs IM, spacing of the first six sessions, and whether the consult fee is credited. 📝 `.repeat(3),
    quote: i % 3 === 0 ? { consultation: 250, perSession: 400 + (i % 7) * 25, note: 'package price if paid upfront' } : null,
    answers: { 'consult-cost': { done: true, text: '$250' }, monitoring: { done: i % 2 === 0, text: 'BP and pulse oximetry' } },
    plan: { initialSessions: 6, maintenancePerMonth: 1, maintenanceMonths: 6, hsaTaxRate: 22, spravatoInsurance: false },
    position: i,
    createdAt: 1_750_000_000_000 + i,
    updatedAt: 1_750_000_000_000 + i,
  };
}

async function setup(): Promise<{ db: ShortlistDb; listId: string }> {
  const db = await openShortlistDb({ indexedDB: new IDBFactory(), channelName: 'clinic-scout-shortlists-bench' });
  const listId = 'bench-list';
  await db.writeAll({
    shortlists: [{ id: listId, name: 'Bench', createdAt: 1, updatedAt: 1, deletedAt: null }],
    items: Array.from({ length: LIST_SIZE }, (_, i) => item(i, listId)),
  });
  return { db, listId };
}

const bench: Bench = async () => {
  const { db, listId } = await setup();
  const add: number[] = [];
  const read: number[] = [];
  const update: number[] = [];
  const lookup: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Add one item to the 1,000-item list, then remove it (untimed) so every run starts at 1,000.
      let added: { id: string } | undefined;
      const tAdd = await time(async () => {
        added = await db.addItem(listId, {
          providerId: `new-provider-${run}`,
          snapshot: { name: `New clinic ${run}`, website: null },
          custom: null,
        });
      });
      await db.removeItem(added!.id);

      let count = 0;
      const tRead = await time(async () => {
        count = (await db.listItems(listId)).length;
      });
      if (count !== LIST_SIZE) throw new Error(`expected ${LIST_SIZE} items, read ${count}`);

      const tUpdate = await time(() => db.updateItem(`item-${(run * 37) % LIST_SIZE}`, { notes: `edited in run ${run} ✏️` }));
      const tLookup = await time(() => db.itemsForProvider(`provider-${(run * 53) % LIST_SIZE}`));

      if (run >= WARMUP) {
        add.push(tAdd);
        read.push(tRead);
        update.push(tUpdate);
        lookup.push(tLookup);
      }
    }
  } finally {
    db.close();
  }

  const results: BenchResult[] = [
    { name: 'shortlist addItem p50 @1,000 items (fake-indexeddb)', value: percentile(add, 50), unit: 'ms', target: '≤ 50 ms', ok: percentile(add, 50) <= 50 },
    { name: 'shortlist addItem p95 @1,000 items (fake-indexeddb)', value: percentile(add, 95), unit: 'ms' },
    {
      name: 'shortlist listItems p50, 1,000 items (read part of ≤ 100 ms render; render measured elsewhere)',
      value: percentile(read, 50),
      unit: 'ms',
      target: '≤ 100 ms incl. render',
      ok: percentile(read, 50) <= 100,
    },
    { name: 'shortlist listItems p95, 1,000 items', value: percentile(read, 95), unit: 'ms' },
    { name: 'shortlist updateItem (notes) p50 @1,000 items', value: percentile(update, 50), unit: 'ms' },
    { name: 'shortlist itemsForProvider p50 @1,000 items', value: percentile(lookup, 50), unit: 'ms' },
  ];
  return results;
};

export default bench;
