// Rendering the Shortlist view with 1,000 items. `npm run bench -- shortlist-render`. Figures only.
// The view shows the first PAGE_SIZE (50) rows and "Show 50 more" / "Show all"; the figures are the
// first render of that view and one "Show 50 more".
//
// Renders the real view component (ShortlistPanel inside ShortlistsProvider, what ShortlistView shows)
// into a happy-dom document in plain Node: `new Window()` from happy-dom, its document handed to Preact
// as the global `document` only while this benchmark runs. The data is already loaded in the store (the
// storage part, listItems on 1,000 items, is measured by shortlist.bench.ts), so the figure is Preact
// building the DOM. happy-dom is a PROXY for a browser: no layout or paint, but a slower DOM; use it to
// catch regressions in how much the view renders, not as a browser time.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { ShortlistPanel } from '../../components/shortlist/ShortlistPanel';
import { PAGE_SIZE } from '../../lib/shortlist/view';
import { ShortlistStore } from '../../state/shortlists/store';
import { ShortlistsProvider } from '../../state/shortlists/context';
import type { Provider } from '../../lib/dataset/schema';
import { openShortlistDb } from '../../lib/shortlist';
import type { ShortlistItem } from '../../lib/shortlist/schema';
import { makeProvider } from '../fixtures/providers';
import type { Bench, BenchResult } from './types';

const LIST_SIZE = 1_000;
const RUNS = 20;
const WARMUP = 3;
const PROVIDER_COUNT = 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const providers = new Map<string, Provider>(
  Array.from({ length: PROVIDER_COUNT }, (_, i) => makeProvider({ id: `provider-${i}`, name: `Ketamine Clinic ${i}` })).map((p) => [p.id, p]),
);

/** A realistic mix: dataset providers, some that left the dataset, some of the user's own entries. */
function item(i: number, shortlistId: string): ShortlistItem {
  const custom = i % 10 === 9;
  const providerId = custom ? null : `provider-${i % (PROVIDER_COUNT + 20)}`; // ids ≥ 100 left the dataset
  return {
    id: `item-${String(i).padStart(4, '0')}`,
    shortlistId,
    providerId,
    snapshot: { name: `Ketamine Clinic ${i}`, website: `https://clinic-${i}.example/` },
    custom: custom ? { name: `My own clinic ${i}`, website: null, city: 'Austin', state: 'TX' } : null,
    status: (['considering', 'contacted', 'consultation-booked', 'ruled-out'] as const)[i % 4]!,
    notes: i % 3 === 0 ? '' : `Called on day ${i}. Asked about IV vs IM and whether the consult fee is credited. 📝 `.repeat(3),
    quote: i % 3 === 0 ? { consultation: 250, perSession: 400 + (i % 7) * 25, note: 'package price' } : null,
    answers: {},
    plan: null,
    position: i,
    createdAt: 1_750_000_000_000 + i,
    updatedAt: 1_750_000_000_000 + i * 60_000,
    facts: null,
    changeHistory: [],
    removed: null,
  };
}

const bench: Bench = async () => {
  const factory = new IDBFactory();
  const channelName = 'clinic-scout-shortlists-render-bench';
  const seed = await openShortlistDb({ indexedDB: factory, channelName });
  const listId = 'bench-list';
  await seed.writeAll({
    shortlists: [{ id: listId, name: 'Bench', createdAt: 1, updatedAt: 1, deletedAt: null }],
    items: Array.from({ length: LIST_SIZE }, (_, i) => item(i, listId)),
  });
  seed.close();

  const window = new Window({ url: 'chrome-extension://bench/sidepanel.html#/shortlist', width: 360, height: 900 });
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, window: g.window };
  g.document = window.document;
  g.window = window;

  const store = new ShortlistStore({ open: () => openShortlistDb({ indexedDB: factory, channelName }), requestPersistence: async () => true });
  const renderTimes: number[] = [];
  const loadAndRender: number[] = [];
  const moreTimes: number[] = [];
  let rows = 0;
  try {
    await store.start();
    if (store.snapshot.items.get(listId)?.length !== LIST_SIZE) throw new Error('bench: the store did not load 1,000 items');
    const providerById = (id: string) => providers.get(id);

    for (let run = 0; run < WARMUP + RUNS; run++) {
      const container = window.document.createElement('div');
      window.document.body.appendChild(container);
      const start = performance.now();
      render(h(ShortlistsProvider, { store }, h(ShortlistPanel, { providerById })), container as unknown as Element);
      const took = performance.now() - start;
      rows = container.querySelectorAll('.sl-item').length;
      if (!container.textContent?.includes(`Showing ${PAGE_SIZE} of 1,000 clinics.`)) throw new Error('bench: no "Showing … of 1,000" line');
      if (run >= WARMUP) {
        // "Show 50 more": Preact re-renders on the next microtask; wait for the rows to be there.
        const more = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === `Show ${PAGE_SIZE} more`);
        if (!more) throw new Error('bench: no "Show more" button');
        const t0 = performance.now();
        more.click();
        while (container.querySelectorAll('.sl-item').length < 2 * PAGE_SIZE) await new Promise<void>((r) => queueMicrotask(r));
        moreTimes.push(performance.now() - t0);
      }
      render(null, container as unknown as Element);
      container.remove();
      if (run >= WARMUP) renderTimes.push(took);
    }
    if (rows !== PAGE_SIZE) throw new Error(`bench: rendered ${rows} rows, expected ${PAGE_SIZE}`);

    // From nothing: open the database, read 1,000 items, render (what opening the view costs).
    for (let run = 0; run < 5; run++) {
      const fresh = new ShortlistStore({ open: () => openShortlistDb({ indexedDB: factory, channelName }), requestPersistence: async () => true });
      const container = window.document.createElement('div');
      window.document.body.appendChild(container);
      const start = performance.now();
      await fresh.start();
      render(h(ShortlistsProvider, { store: fresh }, h(ShortlistPanel, { providerById })), container as unknown as Element);
      loadAndRender.push(performance.now() - start);
      render(null, container as unknown as Element);
      container.remove();
      fresh.stop();
    }
  } finally {
    store.stop();
    g.document = saved.document;
    g.window = saved.window;
    await window.happyDOM.abort();
    window.close();
  }

  const p50 = percentile(renderTimes, 50);
  const results: BenchResult[] = [
    { name: `shortlist view first render p50, 1,000 items (${PAGE_SIZE} rows shown; happy-dom, data loaded)`, value: p50, unit: 'ms', target: '≤ 100 ms', ok: p50 <= 100 },
    { name: 'shortlist view first render p95, 1,000 items', value: percentile(renderTimes, 95), unit: 'ms' },
    { name: `shortlist view "Show ${PAGE_SIZE} more" p50, 1,000 items`, value: percentile(moreTimes, 50), unit: 'ms' },
    { name: 'shortlist view open db + load + render p50, 1,000 items (fake-indexeddb)', value: percentile(loadAndRender, 50), unit: 'ms' },
  ];
  return results;
};

export default bench;
