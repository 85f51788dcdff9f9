import { formatDay, removalText } from '@/lib/changes/unseen';
import type { ShortlistItem } from '@/lib/shortlist/schema';

/** An item's changes already marked as seen, newest first: the old values are never lost. */
export function ChangeHistory({ item }: { item: ShortlistItem }) {
  const seen = item.changeHistory.filter((e) => e.seenAt !== null).reverse();
  const removed = item.removed && item.removed.seenAt !== null ? item.removed : null;
  if (seen.length === 0 && !removed && !item.facts) return null;
  return (
    <div class="change-history">
      <h4 class="sl-extras__title">Changes since you saved it</h4>
      {item.facts && (
        <p class="fact__note">
          {item.facts.firstRun ? 'Clinic Scout has kept track of its facts' : 'Facts as you last saw them'} since {formatDay(item.facts.snapshotSince)}.
        </p>
      )}
      {removed && <p>{removalText(removed)}.</p>}
      {seen.length === 0 && !removed && <p class="fact__note">No changes seen yet.</p>}
      {seen.length > 0 && (
        <ul class="change-history__list">
          {seen.map((e, i) => (
            <li key={i}>
              <span class="change-history__when">
                Found {formatDay(e.foundAt)}, marked as seen {formatDay(e.seenAt!)}:
              </span>
              <ul>
                {e.changes.map((c, j) => (
                  <li key={j}>{c.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
