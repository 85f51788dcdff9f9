import { useState } from 'preact/hooks';
import { SourceRefs } from '@/components/common/SourceRefs';
import { changedSinceHeading, removalText, unseenChanges } from '@/lib/changes/unseen';
import { StorageError, toStorageError } from '@/lib/shortlist/errors';
import type { ShortlistItem } from '@/lib/shortlist/schema';

interface Props {
  /** A shortlisted item with something unseen (lib/changes hasUnseen). */
  item: ShortlistItem;
  /** "Mark as seen" (ShortlistStore.markSeen). */
  onSeen: () => Promise<void>;
  today?: Date;
  /** 'card': on the provider's card, which names the provider already. */
  place: 'row' | 'card';
}

/**
 * "Changed since you saved it: …" — the changes found since the user last looked, closure or acquisition
 * first, each with the sources of the new fact; and a removal from the dataset. Until "Mark as seen".
 */
export function ChangeNotice({ item, onSeen, today = new Date(), place }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StorageError | null>(null);
  const changes = unseenChanges(item);
  const removed = item.removed && item.removed.seenAt === null ? item.removed : null;
  const urgent = changes.some((c) => c.priority === 0) || removed !== null;
  const seen = async () => {
    setBusy(true);
    try {
      await onSeen();
      setError(null);
    } catch (err) {
      setError(err instanceof StorageError ? err : toStorageError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class={`notice change-notice${urgent ? ' notice--warn' : ''}`} aria-label={place === 'card' ? 'Changes since you saved this clinic' : 'Changes'} data-changes={place}>
      {removed && <p class="change-notice__removed"><strong>{removalText(removed)}.</strong></p>}
      {changes.length > 0 && (
        <>
          <p class="change-notice__heading">
            <strong>{changedSinceHeading(item)}:</strong>
          </p>
          <ul class="change-notice__list">
            {changes.map((c, i) => (
              <li key={i} class={`change-notice__change change-notice__change--${c.kind}`}>
                {c.text}
                <SourceRefs sources={c.sources} today={today} />
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="button button--secondary change-notice__seen" disabled={busy} onClick={() => void seen()}>
        Mark as seen
      </button>
      {error && (
        <p class="sl-error" role="alert">
          <strong>Not saved.</strong> {error.message}
        </p>
      )}
    </section>
  );
}
