// Shortlists as plain records: what exports take and what the fallback reader recovers when storage
// cannot be opened normally. Reading the database is the store's job (state/shortlists/store.ts).
import type { DbDump } from './db';
import type { Provider } from '../dataset/schema';
import type { Shortlist, ShortlistItem } from './schema';

/** Every list and item, as records. */
export interface Records {
  shortlists: Shortlist[];
  items: ShortlistItem[];
}

/** What the export menu reads; the store's snapshot (useShortlists()) fits as is. */
export interface ShortlistData {
  status: 'loading' | 'ready' | 'error';
  /** Lists not in the trash, in display order. */
  lists: readonly Shortlist[];
  /** Lists in the trash (included in an "all lists" JSON backup, so a restore is exact). */
  deleted: readonly Shortlist[];
  /** Items by list id, in display order. */
  items: ReadonlyMap<string, readonly ShortlistItem[]>;
}

/** Every list (trash included) and item in `data`. */
export function recordsOf(data: ShortlistData): Records {
  const shortlists = [...data.lists, ...data.deleted];
  return { shortlists, items: shortlists.flatMap((l) => [...(data.items.get(l.id) ?? [])]) };
}

/** Records read straight from the database, and how many stored records were not valid and left out. */
export interface SavedRecords extends Records {
  skipped: number;
}

/**
 * The fallback reader: what is saved, read without the shortlist repository (which may refuse to open, e.g.
 * after a failed upgrade). Invalid records and items whose list is missing are left out and counted.
 * Null when nothing was ever saved. Rejects (StorageError) when the browser refuses IndexedDB altogether.
 */
export async function readSavedRecords(dump: () => Promise<DbDump | null>): Promise<SavedRecords | null> {
  const db = await dump();
  if (!db) return null;
  // zod loads here, not with the panel (this runs only when storage cannot be opened normally).
  const { Shortlist, ShortlistItem } = await import('./schema');
  let skipped = 0;
  const shortlists: Shortlist[] = [];
  for (const raw of db.stores.shortlists?.records ?? []) {
    const r = Shortlist.safeParse(raw);
    if (r.success) shortlists.push(r.data);
    else skipped++;
  }
  shortlists.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listIds = new Set(shortlists.map((s) => s.id));
  const items: ShortlistItem[] = [];
  for (const raw of db.stores.items?.records ?? []) {
    const r = ShortlistItem.safeParse(raw);
    if (r.success && listIds.has(r.data.shortlistId)) items.push(r.data);
    else skipped++;
  }
  return { shortlists, items, skipped };
}

/** The name shown for an item: the user's own entry, the dataset's current name, or the saved snapshot. */
export function itemName(item: ShortlistItem, provider: Provider | undefined): string {
  return item.custom?.name ?? provider?.name ?? item.snapshot.name;
}
