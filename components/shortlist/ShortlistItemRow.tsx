import { Component, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useShortlistStore } from '@/state/shortlists/context';
import type { Provider } from '@/lib/dataset/schema';
import { ITEM_STATUS_LABEL } from '@/lib/format/labels';
import { itemWebsite, safeHref, siteName } from '@/lib/format/links';
import { itemName } from '@/lib/shortlist/records';
import { StorageError, toStorageError } from '@/lib/shortlist';
import type { ItemStatus, ShortlistItem } from '@/lib/shortlist/schema';
import { ShortlistNotes } from './ShortlistNotes';
import { ShortlistQuote } from './ShortlistQuote';
import { ShortlistUpdated } from './ShortlistUpdated';
import { ChangeNotice } from './ChangeNotice';
import { ChangeHistory } from './ChangeHistory';
import { hasUnseen, removalText } from '@/lib/changes/tracking';

const STATUSES = Object.keys(ITEM_STATUS_LABEL) as ItemStatus[];


const PREVIEW_CHARS = 160;

export interface ShortlistItemRowProps {
  item: ShortlistItem;
  /** The dataset record; undefined for the user's own entry or a provider that left the dataset. */
  provider: Provider | undefined;
  index: number;
  count: number;
  expanded: boolean;
  onToggle: (id: string) => void;
  onMove: (item: ShortlistItem, delta: -1 | 1) => void;
  onRemove: (item: ShortlistItem) => void;
  /** After a move, the button to put focus back on. */
  focus: 'up' | 'down' | null;
  /**
   * COST ESTIMATE AND CHECKLIST SLOT: what the cost-plan and question-checklist features render for this
   * item, shown in its details between the quote and "Remove".
   */
  renderExtras?: (item: ShortlistItem, provider: Provider | undefined) => ComponentChildren;
  /** Rounded to the minute by the list, so rows don't re-render every render. */
  now: number;
}

function Row({ item, provider, index, count, expanded, onToggle, onMove, onRemove, focus, renderExtras, now }: ShortlistItemRowProps) {
  const store = useShortlistStore();
  const id = useId();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const [statusError, setStatusError] = useState<StorageError | null>(null);
  const name = itemName(item, provider);
  const custom = item.custom;
  const gone = item.providerId !== null && provider === undefined;
  const website = safeHref(itemWebsite(item, provider)); // dataset providers: the dataset's address only
  const place = custom ? [custom.city, custom.state].filter(Boolean).join(', ') : '';
  const first = index === 0;
  const last = index === count - 1;

  useEffect(() => {
    if (focus === 'up') (first ? downRef : upRef).current?.focus();
    else if (focus === 'down') (last ? upRef : downRef).current?.focus();
  }, [focus, index]);

  const setStatus = async (status: ItemStatus) => {
    try {
      await store.updateItem(item.id, { status });
      setStatusError(null);
    } catch (err) {
      setStatusError(err instanceof StorageError ? err : toStorageError(err));
    }
  };

  return (
    <li class={`sl-item sl-item--${item.status}`} data-item={item.id}>
      <article class="sl-item__card" aria-labelledby={`${id}-name`}>
        <div class="sl-item__head">
          <h3 class="sl-item__name" id={`${id}-name`}>
            {name}
          </h3>
          {custom && <span class="tag sl-tag--own">Your own entry</span>}
          {gone && <span class="tag tag--warn">No longer in Clinic Scout's list</span>}
          {provider?.status.state === 'closed' && <span class="tag tag--warn">Closed</span>}
        </div>
        <p class="sl-item__meta">
          {place && <span class="sl-item__place">{place} · </span>}
          <ShortlistUpdated at={item.updatedAt} now={now} />
        </p>
        {hasUnseen(item) && <ChangeNotice item={item} place="row" onSeen={() => store.markSeen(item)} />}
        {!expanded && item.notes.trim() !== '' && (
          <p class="sl-item__preview">
            {item.notes.length > PREVIEW_CHARS ? `${item.notes.slice(0, PREVIEW_CHARS)}…` : item.notes}
          </p>
        )}
        <div class="sl-item__bar">
          <span class="sl-item__status">
            <label for={`${id}-status`} class="sl-label">
              Status
            </label>
            <select id={`${id}-status`} value={item.status} onChange={(e) => void setStatus(e.currentTarget.value as ItemStatus)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ITEM_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </span>
          <button
            type="button"
            class="button button--secondary sl-item__toggle"
            aria-expanded={expanded}
            aria-controls={`${id}-details`}
            onClick={() => onToggle(item.id)}
          >
            <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
            Notes and details
          </button>
          <span class="sl-item__move">
            <button
              type="button"
              ref={upRef}
              class="button button--secondary sl-item__move-button"
              aria-disabled={first ? true : undefined}
              onClick={() => !first && onMove(item, -1)}
            >
              Move up<span class="sl-visually-hidden"> {name}</span>
            </button>
            <button
              type="button"
              ref={downRef}
              class="button button--secondary sl-item__move-button"
              aria-disabled={last ? true : undefined}
              onClick={() => !last && onMove(item, 1)}
            >
              Move down<span class="sl-visually-hidden"> {name}</span>
            </button>
          </span>
        </div>
        {statusError && (
          <p class="sl-error" role="alert">
            <strong>Status not saved.</strong> {statusError.message}
          </p>
        )}
        {expanded && (
          <div class="sl-item__details" id={`${id}-details`}>
            {custom && (
              <p class="sl-item__own">
                You added this clinic yourself. Clinic Scout has not checked anything about it.
              </p>
            )}
            {gone && (
              <p class="notice notice--warn sl-item__gone">
                {item.removed && `${removalText(item.removed)}. `}Clinic Scout no longer lists this clinic, so only what you saved is
                shown: its name and website as they were when you added it, and your notes.
              </p>
            )}
            <p class="sl-item__links">
              {provider && <a href={`#/provider/${provider.id}`}>Open the clinic's card</a>}
              {provider && website && ' · '}
              {website && (
                <a href={website} target="_blank" rel="noopener noreferrer">
                  {siteName(website)}
                </a>
              )}
            </p>
            <ShortlistNotes itemId={item.id} saved={item.notes} store={store} />
            <ChangeHistory item={item} />
            <ShortlistQuote itemId={item.id} quote={item.quote} store={store} />
            {/* COST ESTIMATE AND CHECKLIST SLOT (prop `renderExtras`): the per-item cost estimate and question
                checklist go here. */}
            {renderExtras && (
              <div class="sl-item__extras" data-slot="cost-and-checklist">
                {renderExtras(item, provider)}
              </div>
            )}
            <button type="button" class="button button--secondary sl-item__remove" onClick={() => onRemove(item)}>
              Remove from shortlist
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

/**
 * One clinic on a shortlist. Memoised (shallow props), so a change to one item re-renders only that row.
 * Not preact/compat's memo: importing compat would switch every onChange in the panel to input events.
 */
export class ShortlistItemRow extends Component<ShortlistItemRowProps> {
  override shouldComponentUpdate(next: ShortlistItemRowProps): boolean {
    const prev = this.props as unknown as Record<string, unknown>;
    const incoming = next as unknown as Record<string, unknown>;
    for (const key in incoming) if (prev[key] !== incoming[key]) return true;
    for (const key in prev) if (!(key in incoming)) return true;
    return false;
  }

  override render() {
    return <Row {...this.props} />;
  }
}
