// The badge's number computed without writing anything: what the store's check (./check.ts) would mark as
// unseen, from the raw stored records and this dataset's facts. The background uses it on start after an
// update (entrypoints/background/changes.ts), so the toolbar shows the count before the panel is ever opened;
// the store then reconciles the items themselves (validated writes) when the panel opens, and its count is
// the same by construction (reconcile is what both run).
//
// The records come straight from IndexedDB, unvalidated (no zod in the background): anything that does not
// look like a list or an item is skipped, and an item whose stored snapshot can't be compared counts as
// nothing — never a false alarm, and nothing is written from here.
import { countUnseen, type FactsLookup } from './check';
import type { DatasetVersion, TrackingFields } from './schema';
import { reconcile } from './tracking';

interface CountableItem extends TrackingFields {
  id: string;
  shortlistId: string;
  providerId: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A stored item as far as counting needs it; null when it does not look like one. */
function countable(raw: unknown): CountableItem | null {
  if (!isObject(raw)) return null;
  const { id, shortlistId, providerId, facts, changeHistory, removed } = raw;
  if (typeof id !== 'string' || typeof shortlistId !== 'string') return null;
  if (providerId !== null && typeof providerId !== 'string') return null;
  return {
    id,
    shortlistId,
    providerId,
    // Before the v3 upgrade an item has none of these: untracked, as the upgrade would make it.
    facts: isObject(facts) && isObject(facts.snapshot) ? (facts as unknown as CountableItem['facts']) : null,
    changeHistory: Array.isArray(changeHistory) ? changeHistory.filter(isObject).map((e) => e as unknown as CountableItem['changeHistory'][number]) : [],
    removed: isObject(removed) ? (removed as unknown as CountableItem['removed']) : null,
  };
}

/** Whether anything from the dataset is saved (else there is nothing to count and nothing to write). */
export function hasDatasetItems(rawItems: readonly unknown[]): boolean {
  return rawItems.some((r) => isObject(r) && typeof r.providerId === 'string');
}

/** Providers with something unseen once the stored items are reconciled with `facts` (lists in the trash left out). */
export function countUnseenNow(
  raw: { shortlists: readonly unknown[]; items: readonly unknown[] },
  facts: FactsLookup,
  version: DatasetVersion,
  now: number,
): number {
  const live = new Set<string>();
  for (const l of raw.shortlists) if (isObject(l) && typeof l.id === 'string' && (l.deletedAt ?? null) === null) live.add(l.id);
  const items: CountableItem[] = [];
  for (const r of raw.items) {
    const item = countable(r);
    if (!item || item.providerId === null) continue;
    try {
      items.push(reconcile(item, facts(item.providerId) ?? null, version, now) ?? item);
    } catch {
      // A snapshot this code cannot compare: not counted (the panel's validated read sets it aside too).
    }
  }
  return countUnseen(items, live);
}
