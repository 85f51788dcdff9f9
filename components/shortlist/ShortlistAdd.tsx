import { useId, useState } from 'preact/hooks';
import { membershipOf, type ProviderRef } from '@/state/shortlists/store';
import { useShortlists } from '@/state/shortlists/context';
import type { StorageError } from '@/lib/shortlist';
import { StorageNotice } from './StorageNotice';

interface Props {
  provider: ProviderRef;
  /** The panel's tab is in a private window: adding still works, by this click only, and says where it is kept. */
  incognito: boolean;
  /** Opens the Shortlist view (after the list to show was selected). */
  onOpenList?: () => void;
}

/**
 * "Add to shortlist" on a provider card, and "On your shortlist: <list>" once it is on one. With several
 * lists the user picks which (the default list first) in a labelled select.
 */
export function ShortlistAdd({ provider, incognito, onOpenList }: Props) {
  const sl = useShortlists();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StorageError | null>(null);
  const [announce, setAnnounce] = useState('');
  const selectId = useId();

  const on = membershipOf(sl, provider.id);
  const onIds = new Set(on.map((l) => l.id));
  const available = sl.lists.filter((l) => !onIds.has(l.id));
  const target = available.find((l) => l.id === choice) ?? available[0];
  // With no list yet, or only one, the button goes straight to the default list (created on first add).
  const canAdd = sl.status !== 'ready' || sl.lists.length === 0 || available.length > 0;
  const showChoice = sl.lists.length > 1 && available.length > 0;

  const add = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const item = await sl.store.addProvider(provider, showChoice ? target?.id : available[0]?.id);
      const list = sl.store.snapshot.lists.find((l) => l.id === item.shortlistId);
      setAnnounce(`Added to ${list?.name ?? 'your shortlist'}.`);
    } catch (err) {
      setError(err as StorageError);
    } finally {
      setBusy(false);
    }
  };

  const open = (listId: string) => {
    const item = sl.items.get(listId)?.find((i) => i.providerId === provider.id);
    sl.selectList(listId, item?.id ?? null);
    onOpenList?.();
  };

  return (
    <div class="shortlist-add">
      {on.length > 0 && (
        <p class="shortlist-add__on">
          <span class="shortlist-add__check" aria-hidden="true">
            ✓{' '}
          </span>
          On your shortlist:{' '}
          {on.map((list, i) => (
            <span key={list.id}>
              {i > 0 && ', '}
              <a
                href="#/shortlist"
                onClick={(e) => {
                  e.preventDefault();
                  open(list.id);
                }}
              >
                {list.name}
              </a>
            </span>
          ))}
        </p>
      )}
      {canAdd && (
        <div class="shortlist-add__controls">
          {showChoice && (
            <span class="shortlist-add__choice">
              <label for={selectId}>List</label>
              <select id={selectId} value={target?.id} onChange={(e) => setChoice(e.currentTarget.value)}>
                {available.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </span>
          )}
          <button type="button" class="button" onClick={add} disabled={busy} aria-describedby={incognito ? `${selectId}-private` : undefined}>
            Add to shortlist
          </button>
        </div>
      )}
      {incognito && (
        <p class="shortlist-add__private" id={`${selectId}-private`}>
          This window is private, but your shortlist is stored on this device.
        </p>
      )}
      {sl.status === 'error' && sl.error && !error && <StorageNotice error={sl.error} compact />}
      {error && <StorageNotice error={error} compact onRetry={add} />}
      <p class="sl-visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
