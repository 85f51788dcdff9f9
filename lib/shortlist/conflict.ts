// Typed results of writes that could drop something the user did not see: a write of user text made
// from a revision another window has since changed (ItemConflictError), and an import confirmed against
// records that changed since its preview (RecordsChangedError). Neither writes anything.
import { StorageError } from './errors';
import type { Shortlist, StoredShortlistItem } from './schema';

/** The user-text fields a conflict can be about. */
export type ItemField = 'notes' | 'status' | 'quote' | 'answers' | 'plan';

/** What a write of user text tried to store (the patch as given, without `expectedRevision`). */
export interface AttemptedItemChange {
  notes?: string;
  status?: StoredShortlistItem['status'];
  quote?: StoredShortlistItem['quote'];
  answers?: Record<string, StoredShortlistItem['answers'][string] | null>;
  plan?: StoredShortlistItem['plan'];
}

/**
 * Thrown by ShortlistDb.updateItem when `expectedRevision` is not the stored revision: another window
 * (or an import) changed the item after this caller read it. NOTHING WAS WRITTEN. Both versions are here
 * so the UI can show them side by side and let the user choose:
 *
 *   try {
 *     await db.updateItem(item.id, { notes: typed, expectedRevision: item.revision });
 *   } catch (err) {
 *     if (!isItemConflict(err)) throw err;
 *     // show err.stored.notes (theirs, saved) and err.attempted.notes (what this window typed);
 *     // the user picks or merges, then write the choice against the revision now stored:
 *     await db.updateItem(item.id, { notes: chosen, expectedRevision: err.stored.revision });
 *   }
 *
 * `fields` lists the attempted fields whose stored value differs from the attempted one (what the user
 * has to decide about); a field attempted with the value already stored is not a conflict.
 */
export class ItemConflictError extends StorageError {
  readonly itemId: string;
  /** The item as stored now, with its current revision. */
  readonly stored: StoredShortlistItem;
  /** What this write tried to store. */
  readonly attempted: AttemptedItemChange;
  /** The revision the caller had read. */
  readonly expectedRevision: number;
  readonly fields: ItemField[];

  constructor(stored: StoredShortlistItem, attempted: AttemptedItemChange, expectedRevision: number, fields: ItemField[]) {
    super('conflict', {
      detail: `item ${stored.id}: expected revision ${expectedRevision}, stored ${stored.revision}; fields ${fields.join(', ')}`,
    });
    this.itemId = stored.id;
    this.stored = stored;
    this.attempted = attempted;
    this.expectedRevision = expectedRevision;
    this.fields = fields;
  }
}

export function isItemConflict(err: unknown): err is ItemConflictError {
  return err instanceof ItemConflictError;
}

/** Lists and items as a caller read them (e.g. the records an import preview was planned against). */
export interface RecordsSeen {
  shortlists: readonly Pick<Shortlist, 'id' | 'updatedAt' | 'deletedAt'>[];
  items: readonly { id: string; updatedAt: number; revision?: number }[];
}

/**
 * Thrown by ShortlistDb.writeAll(input, { unchangedSince }) when the stored lists or items are not the
 * ones the caller planned against. Nothing was written; `current` is what is stored now (readable
 * records), so the caller can plan again and show the new preview.
 */
export class RecordsChangedError extends StorageError {
  readonly current: { shortlists: Shortlist[]; items: StoredShortlistItem[] };

  constructor(current: { shortlists: Shortlist[]; items: StoredShortlistItem[] }) {
    super('conflict', {
      message:
        'Your shortlists changed in another window since this preview, so nothing was imported. ' +
        'Check the updated preview, then confirm again.',
      detail: 'writeAll: records changed since unchangedSince',
    });
    this.current = current;
  }
}

/** A key for a set of records: equal keys mean no record was added, removed or written in between. */
export function recordsKey(r: RecordsSeen): string {
  return [
    ...r.shortlists.map((s) => `l:${s.id}:${s.updatedAt}:${s.deletedAt}`),
    ...r.items.map((i) => `i:${i.id}:${i.updatedAt}:${i.revision ?? ''}`),
  ]
    .sort()
    .join('|');
}

/**
 * A stored record that could not be read (it fails today's schema: damaged, or written by a bug). It is
 * left in the database untouched and never shown as a list or clinic; the UI says so in plain words
 * and offers its raw value for export (lib/export `unreadableRecordsJson`).
 */
export interface UnreadableRecord {
  store: 'shortlists' | 'items';
  /** Its primary key, when it has one. */
  key: IDBValidKey;
  /** For an item whose shortlistId can still be read: the list it belongs to. */
  shortlistId: string | null;
  /** What is wrong, e.g. 'snapshot: expected object, received undefined'. */
  reason: string;
  /** The record exactly as stored. */
  raw: unknown;
}
