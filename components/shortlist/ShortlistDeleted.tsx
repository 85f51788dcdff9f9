import { useId, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { StorageError, toStorageError } from '@/lib/shortlist';
import type { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';

const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
const DAY_MS = 24 * 3600_000;

interface Props {
  deleted: readonly Shortlist[];
  items: ReadonlyMap<string, readonly ShortlistItem[]>;
  store: Pick<ShortlistStore, 'restoreList'>;
  onRestored: (list: Shortlist) => void;
  keepDays: number;
  now: number;
}

/** Lists deleted in the last 30 days, each with "Restore". */
export function ShortlistDeleted({ deleted, items, store, onRestored, keepDays, now }: Props) {
  const id = useId();
  const [error, setError] = useState<StorageError | null>(null);
  if (deleted.length === 0) return null;

  const restore = async (list: Shortlist) => {
    try {
      const restored = await store.restoreList(list.id);
      setError(null);
      onRestored(restored);
    } catch (err) {
      setError(err instanceof StorageError ? err : toStorageError(err));
    }
  };

  return (
    <section class="sl-deleted" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Recently deleted</h3>
      <p class="sl-hint">Deleted lists are kept for {keepDays} days, with their clinics and notes, then removed for good.</p>
      <ul class="sl-deleted__list">
        {deleted.map((list) => {
          const count = items.get(list.id)?.length ?? 0;
          const left = list.deletedAt === null ? keepDays : Math.max(0, Math.floor((list.deletedAt + keepDays * DAY_MS - now) / DAY_MS));
          return (
            <li key={list.id} class="sl-deleted__item">
              <span id={`${id}-${list.id}`}>
                <strong>{list.name}</strong> — {count} {count === 1 ? 'clinic' : 'clinics'}, deleted{' '}
                {list.deletedAt !== null ? day.format(new Date(list.deletedAt)) : ''} ({left === 0 ? 'less than a day' : left === 1 ? '1 day' : `${left} days`} left to restore)
              </span>
              <button type="button" class="button button--secondary sl-small" aria-describedby={`${id}-${list.id}`} onClick={() => void restore(list)}>
                Restore
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="sl-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
