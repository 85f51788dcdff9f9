// What the CSV and Markdown exports take, and which lists and items an export covers.
import type { ComparisonTable } from './comparison';
import type { Provider } from '../dataset/schema';
import type { General } from '../dataset/general-schema';
import { Shortlist, ShortlistItem } from '../shortlist/schema';

/** Extra lines the UI computes for one item (the exports never compute costs themselves). */
export interface ItemExtras {
  /** One line from the cost plan, e.g. "$2,400–$4,800 for the first 6 sessions". Shown with the estimate caveat. */
  costEstimate?: string;
}

export type { ComparisonTable };

export interface ExportInput {
  /** The lists to export, in the order to show them. */
  shortlists: readonly Shortlist[];
  /** Items; those on lists not in `shortlists` are ignored. Ordered by `position` within each list. */
  items: readonly ShortlistItem[];
  /** Dataset lookup; undefined for ids no longer in the dataset (the item's snapshot is used). */
  provider: (id: string) => Provider | undefined;
  /** For the checklist question texts; answers to questions it does not list are still exported. */
  general: Pick<General, 'questions'> | null;
  /** Date shown in the Markdown header (local date). */
  exportedAt: Date;
  /** Per-item cost line, from the cost plan. */
  itemExtras?: (item: ShortlistItem) => ItemExtras | undefined;
  /** Per-list comparison table (Markdown only; a CSV has one row per item). */
  comparison?: (list: Shortlist) => ComparisonTable | undefined;
}

/**
 * The records one export covers: one list (`listId`) or all lists, lists in the trash only when
 * `includeDeleted` (use it for the "back up everything" JSON so a restore is exact).
 */
export function selectForExport(
  data: { shortlists: readonly Shortlist[]; items: readonly ShortlistItem[] },
  options: { listId?: string | null; includeDeleted?: boolean } = {},
): { shortlists: Shortlist[]; items: ShortlistItem[] } {
  const shortlists = data.shortlists.filter((s) =>
    options.listId != null ? s.id === options.listId : options.includeDeleted || s.deletedAt === null,
  );
  const ids = new Set(shortlists.map((s) => s.id));
  return { shortlists, items: data.items.filter((i) => ids.has(i.shortlistId)) };
}

/**
 * The records that pass the model's schema, as given (not copied), in order. Exports call this first, so a
 * damaged record (an item without its snapshot, say) is left out instead of making the export throw;
 * the repository reports such records with listUnreadable() and `unreadableRecordsJson` exports them raw.
 */
export function readableOnly(data: { shortlists: readonly unknown[]; items: readonly unknown[] }): { shortlists: Shortlist[]; items: ShortlistItem[] } {
  return {
    shortlists: data.shortlists.filter((s): s is Shortlist => Shortlist.safeParse(s).success),
    items: data.items.filter((i): i is ShortlistItem => ShortlistItem.safeParse(i).success),
  };
}

/** Each list with its items in display order (position, then creation, then id). Unreadable records are left out. */
export function groupItems(
  allShortlists: readonly Shortlist[],
  allItems: readonly ShortlistItem[],
): { list: Shortlist; items: ShortlistItem[] }[] {
  const { shortlists, items } = readableOnly({ shortlists: allShortlists, items: allItems });
  const byList = new Map<string, ShortlistItem[]>(shortlists.map((s) => [s.id, []]));
  for (const item of items) byList.get(item.shortlistId)?.push(item);
  return shortlists.map((list) => ({
    list,
    items: (byList.get(list.id) ?? []).sort(
      (a, b) => a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    ),
  }));
}
